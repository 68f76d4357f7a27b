// `npm start -- --headless` as a user runs it: a child process that must exit 0, print the
// summary and leave a workbook whose cells are exactly what Pinterest sent.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { ROOT } from '../support/local';

const run = promisify(execFile);
const START = join(ROOT, 'build', 'dev', 'start.cjs');
const EXAMPLES = join(ROOT, 'dev', 'sandbox', 'examples');

async function headless(args: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), 'headless-')), 'report.xlsx');
  const { stdout } = await run(process.execPath, [START, '--headless', '--out', out, ...args]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  return { stdout, workbook };
}

describe('npm start -- --headless', () => {
  it('refreshes the default report from a world file and saves it as xlsx', async () => {
    const { stdout, workbook } = await headless([
      '--world',
      join(EXAMPLES, 'world.json'),
      '--today',
      '2026-03-10',
    ]);
    expect(stdout).toMatch(/ad accounts:\s+2/);
    expect(stdout).toMatch(/rows:\s+4/);
    const sheet = workbook.getWorksheet('Pinterest Ads')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Date (UTC)');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('replays recorded exchanges without a live server behind them', async () => {
    const { stdout, workbook } = await headless([
      '--replay',
      join(EXAMPLES, 'recorded'),
      '--today',
      '2026-03-10',
    ]);
    expect(stdout).toMatch(/rows:\s+4/);
    const formulas: unknown[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.formula) formulas.push(cell.address);
        }),
      ),
    );
    expect(formulas).toEqual([]);
    const ids = workbook.getWorksheet('Pinterest Ads')!.getColumn(2).values.slice(2);
    for (const id of ids) expect(typeof id).toBe('string');
  });

  it('names the fix for an unknown option and exits non-zero', async () => {
    await expect(run(process.execPath, [START, '--headles'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/Unknown option --headles/),
    });
  });
});

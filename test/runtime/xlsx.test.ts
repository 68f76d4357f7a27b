// Specification of saveXlsx: the workbook read back with exceljs keeps sheets in order, value
// types, number formats, bold, frozen panes, hidden sheets, and shows any formula as a formula.
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, newRuntime } from './helpers';

let runtime: Runtime;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  runtime = newRuntime();
  gas(
    runtime,
    `var ss = SpreadsheetApp.getActive();
     var report = ss.insertSheet('Campaigns');
     report.getRange('A:A').setNumberFormat('@');
     report.getRange('A1:E3').setValues([
       ['campaign_id', 'date', 'spend', 'active', 'title'],
       ['549755813888123456', '2026-03-04', 12.5, true, "'=HYPERLINK(\\"x\\")"],
       ['549755813888123457', new Date(Date.UTC(2026, 2, 5)), 7, false, '=1+1'],
     ]);
     report.getRange('A1:E1').setFontWeight('bold');
     report.getRange('C2:C3').setNumberFormat('#,##0.00');
     report.getRange('B3').setNumberFormat('yyyy-mm-dd');
     report.getRange('E2').setNote('Pin title');
     report.setFrozenRows(1);
     report.setColumnWidth(5, 210);
     ss.insertSheet('Hidden').getRange('A1').setValue('x');
     ss.getSheetByName('Hidden').hideSheet();`,
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gas-xlsx-')), 'report.xlsx');
  await runtime.saveXlsx(file);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
});
afterAll(() => runtime.dispose());

test('every sheet is written in tab order, hidden sheets stay hidden', () => {
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Sheet1', 'Campaigns', 'Hidden']);
  expect(workbook.getWorksheet('Hidden')!.state).toBe('hidden');
});

test('ids in a text column stay text with the @ format', () => {
  const cell = workbook.getWorksheet('Campaigns')!.getCell('A2');
  expect(cell.value).toBe('549755813888123456');
  expect(cell.numFmt).toBe('@');
});

test('dates, numbers and booleans keep their types and formats', () => {
  const sheet = workbook.getWorksheet('Campaigns')!;
  expect(sheet.getCell('B2').value).toEqual(new Date(Date.UTC(2026, 2, 4)));
  expect(sheet.getCell('B2').numFmt).toBe('yyyy-mm-dd');
  expect(sheet.getCell('B3').value).toEqual(new Date(Date.UTC(2026, 2, 5)));
  expect(sheet.getCell('C2').value).toBe(12.5);
  expect(sheet.getCell('C2').numFmt).toBe('#,##0.00');
  expect(sheet.getCell('D2').value).toBe(true);
  expect(sheet.getCell('D3').value).toBe(false);
});

test('escaped text stays text and a formula that slipped in is visible as a formula', () => {
  const sheet = workbook.getWorksheet('Campaigns')!;
  expect(sheet.getCell('E2').value).toBe('=HYPERLINK("x")');
  expect(sheet.getCell('E3').value).toEqual({ formula: '1+1' });
  expect(sheet.getCell('E2').note).toBe('Pin title');
});

test('bold headers, frozen rows and column widths are kept', () => {
  const sheet = workbook.getWorksheet('Campaigns')!;
  expect(sheet.getCell('A1').font?.bold).toBe(true);
  expect(sheet.getCell('A2').font?.bold).toBeFalsy();
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.getColumn(5).width).toBeGreaterThan(20);
});

// The main job end to end: the built bundle in the local Apps Script runtime connects to the
// Pinterest sandbox through OAuth, creates the default report and refreshes it. The tab must
// equal the sandbox's ground truth, row for row.

import { addDays } from '../../src/core/dates';
import { DEFAULT_COLUMNS } from '../../src/core/report/definition';
import { createWorld } from '../../dev/sandbox/world';
import { exchangeLog, startLocal, type Local } from '../support/local';

const TODAY = '2026-12-04';
const START = addDays(TODAY, -30);
const END = addDays(TODAY, -1);
const TAB = 'Pinterest Ads';

let local: Local;
let summary: { accounts: number; rows: number; requests: number };
const world = createWorld({ seed: 1, today: TODAY });

beforeAll(async () => {
  local = await startLocal({ today: TODAY, seed: 1 });
  const report = local.call<{ id: string }>('createDefaultReport');
  summary = local.call('refreshReport', report.id);
});

afterAll(async () => {
  await local?.stop();
});

function sheetValues(name: string): unknown[][] {
  const sheet = local.runtime.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet.getDataRange().getValues();
}

function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** The rows the default report must hold, computed from the sandbox's world directly. */
function expectedRows(): unknown[][] {
  const rows: unknown[][] = [];
  for (const account of world.adAccounts) {
    const campaigns = world.campaigns.filter((c: any) => c.ad_account_id === account.id);
    const byId = new Map(campaigns.map((c: any) => [c.id, c]));
    const truth = world.analyticsRows(
      'CAMPAIGN',
      account.id,
      campaigns.map((c: any) => c.id),
      START,
      END,
      'DAY',
      DEFAULT_COLUMNS,
    );
    for (const row of truth) {
      const campaign: any = byId.get(row.CAMPAIGN_ID as string);
      rows.push([
        row.DATE,
        account.id,
        account.name,
        account.currency,
        row.CAMPAIGN_ID,
        campaign.name,
        campaign.status,
        ...DEFAULT_COLUMNS.map((column) => {
          const value = row[column];
          if (value === undefined || value === null) return column === 'CTR' ? '' : 0;
          return column.endsWith('_IN_MICRO_DOLLAR') ? (value as number) / 1e6 : value;
        }),
        // 30-day click attribution on the ad's day: every day of the range may still change.
        'provisional',
      ]);
    }
  }
  return rows;
}

const key = (row: unknown[]) => `${isoDate(row[0])}|${row[1]}|${row[4]}`;

describe('the default report, refreshed by the built bundle against the sandbox', () => {
  it('writes exactly the sandbox’s rows: none missing, none duplicated, every value equal', () => {
    const [, ...rows] = sheetValues(TAB);
    const actual = rows.map((row) => [isoDate(row[0]), ...row.slice(1)]);
    const expected = expectedRows();
    expect(expected.length).toBeGreaterThan(100);
    expect(new Set(actual.map(key)).size).toBe(actual.length);
    const sort = (list: unknown[][]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(sort(actual)).toEqual(sort(expected));
    expect(summary.rows).toBe(expected.length);
  });

  it('covers every ad account, in USD, EUR and JPY among them', () => {
    const [, ...rows] = sheetValues(TAB);
    const currencies = new Set(rows.map((row) => row[3]));
    expect(summary.accounts).toBe(world.adAccounts.length);
    for (const currency of ['USD', 'EUR', 'JPY']) expect(currencies).toContain(currency);
  });

  it('matches each account’s spend over the range to the last unit of its currency', () => {
    const [header, ...rows] = sheetValues(TAB);
    const spendColumn = header.indexOf('Spend');
    for (const account of world.adAccounts) {
      const truth = world.analyticsRows('AD_ACCOUNT', account.id, [], START, END, 'TOTAL', [
        'SPEND_IN_MICRO_DOLLAR',
      ]);
      const expected = ((truth[0]?.SPEND_IN_MICRO_DOLLAR as number) ?? 0) / 1e6;
      const actual = rows
        .filter((row) => row[1] === account.id)
        .reduce((sum, row) => sum + (row[spendColumn] as number), 0);
      const minorUnits = account.currency === 'JPY' ? 1 : 100;
      expect(Math.round(actual * minorUnits)).toBe(Math.round(expected * minorUnits));
    }
  });

  it('keeps 18-digit ids exactly, as text', () => {
    const [, ...rows] = sheetValues(TAB);
    const ids = rows.flatMap((row) => [row[1], row[4]]);
    const longIds = ids.filter((id) => String(id).length === 18);
    expect(longIds.length).toBeGreaterThan(0);
    for (const id of longIds) {
      expect(typeof id).toBe('string');
      // As a number it would have lost digits: the test is only meaningful for such ids.
      expect(String(Number(id))).not.toBe(id);
    }
    const accountIds = new Set(world.adAccounts.map((a: any) => a.id));
    const campaignIds = new Set(world.campaigns.map((c: any) => c.id));
    for (const row of rows) {
      expect(accountIds).toContain(row[1]);
      expect(campaignIds).toContain(row[4]);
    }
  });

  it('holds no formula anywhere, though names start with = + - @', () => {
    const names = world.campaigns.map((c: any) => String(c.name));
    expect(names.some((name: string) => /^[=+\-@]/.test(name))).toBe(true);
    for (const sheet of local.runtime.spreadsheet.getSheets()) {
      const formulas: string[][] = sheet.getDataRange().getFormulas();
      expect(formulas.flat().filter(Boolean)).toEqual([]);
    }
  });

  it('freezes a header row labelled with UTC dates', () => {
    const sheet = local.runtime.spreadsheet.getSheetByName(TAB)!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheetValues(TAB)[0][0]).toBe('Date (UTC)');
  });

  it('writes a data dictionary naming each column’s API field and unit', () => {
    const rows = sheetValues('Data dictionary');
    const spend = rows.find((row) => row[2] === 'SPEND_IN_MICRO_DOLLAR');
    expect(spend?.[1]).toBe('Spend');
    expect(String(spend?.[3])).toMatch(/account currency/);
  });

  it('made only requests the spec allows, and got only answers the spec describes', async () => {
    const log = await exchangeLog(local.sandbox);
    expect(log.length).toBeGreaterThan(0);
    const problems = log.filter(
      (entry) => entry.requestErrors.length || entry.responseErrors.length || entry.status >= 400,
    );
    expect(problems).toEqual([]);
  });
});

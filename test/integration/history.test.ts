// A tab's history over many days: days that leave a short range still settle, weekly and
// monthly rows never lose or double a day, rows age from provisional to final, a deleted tab
// comes back whole, and a job larger than a day's quota finishes over several days.

import { addDays } from '../../src/core/dates';
import { createWorld } from '../../dev/sandbox/world';
import { sandboxAdmin, startLocal, type Local } from '../support/local';
import { campaignReport, tabRows, truthRows } from '../support/truth';

const WORLD_TODAY = '2026-11-20';
const world = createWorld({ seed: 4, today: WORLD_TODAY, settlingDays: 3 });

async function goTo(local: Local, day: string): Promise<void> {
  await sandboxAdmin(local.sandbox, 'clock', { today: day });
  local.runtime.clock.setNow(`${day}T12:00:00Z`);
}

function values(local: Local, tab: string): unknown[][] {
  return local.runtime.spreadsheet.getSheetByName(tab)!.getDataRange().getValues();
}

const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/** Spend per campaign over all the tab's rows, whatever their granularity. */
function spendByCampaign(local: Local, tab: string): Record<string, number> {
  const [header, ...rows] = values(local, tab);
  const spend = header.indexOf('Spend');
  const totals: Record<string, number> = {};
  for (const row of rows) {
    const id = String(row[4]);
    totals[id] = Math.round(((totals[id] ?? 0) + (row[spend] as number)) * 1e6) / 1e6;
  }
  return totals;
}

function truthSpend(accountId: string, start: string, end: string, asOf: string) {
  const totals: Record<string, number> = {};
  for (const [key, numbers] of truthRows(world, [accountId], start, end, asOf)) {
    const id = key.split('|')[2];
    totals[id] = Math.round(((totals[id] ?? 0) + numbers[0]) * 1e6) / 1e6;
  }
  return totals;
}

function statusOf(local: Local, id: string): any {
  return local.call<any[]>('listReports').find((entry) => entry.report.id === id).status;
}

/** A campaign report of one account over the last 30 days. */
function report(id: string, accountId: string, extra: object) {
  return campaignReport(id, [accountId], { dateRange: { preset: 'LAST_30_DAYS' }, ...extra });
}

describe('history kept day after day', () => {
  let local: Local;
  let account: string;
  const days = ['2026-10-15', '2026-10-16', '2026-10-22', '2026-10-29', '2026-11-02'];

  beforeAll(async () => {
    local = await startLocal({
      today: days[0],
      seed: 4,
      extraArgs: ['--world-today', WORLD_TODAY, '--settling-days', '3'],
    });
    account = local.call<{ id: string }[]>('listAdAccounts')[0].id;
    const short = { dateRange: { preset: 'THIS_MONTH' }, lookbackDays: 3 };
    local.call('saveReport', report('month-to-date', account, short));
    local.call('saveReport', report('weekly', account, { granularity: 'WEEK' }));
    local.call('saveReport', report('monthly', account, { granularity: 'MONTH' }));
    local.call('saveReport', report('daily', account, { lookbackDays: 5 }));
    for (const day of days) {
      await goTo(local, day);
      for (const id of ['month-to-date', 'weekly', 'monthly', 'daily']) {
        expect(local.runtime.call<any>('refreshReport', id).ok).toBe(true);
      }
    }
  }, 120_000);

  afterAll(async () => local?.stop());

  it('weekly and monthly rows hold every day since the first pull exactly once', () => {
    const last = days.at(-1)!;
    for (const id of ['weekly', 'monthly']) {
      const from = statusOf(local, id).dataFrom;
      expect(spendByCampaign(local, id)).toEqual(
        truthSpend(account, from, addDays(last, -1), last),
      );
    }
  });

  it('a day that left a short range still settles (this month, across the 1st)', () => {
    const tab = tabRows(local.runtime, 'month-to-date');
    const october = [...tab.keys()].filter((key) => key.startsWith('2026-10-31'));
    const truth = truthRows(world, [account], '2026-10-31', '2026-10-31', days.at(-1)!);
    expect(october.length).toBe(truth.size);
    for (const key of october) expect(tab.get(key)).toEqual(truth.get(key));
  });

  it('rows that left the lookback say final, the others provisional', () => {
    const [header, ...rows] = values(local, 'daily');
    const column = header.indexOf('Data status');
    const boundary = addDays(days.at(-1)!, -5);
    for (const row of rows) {
      expect([iso(row[0]), row[column]]).toEqual([
        iso(row[0]),
        iso(row[0]) >= boundary ? 'provisional' : 'final',
      ]);
    }
  });
});

describe('a tab deleted by hand', () => {
  it('comes back with the whole range, not just the lookback', async () => {
    const local = await startLocal({ today: '2026-10-10', seed: 4 });
    try {
      const account = local.call<{ id: string }[]>('listAdAccounts')[0].id;
      local.call('saveReport', report('gone', account, { dateRange: { preset: 'LAST_90_DAYS' } }));
      local.call('refreshReport', 'gone');
      const before = values(local, 'gone');
      const spreadsheet = local.runtime.spreadsheet;
      spreadsheet.deleteSheet(spreadsheet.getSheetByName('gone')!);

      expect(local.call<any>('refreshReport', 'gone').notice).toMatch(/created again/);
      expect(values(local, 'gone')).toEqual(before);
    } finally {
      await local.stop();
    }
  });
});

describe('a refresh larger than a day of quota', () => {
  it('keeps its fetched requests from day to day until it completes', async () => {
    const local = await startLocal({
      today: '2026-11-04',
      seed: 6,
      extraArgs: ['--scale', '3', '--world-today', WORLD_TODAY],
    });
    try {
      const accounts = local.call<{ id: string }[]>('listAdAccounts').map((a) => a.id);
      local.call('saveReport', {
        ...report('big', accounts[0], { level: 'AD' }),
        adAccountIds: accounts,
      });
      const quota = { kind: 'dailyQuota', limit: 5 };
      await sandboxAdmin(local.sandbox, 'faults', [
        { match: { path: '/analytics$' }, times: 1, fault: quota },
      ]);
      local.call('setSchedule', { mode: 'hourly' });
      for (let day = 1; day <= 3 && !local.runtime.spreadsheet.getSheetByName('big'); day++) {
        const today = addDays('2026-11-04', day);
        await goTo(local, today);
        local.runtime.runUntil(`${today}T23:00:00Z`);
      }
      expect(local.runtime.spreadsheet.getSheetByName('big')).not.toBeNull();
      // It did need more than one day: the quota stopped it first.
      const log = local.runtime.spreadsheet.getSheetByName('Refresh log')!.getDataRange();
      const outcomes = log.getValues().map((row: unknown[]) => `${row[4]} ${row[7]}`);
      expect(outcomes.some((line: string) => /^failed RATE_LIMITED/.test(line))).toBe(true);
      expect(outcomes).toContainEqual(expect.stringMatching(/^success/));
    } finally {
      await local.stop();
    }
  }, 120_000);
});

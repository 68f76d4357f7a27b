// Automatic refresh through the time-driven trigger, on a simulated clock: the one trigger an
// add-on may have, a month of daily runs while conversions settle, and a first refresh that
// needs more than one execution.

import { SYNC_FIELDS } from '../../src/core/catalog/fields';
import { addDays } from '../../src/core/dates';
import { createWorld } from '../../dev/sandbox/world';
import { sandboxAdmin, startLocal, type Local } from '../support/local';
import { campaignReport, dateSpan, tabRows, truthRows } from '../support/truth';

const START = '2026-09-01';
const DAYS = 30;
const WORLD_TODAY = addDays(START, DAYS + 2);
const SETTLING = 3;

/** A campaign report over the last 90 days, the range the month of runs needs. */
function report(id: string, tabName: string, accountIds: string[], extra: object = {}) {
  return campaignReport(id, accountIds, {
    tabName,
    dateRange: { preset: 'LAST_90_DAYS' },
    ...extra,
  });
}

describe('the schedule', () => {
  let local: Local;
  beforeAll(async () => {
    local = await startLocal({ today: START, seed: 3 });
  });
  afterAll(async () => local?.stop());

  it('keeps exactly one hourly trigger for any schedule, and none when turned off', () => {
    local.call('setSchedule', { mode: 'daily', hour: 6 });
    local.call('setSchedule', { mode: 'hourly' });
    expect(local.runtime.listTriggers()).toHaveLength(1);
    expect(local.runtime.listTriggers()[0].functionName).toBe('runScheduledRefresh');
    expect(local.call('getSchedule')).toEqual({ mode: 'hourly' });
    local.call('setSchedule', { mode: 'off' });
    expect(local.runtime.listTriggers()).toHaveLength(0);
    expect(local.call('getSchedule')).toBeNull();
  });

  it('refuses an hour that does not exist, naming the field', () => {
    const result = local.runtime.call<any>('setSchedule', { mode: 'daily', hour: 24 });
    expect(result.error.field).toBe('schedule');
  });

  it('reports that a refresh is running instead of interleaving with it', () => {
    const accounts = local.call<{ id: string }[]>('listAdAccounts');
    local.call('saveReport', report('busy', 'Busy', [accounts[0].id]));
    const release = local.runtime.holdLock('user');
    const result = local.runtime.call<any>('refreshReport', 'busy');
    release();
    expect(result.error).toMatchObject({ code: 'REFRESH_RUNNING' });
    expect(local.runtime.spreadsheet.getSheetByName('Busy')).toBeNull();
  });
});

describe('a month of daily runs while conversions settle', () => {
  let local: Local;
  let accountIds: string[];
  const world = createWorld({ seed: 4, today: WORLD_TODAY, settlingDays: SETTLING });

  beforeAll(async () => {
    local = await startLocal({
      today: START,
      seed: 4,
      extraArgs: ['--world-today', WORLD_TODAY, '--settling-days', String(SETTLING)],
    });
    accountIds = local
      .call<{ id: string }[]>('listAdAccounts')
      .map((a) => a.id)
      .slice(0, 2);
    local.call('saveReport', report('month', 'Month', accountIds));
    local.call('setSchedule', { mode: 'daily', hour: 6 });
    for (let day = 1; day <= DAYS; day++) {
      const today = addDays(START, day);
      await sandboxAdmin(local.sandbox, 'clock', { today });
      local.runtime.runUntil(`${today}T07:00:00Z`);
    }
  }, 240_000);

  afterAll(async () => local?.stop());

  it('ends with the tab equal to the settled truth, row for row', () => {
    const end = addDays(START, DAYS);
    const tab = tabRows(local.runtime, 'Month');
    const [first] = dateSpan(tab);
    const truth = truthRows(world, accountIds, first, addDays(end, -1), end);
    expect(tab.size).toBe(truth.size);
    expect(Object.fromEntries(tab)).toEqual(Object.fromEntries(truth));
  });

  it('holds more than 90 days of history', () => {
    const [first, last] = dateSpan(tabRows(local.runtime, 'Month'));
    expect((Date.parse(last) - Date.parse(first)) / 86_400_000 + 1).toBeGreaterThan(90);
  });

  it('logged one scheduled success a day', () => {
    const log = local.runtime.spreadsheet.getSheetByName('Refresh log')!.getDataRange().getValues();
    const successes = log.filter(
      (row: unknown[]) => row[2] === 'scheduled' && row[4] === 'success',
    );
    expect(successes.length).toBe(DAYS);
  });
});

describe('a first refresh too long for one execution', () => {
  const TODAY = '2026-12-04';
  // Every ad with conversion fields split over several requests: dozens of requests.
  const wide = (id: string, tabName: string, accountIds: string[]) => ({
    ...report(id, tabName, accountIds),
    level: 'AD',
    columns: SYNC_FIELDS.filter((field) => field.category === 'conversions').map((f) => f.column),
  });

  it('completes across scheduled runs with the same tab a single long run writes', async () => {
    // Every request takes 50 s on the runtime clock: listing alone uses most of a run.
    const scale = ['--scale', '6'];
    const slow = await startLocal({
      today: TODAY,
      seed: 5,
      extraArgs: scale,
      runtime: { fetchLatencyMs: 50_000 },
    });
    const single = await startLocal({ today: TODAY, seed: 5, extraArgs: scale });
    try {
      const accountIds = slow.call<{ id: string }[]>('listAdAccounts').map((a) => a.id);
      slow.call('saveReport', wide('big', 'Big', accountIds));
      const first = slow.call<{ complete: boolean; progress: { done: number; total: number } }>(
        'refreshReport',
        'big',
      );
      expect(first.complete).toBe(false);
      expect(first.progress.done).toBeLessThan(first.progress.total);
      expect(slow.runtime.spreadsheet.getSheetByName('Big')).toBeNull();

      slow.call('setSchedule', { mode: 'hourly' });
      slow.runtime.runUntil(new Date(slow.runtime.clock.now().getTime() + 3600_000));
      const log = slow.runtime.spreadsheet
        .getSheetByName('Refresh log')!
        .getDataRange()
        .getValues();
      expect(log.map((row: unknown[]) => row[4]).slice(1)).toEqual(['partial', 'success']);

      single.call('saveReport', wide('big', 'Big', accountIds));
      expect(single.call<{ complete: boolean }>('refreshReport', 'big').complete).toBe(true);
      const values = (local: typeof slow) =>
        local.runtime.spreadsheet.getSheetByName('Big')!.getDataRange().getValues();
      expect(values(slow)).toEqual(values(single));
    } finally {
      await slow.stop();
      await single.stop();
    }
  }, 120_000);
});

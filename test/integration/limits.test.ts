// Requests the spec forbids are never sent: the planner splits or refuses first. Checked against
// the sandbox's own validation, which answers any such request with a 400.

import { addDays } from '../../src/core/dates';
import { SYNC_FIELDS } from '../../src/core/catalog/fields';
import { exchangeLog, startLocal, type Local } from '../support/local';

const TODAY = '2026-12-04';
let local: Local;
let accounts: { id: string }[];

beforeAll(async () => {
  local = await startLocal({ today: TODAY, seed: 1 });
  accounts = local.call('listAdAccounts');
});

afterAll(async () => {
  await local?.stop();
});

function report(overrides: object) {
  return {
    id: 'limits',
    tabName: 'Limits',
    adAccountIds: accounts.map((account) => account.id),
    level: 'AD',
    columns: ['SPEND_IN_MICRO_DOLLAR'],
    dateRange: { preset: 'LAST_30_DAYS' },
    granularity: 'DAY',
    ...overrides,
  };
}

describe('requests the limits forbid', () => {
  it('refuses a range starting 91 days back when it is saved, naming the date field', async () => {
    const before = (await exchangeLog(local.sandbox)).length;
    const dateRange = {
      preset: 'CUSTOM',
      startDate: addDays(TODAY, -91),
      endDate: addDays(TODAY, -1),
    };
    const result = local.runtime.call<any>(
      'saveReport',
      report({ id: 'old', tabName: 'Old', dateRange }),
    );
    expect(result.error).toMatchObject({ code: 'RANGE_TOO_OLD', field: 'dateRange' });
    expect(result.error.message).toMatch(/reaches back 90 days, to 2026-09-05/);
    const sent = (await exchangeLog(local.sandbox)).slice(before);
    expect(sent.filter((entry) => entry.path.includes('/analytics'))).toEqual([]);
    expect(local.call<any[]>('listReports').some((entry) => entry.report.id === 'old')).toBe(false);
  });

  it('splits every ad, all 175 fields and a 91-day range into requests the sandbox accepts', async () => {
    const before = (await exchangeLog(local.sandbox)).length;
    const columns = SYNC_FIELDS.map((field) => field.column);
    const dateRange = { preset: 'CUSTOM', startDate: addDays(TODAY, -90), endDate: TODAY };
    local.call('saveReport', report({ id: 'wide', tabName: 'Wide', columns, dateRange }));
    const summary = local.call<{ rows: number }>('refreshReport', 'wide');
    expect(summary.rows).toBeGreaterThan(0);

    const sent = (await exchangeLog(local.sandbox)).slice(before);
    const analytics = sent.filter((entry) => entry.path.includes('/analytics'));
    expect(analytics.length).toBeGreaterThan(accounts.length);
    expect(sent.filter((entry) => entry.status >= 400 || entry.requestErrors.length)).toEqual([]);
    for (const entry of analytics) {
      const ids = ([] as unknown[]).concat(entry.query.ad_ids ?? []);
      expect(ids.length).toBeLessThanOrEqual(250);
    }
  });
});

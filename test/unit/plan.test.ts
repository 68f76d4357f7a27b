import { SYNC_FIELDS } from '../../src/core/catalog/fields';
import { addDays, inclusiveDays } from '../../src/core/dates';
import { AddonError } from '../../src/core/errors';
import { PinterestClient } from '../../src/core/pinterest/client';
import { LIMITS } from '../../src/core/pinterest/limits';
import { dateWindows, planAnalytics, type PlanInput } from '../../src/core/pinterest/plan';
import { DEFAULT_ATTRIBUTION } from '../../src/core/report/definition';

const TODAY = '2026-12-04';
const client = new PinterestClient({
  apiBase: 'https://api.pinterest.com/v5',
  http: { fetch: () => fail(), fetchAll: () => fail() },
  tokens: { accessToken: () => 'x', refresh: () => false },
  clock: { now: () => new Date(), sleep: () => undefined },
});
const measure = (request: Parameters<typeof client.analyticsUrl>[0]) =>
  client.analyticsUrl(request).length;

function fail(): never {
  throw new Error('no HTTP in planning');
}

/** 18-digit ids, the longest Pinterest uses. */
function ids(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(549755813888000000n + BigInt(i)));
}

function input(overrides: Partial<PlanInput>): PlanInput {
  return {
    level: 'CAMPAIGN',
    idsByAccount: new Map([['549755885175', ids(3)]]),
    startDate: addDays(TODAY, -30),
    endDate: addDays(TODAY, -1),
    columns: ['SPEND_IN_MICRO_DOLLAR', 'PAID_IMPRESSION'],
    granularity: 'DAY',
    attribution: DEFAULT_ATTRIBUTION,
    today: TODAY,
    ...overrides,
  };
}

describe('analytics planning', () => {
  it('covers a 30-day campaign report of 3 campaigns with one request', () => {
    expect(planAnalytics(input({}), measure)).toHaveLength(1);
  });

  it('refuses a start date 91 days back, naming the earliest date allowed', () => {
    const plan = () => planAnalytics(input({ startDate: addDays(TODAY, -91) }), measure);
    expect(plan).toThrow(AddonError);
    expect(plan).toThrow(/2026-09-05/);
  });

  it('splits a 91-day range into a 90-day and a 1-day window', () => {
    const requests = planAnalytics(
      input({ startDate: addDays(TODAY, -90), endDate: TODAY }),
      measure,
    );
    expect(requests.map((r) => inclusiveDays(r.startDate, r.endDate))).toEqual([90, 1]);
  });

  it('never puts more than 250 ids in one request, nor a URL past the limit', () => {
    const requests = planAnalytics(
      input({ idsByAccount: new Map([['549755885175', ids(251)]]) }),
      measure,
    );
    for (const request of requests) {
      expect(request.ids.length).toBeLessThanOrEqual(250);
      expect(client.analyticsUrl(request).length).toBeLessThanOrEqual(LIMITS.maxUrlLength);
    }
    expect(requests.flatMap((r) => r.ids).sort()).toEqual(ids(251).sort());
  });

  it('fills each request with as many ids as the URL limit allows', () => {
    const requests = planAnalytics(
      input({ idsByAccount: new Map([['549755885175', ids(200)]]) }),
      measure,
    );
    for (const request of requests.slice(0, -1)) {
      const next = String(BigInt(request.ids[request.ids.length - 1]) + 1n);
      const fuller = { ...request, ids: [...request.ids, next] };
      expect(client.analyticsUrl(fuller).length).toBeGreaterThan(LIMITS.maxUrlLength);
    }
  });

  it('splits all 175 columns across requests that each fit the URL limit', () => {
    const columns = SYNC_FIELDS.map((field) => field.column);
    const requests = planAnalytics(input({ columns }), measure);
    expect(requests.length).toBeGreaterThan(1);
    for (const request of requests) {
      expect(client.analyticsUrl(request).length).toBeLessThanOrEqual(LIMITS.maxUrlLength);
    }
    expect(new Set(requests.flatMap((r) => r.columns))).toEqual(new Set(columns));
  });

  it('plans one request per account at the ad account level', () => {
    const requests = planAnalytics(
      input({
        level: 'AD_ACCOUNT',
        idsByAccount: new Map([
          ['1', []],
          ['2', []],
        ]),
      }),
      measure,
    );
    expect(requests.map((r) => [r.adAccountId, r.ids])).toEqual([
      ['1', []],
      ['2', []],
    ]);
  });

  it('skips an account with no campaigns', () => {
    expect(planAnalytics(input({ idsByAccount: new Map([['1', []]]) }), measure)).toEqual([]);
  });

  it('refuses a total over more than 90 days', () => {
    const plan = () =>
      planAnalytics(
        input({ startDate: addDays(TODAY, -90), endDate: TODAY, granularity: 'TOTAL' }),
        measure,
      );
    expect(plan).toThrow(/at most 90 days/);
  });
});

describe('date windows', () => {
  it('keeps a range of 90 days in one window', () => {
    expect(dateWindows('2026-09-06', '2026-12-04', 'DAY')).toEqual([['2026-09-06', '2026-12-04']]);
  });

  it('ends weekly windows on a Sunday so no week is split', () => {
    const windows = dateWindows('2026-09-05', '2026-12-04', 'WEEK');
    expect(windows[0][1]).toBe('2026-11-29');
    expect(new Date(`${windows[0][1]}T00:00:00Z`).getUTCDay()).toBe(0);
    expect(windows[1]).toEqual(['2026-11-30', '2026-12-04']);
  });

  it('ends monthly windows on the last day of a month', () => {
    const windows = dateWindows('2026-09-05', '2026-12-04', 'MONTH');
    expect(windows).toEqual([
      ['2026-09-05', '2026-11-30'],
      ['2026-12-01', '2026-12-04'],
    ]);
  });
});

// Conversions that settle: with settlingDays N a day's conversion counters grow over the N days
// after it and are final from then on; metrics_ready_state says which numbers are final.

import type { RunningSandbox } from '../../dev/sandbox/server';
import { settledPermille } from '../../dev/sandbox/settling';
import { TODAY, addDays, get, repeated, start, type Params } from './support';

const DAY = addDays(TODAY, -20);
const DELIVERY = ['SPEND_IN_MICRO_DOLLAR', 'CLICKTHROUGH_1', 'PAID_IMPRESSION'];
const CONVERSIONS = [
  'TOTAL_CLICK_CHECKOUT',
  'TOTAL_VIEW_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
  'TOTAL_PAGE_VISIT',
  'TOTAL_ENGAGEMENT_SIGNUP',
];

let sandbox: RunningSandbox;
let usdId: string;
let adIds: string[];

beforeAll(async () => {
  sandbox = await start({ settlingDays: 3 });
  usdId = sandbox.world.adAccounts.find((a) => a.currency === 'USD')!.id;
  adIds = sandbox.world.ads.filter((ad) => ad.ad_account_id === usdId).map((ad) => ad.id);
});

beforeEach(() => sandbox.setToday(TODAY));

afterAll(() => sandbox.close());

function oneDay(level: 'ads' | 'campaigns' | '', columns: string[], extra: Params = []) {
  const path = level
    ? `/ad_accounts/${usdId}/${level}/analytics`
    : `/ad_accounts/${usdId}/analytics`;
  return get(sandbox, path, [
    ['start_date', DAY],
    ['end_date', DAY],
    ['granularity', 'DAY'],
    ['columns', columns.join(',')],
    ...extra,
  ]);
}

function finalAdRows(columns: string[]) {
  return sandbox.world.analyticsRows('AD', usdId, adIds, DAY, DAY, 'DAY', columns);
}

describe('the settled share', () => {
  it('is 50 %, 80 %, 95 %, then exactly 100 % with three settling days', () => {
    expect([0, 1, 2, 3, 4, 30].map((age) => settledPermille(age, 3))).toEqual([
      500, 800, 950, 1000, 1000, 1000,
    ]);
  });

  it('grows every day and is final exactly at seven days with seven settling days', () => {
    const shares = [0, 1, 2, 3, 4, 5, 6, 7].map((age) => settledPermille(age, 7));
    expect(shares.slice(1).every((share, i) => share > shares[i])).toBe(true);
    expect(shares[6]).toBeLessThan(1000);
    expect(shares[7]).toBe(1000);
  });

  it('is always final with no settling days', () => {
    expect(settledPermille(0, 0)).toBe(1000);
  });
});

describe('conversions of one day, seen on later days', () => {
  it.each([
    [1, 800],
    [2, 950],
    [3, 1000],
  ])('at T − D = %i are %i‰ of each ad’s final count, floored', async (age, permille) => {
    sandbox.setToday(addDays(DAY, age));
    const answer = await oneDay('ads', [...DELIVERY, ...CONVERSIONS], repeated('ad_ids', adIds));
    expect(answer.status).toBe(200);
    const final = finalAdRows([...DELIVERY, ...CONVERSIONS]);
    expect(answer.body.length).toBe(final.length);
    expect(final.length).toBeGreaterThan(5);
    const expected = final.map((row) => {
      const settled = { ...row };
      for (const column of CONVERSIONS) {
        if (column in row) settled[column] = Math.floor((Number(row[column]) * permille) / 1000);
      }
      return settled;
    });
    expect(answer.body).toEqual(expected);
  });

  it('are not answered at T − D = 0: the served today has no row yet', async () => {
    sandbox.setToday(DAY);
    const answer = await oneDay('', ['TOTAL_CONVERSIONS', 'SPEND_IN_MICRO_DOLLAR']);
    expect(answer.body).toEqual([]);
  });

  it('keep delivery, clicks and spend final one day later', async () => {
    sandbox.setToday(addDays(DAY, 1));
    const answer = await oneDay('ads', DELIVERY, repeated('ad_ids', adIds));
    expect(answer.body).toEqual(finalAdRows(DELIVERY));
  });

  it('add up from settled ads to the account, ROAS included', async () => {
    sandbox.setToday(addDays(DAY, 1));
    const columns = ['TOTAL_CONVERSIONS', 'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR'];
    const ads = await oneDay('ads', columns, repeated('ad_ids', adIds));
    const [account] = (await oneDay('', [...columns, 'SPEND_IN_MICRO_DOLLAR', 'CHECKOUT_ROAS']))
      .body;
    const sum = (column: string) =>
      ads.body.reduce((total: number, row: any) => total + row[column], 0);
    expect(account.TOTAL_CONVERSIONS).toBe(sum('TOTAL_CONVERSIONS'));
    expect(account.TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR).toBe(
      sum('TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR'),
    );
    expect(account.CHECKOUT_ROAS).toBe(
      account.TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR / account.SPEND_IN_MICRO_DOLLAR,
    );
    const [final] = sandbox.world.analyticsRows('AD_ACCOUNT', usdId, [], DAY, DAY, 'DAY', [
      'CHECKOUT_ROAS',
    ]);
    expect(account.CHECKOUT_ROAS).toBeLessThan(final.CHECKOUT_ROAS as number);
  });

  it('equal the final numbers, ratios included, from T − D = 3 on', async () => {
    const columns = [
      'TOTAL_CONVERSIONS',
      'CHECKOUT_ROAS',
      'TOTAL_CHECKOUT_CONVERSION_RATE',
      'PAGE_VISIT_COST_PER_ACTION',
      'TOTAL_WEB_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    ];
    const campaignIds = sandbox.world.campaigns
      .filter((c) => c.ad_account_id === usdId)
      .map((c) => c.id);
    const final = sandbox.world.analyticsRows(
      'CAMPAIGN',
      usdId,
      campaignIds,
      DAY,
      DAY,
      'DAY',
      columns,
    );
    sandbox.setToday(addDays(DAY, 2));
    const early = await oneDay('campaigns', columns, repeated('campaign_ids', campaignIds));
    expect(early.body).not.toEqual(final);
    sandbox.setToday(addDays(DAY, 3));
    const settled = await oneDay('campaigns', columns, repeated('campaign_ids', campaignIds));
    expect(settled.body).toEqual(final);
  });

  it('match world.analyticsRows with the same asOf, which tests use as ground truth', async () => {
    sandbox.setToday(addDays(DAY, 2));
    const answer = await oneDay('', ['TOTAL_CONVERSIONS', 'CHECKOUT_ROAS']);
    const truth = sandbox.world.analyticsRows(
      'AD_ACCOUNT',
      usdId,
      [],
      DAY,
      DAY,
      'DAY',
      ['TOTAL_CONVERSIONS', 'CHECKOUT_ROAS'],
      { asOf: addDays(DAY, 2) },
    );
    expect(answer.body).toEqual(truth);
  });
});

describe('GET /resources/metrics_ready_state', () => {
  const ready = (date: string) => get(sandbox, '/resources/metrics_ready_state', [['date', date]]);

  it.each([
    [-1, false, true],
    [-2, false, true],
    [-3, true, true],
    [-60, true, true],
    [0, false, false],
    [1, false, false],
  ])('for today %i days answers conversions %s, other metrics %s', async (offset, conv, other) => {
    const answer = await ready(addDays(TODAY, offset));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      conversion_metrics_ready: conv,
      non_conversion_metrics_ready: other,
    });
  });

  it('follows the served today when the clock moves', async () => {
    sandbox.setToday(addDays(TODAY, 2));
    expect((await ready(addDays(TODAY, -1))).body.conversion_metrics_ready).toBe(true);
  });

  it('refuses 30 February, and a date without dashes as the spec does', async () => {
    const impossible = await ready('2026-02-30');
    expect(impossible.status).toBe(400);
    expect(impossible.body.message).toContain('date "2026-02-30"');
    const slashes = await ready('2026/12/01');
    expect(slashes.status).toBe(400);
    expect(slashes.body.message).toContain('date');
  });
});

it('logs no response breaking the spec, and only the malformed date as a bad request', () => {
  const v5 = sandbox.log.filter((entry) => entry.path.startsWith('/v5/'));
  expect(v5.length).toBeGreaterThan(15);
  expect(v5.flatMap((entry) => entry.responseErrors)).toEqual([]);
  const badRequests = v5.filter((entry) => entry.requestErrors.length > 0);
  expect(badRequests.map((entry) => entry.query)).toEqual([{ date: '2026/12/01' }]);
  expect(v5.filter((e) => e.operationId === 'metrics_ready_state/get').length).toBe(9);
});

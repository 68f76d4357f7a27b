// The sync analytics endpoints: answers equal the world's ground truth, and every request
// Pinterest refuses (long ranges, old starts, too many ids, bad columns) gets a 400 that says why.

import type { RunningSandbox } from '../../dev/sandbox/server';
import { TODAY, addDays, get, repeated, start, type Params } from './support';

let sandbox: RunningSandbox;
let accountId: string;
let campaignIds: string[];

beforeAll(async () => {
  sandbox = await start();
  accountId = sandbox.world.adAccounts.find((a) => a.currency === 'JPY')!.id;
  campaignIds = sandbox.world.campaigns
    .filter((c) => c.ad_account_id === accountId)
    .map((c) => c.id);
});

afterAll(() => sandbox.close());

function campaignAnalytics(
  extra: Params,
  startDate = addDays(TODAY, -30),
  endDate = addDays(TODAY, -1),
) {
  const granularity: Params = extra.some(([key]) => key === 'granularity')
    ? []
    : [['granularity', 'DAY']];
  return get(sandbox, `/ad_accounts/${accountId}/campaigns/analytics`, [
    ['start_date', startDate],
    ['end_date', endDate],
    ...granularity,
    ...extra,
  ]);
}

describe('answers', () => {
  it('equal world.analyticsRows for campaigns of a JPY account', async () => {
    const columns = ['SPEND_IN_DOLLAR', 'CTR', 'CAMPAIGN_NAME', 'TOTAL_CONVERSIONS'];
    const answer = await campaignAnalytics([
      ['columns', columns.join(',')],
      ...repeated('campaign_ids', campaignIds),
    ]);
    expect(answer.status).toBe(200);
    const truth = sandbox.world.analyticsRows(
      'CAMPAIGN',
      accountId,
      campaignIds,
      addDays(TODAY, -30),
      addDays(TODAY, -1),
      'DAY',
      columns,
    );
    expect(truth.length).toBeGreaterThan(30);
    expect(answer.body).toEqual(truth);
  });

  it('give the account level one row per day with AD_ACCOUNT_ID and DATE', async () => {
    const answer = await get(sandbox, `/ad_accounts/${accountId}/analytics`, [
      ['start_date', addDays(TODAY, -7)],
      ['end_date', addDays(TODAY, -1)],
      ['granularity', 'DAY'],
      ['columns', 'SPEND_IN_MICRO_DOLLAR'],
    ]);
    expect(answer.body).toHaveLength(7);
    expect(answer.body[0]).toEqual({
      DATE: addDays(TODAY, -7),
      AD_ACCOUNT_ID: accountId,
      SPEND_IN_MICRO_DOLLAR: expect.any(Number),
    });
  });

  it('scale conversions by click_window_days the same way the world does', async () => {
    const params: Params = [
      ['start_date', addDays(TODAY, -10)],
      ['end_date', addDays(TODAY, -1)],
      ['granularity', 'TOTAL'],
      ['columns', 'TOTAL_CLICK_CHECKOUT'],
      ['click_window_days', '7'],
    ];
    const answer = await get(sandbox, `/ad_accounts/${accountId}/analytics`, params);
    const truth = sandbox.world.analyticsRows(
      'AD_ACCOUNT',
      accountId,
      [],
      addDays(TODAY, -10),
      addDays(TODAY, -1),
      'TOTAL',
      ['TOTAL_CLICK_CHECKOUT'],
      { attribution: { clickWindowDays: 7 } },
    );
    expect(answer.body).toEqual(truth);
  });

  it('answer 404 naming a campaign id that belongs to another ad account', async () => {
    const foreign = sandbox.world.campaigns.find((c) => c.ad_account_id !== accountId)!.id;
    const answer = await campaignAnalytics([
      ['columns', 'SPEND_IN_DOLLAR'],
      ['campaign_ids', campaignIds[0]],
      ['campaign_ids', foreign],
    ]);
    expect(answer.status).toBe(404);
    expect(answer.body.message).toContain(foreign);
    expect(answer.body.message).not.toContain(campaignIds[0]);
  });
});

describe('options', () => {
  it('aggregate_report_rows=true sums campaigns into one series without CAMPAIGN_ID', async () => {
    const params: Params = [
      ['columns', 'SPEND_IN_MICRO_DOLLAR'],
      ...repeated('campaign_ids', campaignIds),
    ];
    const perCampaign = await campaignAnalytics([...params, ['granularity', 'TOTAL']]);
    const aggregated = await campaignAnalytics([
      ...params,
      ['aggregate_report_rows', 'true'],
      ['granularity', 'TOTAL'],
    ]);
    const total = perCampaign.body.reduce(
      (sum: number, row: any) => sum + row.SPEND_IN_MICRO_DOLLAR,
      0,
    );
    expect(aggregated.body).toEqual([{ SPEND_IN_MICRO_DOLLAR: total }]);
  });

  it('selects ads by campaign_ids plus pin_ids when ad_ids are not given', async () => {
    const ad = sandbox.world.ads.find(
      (a) => a.ad_account_id === accountId && a.status === 'ACTIVE',
    )!;
    const answer = await get(sandbox, `/ad_accounts/${accountId}/ads/analytics`, [
      ['start_date', addDays(TODAY, -30)],
      ['end_date', addDays(TODAY, -1)],
      ['granularity', 'TOTAL'],
      ['columns', 'PIN_ID,SPEND_IN_DOLLAR'],
      ['campaign_ids', ad.campaign_id],
      ['pin_ids', ad.pin_id!],
    ]);
    expect(answer.body).toEqual([
      { AD_ID: ad.id, PIN_ID: ad.pin_id, SPEND_IN_DOLLAR: expect.any(Number) },
    ]);
  });
});

describe('refusals', () => {
  it('rejects a 91-day window, counting both ends', async () => {
    const answer = await campaignAnalytics(
      [
        ['columns', 'SPEND_IN_DOLLAR'],
        ['campaign_ids', campaignIds[0]],
      ],
      addDays(TODAY, -90),
      TODAY,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 1, message: expect.stringContaining('spans 91 days') });
  });

  it('accepts the 90-day window from today-90 to yesterday', async () => {
    const answer = await campaignAnalytics(
      [
        ['columns', 'SPEND_IN_DOLLAR'],
        ['campaign_ids', campaignIds[0]],
      ],
      addDays(TODAY, -90),
    );
    expect(answer.status).toBe(200);
  });

  it('rejects a start_date 91 days back, naming the earliest allowed date', async () => {
    const answer = await campaignAnalytics(
      [
        ['columns', 'SPEND_IN_DOLLAR'],
        ['campaign_ids', campaignIds[0]],
      ],
      addDays(TODAY, -91),
      addDays(TODAY, -80),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('start_date');
    expect(answer.body.message).toContain(addDays(TODAY, -90));
  });

  it('rejects an end_date before the start_date', async () => {
    const answer = await campaignAnalytics(
      [
        ['columns', 'SPEND_IN_DOLLAR'],
        ['campaign_ids', campaignIds[0]],
      ],
      addDays(TODAY, -5),
      addDays(TODAY, -6),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('before start_date');
  });

  it('rejects 251 campaign ids, naming campaign_ids and the limit of 250', async () => {
    const ids = Array.from({ length: 251 }, (_, i) => String(1000000 + i));
    const answer = await campaignAnalytics([
      ['columns', 'SPEND_IN_DOLLAR'],
      ...repeated('campaign_ids', ids),
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/campaign_ids must NOT have more than 250 items/);
  });

  it('rejects an unknown column, naming it', async () => {
    const answer = await campaignAnalytics([
      ['columns', 'SPEND_IN_DOLLAR,SPEND_IN_YEN'],
      ['campaign_ids', campaignIds[0]],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe(
      'Invalid parameters: columns[1] "SPEND_IN_YEN" is not an allowed value.',
    );
  });

  it('rejects comma-joined campaign ids: the spec wants repeated keys', async () => {
    const answer = await campaignAnalytics([
      ['columns', 'SPEND_IN_DOLLAR'],
      ['campaign_ids', campaignIds.slice(0, 2).join(',')],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('campaign_ids[0]');
  });

  it('rejects a missing granularity', async () => {
    const answer = await get(sandbox, `/ad_accounts/${accountId}/analytics`, [
      ['start_date', addDays(TODAY, -3)],
      ['end_date', addDays(TODAY, -1)],
      ['columns', 'SPEND_IN_DOLLAR'],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Invalid parameters: granularity is required.');
  });

  it('refuses HOUR granularity, which the sandbox does not serve', async () => {
    const answer = await campaignAnalytics([
      ['columns', 'SPEND_IN_DOLLAR'],
      ['campaign_ids', campaignIds[0]],
      ['granularity', 'HOUR'],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('granularity HOUR');
  });

  it('logs the refusals with their request errors and no response errors', () => {
    const refused = sandbox.log.filter((entry) => entry.status === 400);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    expect(refused.flatMap((entry) => entry.responseErrors)).toEqual([]);
  });
});

describe('rate limit', () => {
  let limited: RunningSandbox;

  beforeAll(async () => {
    limited = await start({ analyticsPerMinute: 3 });
  });

  afterAll(() => limited.close());

  it('answers 429 with Retry-After once a token used its analytics quota', async () => {
    const account = limited.world.adAccounts[0].id;
    const ask = () =>
      get(limited, `/ad_accounts/${account}/analytics`, [
        ['start_date', addDays(TODAY, -2)],
        ['end_date', addDays(TODAY, -1)],
        ['granularity', 'TOTAL'],
        ['columns', 'SPEND_IN_DOLLAR'],
      ]);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await ask()).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe(8);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it('does not count list requests against the analytics quota', async () => {
    const answer = await get(limited, '/ad_accounts');
    expect(answer.status).toBe(200);
  });
});

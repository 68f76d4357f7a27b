// Fault injection: each rule fires on exactly the requests its match, skip and times select,
// answers as the fault says, shows in the exchange log, and then stops.

import { secondsToUtcMidnight } from '../../dev/sandbox/faults';
import type { FaultRule, RunningSandbox } from '../../dev/sandbox/server';
import { TODAY, TOKEN, addDays, admin, get, start, type Params } from './support';

const CLIENT = `Basic ${Buffer.from('1484200000000001:sandbox-secret').toString('base64')}`;
const REDIRECT = 'https://script.google.com/macros/d/abc/usercallback';

let sandbox: RunningSandbox;
let accountId: string;
let campaignId: string;

beforeAll(async () => {
  sandbox = await start({ autoConsent: true });
  accountId = sandbox.world.adAccounts.find((a) => a.currency === 'EUR')!.id;
  campaignId = sandbox.world.campaigns.find((c) => c.ad_account_id === accountId)!.id;
});

beforeEach(async () => {
  expect((await admin(sandbox, 'DELETE', 'faults')).status).toBe(204);
  sandbox.setToday(TODAY);
});

afterAll(() => sandbox.close());

async function setFaults(rules: FaultRule[]) {
  const answer = await admin(sandbox, 'POST', 'faults', rules);
  expect(answer.status).toBe(200);
}

const DATES: Params = [
  ['start_date', addDays(TODAY, -7)],
  ['end_date', addDays(TODAY, -1)],
  ['granularity', 'TOTAL'],
  ['columns', 'SPEND_IN_MICRO_DOLLAR'],
];
const campaigns = () => get(sandbox, `/ad_accounts/${accountId}/campaigns`);
const adGroups = () => get(sandbox, `/ad_accounts/${accountId}/ad_groups`);
const accountAnalytics = (token = TOKEN) =>
  get(sandbox, `/ad_accounts/${accountId}/analytics`, DATES, token);
const campaignAnalytics = () =>
  get(sandbox, `/ad_accounts/${accountId}/campaigns/analytics`, [
    ...DATES,
    ['campaign_ids', campaignId],
  ]);
const readyState = () =>
  get(sandbox, '/resources/metrics_ready_state', [['date', addDays(TODAY, -1)]]);

/** The fault of each logged exchange from `from` on (undefined where none fired). */
const faultsSince = (from: number) => sandbox.log.slice(from).map((entry) => entry.fault);

describe('a status fault', () => {
  it('skips the first campaigns/list request, then answers 503 twice, then stops', async () => {
    const rule: FaultRule = {
      match: { operationId: 'campaigns/list' },
      skip: 1,
      times: 2,
      fault: { kind: 'status', status: 503 },
    };
    await setFaults([rule]);
    const from = sandbox.log.length;
    const statuses = [];
    for (const ask of [campaigns, adGroups, campaigns, campaigns, campaigns]) {
      statuses.push((await ask()).status);
    }
    expect(statuses).toEqual([200, 200, 503, 503, 200]);
    expect(faultsSince(from)).toEqual([
      undefined,
      undefined,
      'status 503',
      'status 503',
      undefined,
    ]);
    expect((await admin(sandbox, 'GET', 'faults')).body).toEqual([
      { ...rule, matched: 4, fired: 2 },
    ]);
  });

  it.each([500, 502, 503] as const)('answers %i with a {code, message} body', async (status) => {
    await setFaults([{ fault: { kind: 'status', status } }]);
    const answer = await campaigns();
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ code: status, message: expect.stringMatching(/try again/i) });
    expect(answer.headers.get('retry-after')).toBeNull();
  });

  it('answers 429 code 8 without Retry-After unless retryAfter is given', async () => {
    await setFaults([{ fault: { kind: 'status', status: 429 } }]);
    const bare = await campaigns();
    expect(bare.status).toBe(429);
    expect(bare.body.code).toBe(8);
    expect(bare.headers.get('retry-after')).toBeNull();
    await setFaults([{ fault: { kind: 'status', status: 429, retryAfter: 7 } }]);
    expect((await campaigns()).headers.get('retry-after')).toBe('7');
  });
});

describe('match', () => {
  it('tests path as a regular expression on the path after /v5, forever with times 0', async () => {
    await setFaults([
      {
        match: { path: '/campaigns/analytics$' },
        times: 0,
        fault: { kind: 'status', status: 500 },
      },
    ]);
    expect((await campaignAnalytics()).status).toBe(500);
    expect((await campaignAnalytics()).status).toBe(500);
    expect((await accountAnalytics()).status).toBe(200);
    expect((await campaignAnalytics()).status).toBe(500);
    await admin(sandbox, 'DELETE', 'faults');
    expect((await campaignAnalytics()).status).toBe(200);
  });

  it('needs both path and operationId to hold when both are given', async () => {
    await setFaults([
      {
        match: { path: '/campaigns$', operationId: 'ad_groups/list' },
        fault: { kind: 'status', status: 500 },
      },
    ]);
    expect((await campaigns()).status).toBe(200);
    expect((await adGroups()).status).toBe(200);
    expect((await admin(sandbox, 'GET', 'faults')).body[0]).toMatchObject({ matched: 0 });
  });
});

it('throttle400 answers 400 saying when to retry, without a Retry-After header', async () => {
  await setFaults([
    {
      match: { operationId: 'campaigns/analytics' },
      fault: { kind: 'throttle400', retryAfter: 30 },
    },
  ]);
  const from = sandbox.log.length;
  const throttled = await campaignAnalytics();
  expect(throttled.status).toBe(400);
  expect(throttled.body).toEqual({
    code: 8,
    message: expect.stringMatching(/Please retry after 30 seconds\.$/),
  });
  expect(throttled.headers.get('retry-after')).toBeNull();
  expect((await campaignAnalytics()).status).toBe(200);
  expect(faultsSince(from)).toEqual(['throttle400 retry after 30s', undefined]);
});

it('slow answers normally after the delay, once', async () => {
  await setFaults([{ match: { path: '^/ad_accounts$' }, fault: { kind: 'slow', delayMs: 400 } }]);
  const started = Date.now();
  const slow = await get(sandbox, '/ad_accounts');
  const slowMs = Date.now() - started;
  const again = Date.now();
  const fast = await get(sandbox, '/ad_accounts');
  expect(slowMs).toBeGreaterThanOrEqual(395);
  expect(Date.now() - again).toBeLessThan(300);
  expect(slow.status).toBe(200);
  expect(slow.body).toEqual(fast.body);
  expect(sandbox.log.at(-2)!.fault).toBe('slow 400ms');
});

it('drop closes the connection without an answer, once', async () => {
  await setFaults([{ match: { operationId: 'user_account/get' }, fault: { kind: 'drop' } }]);
  const from = sandbox.log.length;
  await expect(get(sandbox, '/user_account')).rejects.toThrow();
  expect((await get(sandbox, '/user_account')).status).toBe(200);
  expect(sandbox.log.slice(from).map(({ status, fault }) => ({ status, fault }))).toEqual([
    { status: 0, fault: 'drop' },
    { status: 200, fault: undefined },
  ]);
});

describe('expireTokens', () => {
  async function tokenRequest(form: Record<string, string>) {
    const response = await fetch(`${sandbox.apiBase}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: CLIENT, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return (await response.json()) as { access_token: string; refresh_token: string };
  }

  async function connect() {
    const query = new URLSearchParams({
      client_id: '1484200000000001',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'ads:read,user_accounts:read',
    });
    const consent = await fetch(`${sandbox.url}/oauth/?${query}`, { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    return tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
  }

  it('answers 401 and ends the access tokens issued so far; a refresh still works', async () => {
    const { access_token: access, refresh_token: refresh } = await connect();
    expect((await accountAnalytics(access)).status).toBe(200);
    await setFaults([
      { match: { operationId: 'ad_account/analytics' }, fault: { kind: 'expireTokens' } },
    ]);
    const expired = await accountAnalytics(access);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ code: 2, message: 'Authentication failed.' });
    expect(sandbox.log.at(-1)!.fault).toBe('expireTokens');
    expect((await accountAnalytics(access)).status).toBe(401);
    expect(sandbox.log.at(-1)!.fault).toBeUndefined();
    const renewed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh });
    expect((await accountAnalytics(renewed.access_token)).status).toBe(200);
  });
});

describe('dailyQuota', () => {
  it('refuses ads_analytics requests past the limit until the served today moves', async () => {
    await setFaults([
      { match: { operationId: 'ad_account/analytics' }, fault: { kind: 'dailyQuota', limit: 2 } },
    ]);
    const from = sandbox.log.length;
    expect((await accountAnalytics()).status).toBe(200);
    expect((await campaignAnalytics()).status).toBe(200);
    const refused = await accountAnalytics();
    const expectedWait = secondsToUtcMidnight(Date.now());
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe(8);
    expect(Math.abs(Number(refused.headers.get('retry-after')) - expectedWait)).toBeLessThan(3);
    expect((await readyState()).status).toBe(429);
    expect((await campaigns()).status).toBe(200);
    expect(faultsSince(from)).toEqual([
      'dailyQuota armed, limit 2',
      undefined,
      'dailyQuota',
      'dailyQuota',
      undefined,
    ]);

    sandbox.setToday(addDays(TODAY, 1));
    const nextDay = [await campaignAnalytics(), await readyState(), await campaignAnalytics()];
    expect(nextDay.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect((await admin(sandbox, 'GET', 'faults')).body[0]).toMatchObject({
      fired: 1,
      quota: { limit: 2, used: 2, refused: 3 },
    });
  });
});

describe('the rules', () => {
  it('are refused with a 400 naming the bad field, keeping the rules in force', async () => {
    const kept: FaultRule = { fault: { kind: 'drop' }, match: { operationId: 'pins/list' } };
    await setFaults([kept]);
    const cases: Array<[unknown, string]> = [
      [[{ fault: { kind: 'status', status: 404 } }], 'body[0].fault.status must be one of 429'],
      [[{ match: { path: '(' }, fault: { kind: 'drop' } }], 'body[0].match.path is not a regular'],
      [[{ time: 2, fault: { kind: 'drop' } }], 'unknown key "time"'],
      [{ fault: { kind: 'drop' } }, 'body must be a JSON array'],
    ];
    for (const [body, message] of cases) {
      const refused = await admin(sandbox, 'POST', 'faults', body);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain(message);
    }
    expect((await admin(sandbox, 'GET', 'faults')).body).toEqual([
      { ...kept, matched: 0, fired: 0 },
    ]);
  });

  it('given at start fire from the first request', async () => {
    const faulty = await start({ faults: [{ fault: { kind: 'status', status: 502 } }] });
    try {
      expect((await get(faulty, '/ad_accounts')).status).toBe(502);
      expect((await get(faulty, '/ad_accounts')).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });
});

it('logs no response that breaks the spec, faults included', () => {
  const faulted = sandbox.log.filter((entry) => entry.fault);
  expect(faulted.length).toBeGreaterThan(15);
  expect(sandbox.log.flatMap((entry) => [...entry.requestErrors, ...entry.responseErrors])).toEqual(
    [],
  );
});

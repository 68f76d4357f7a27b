// The sandbox must refuse what Pinterest refuses, or the integration tests prove nothing: each
// forbidden request below gets a 400 with Pinterest's {code, message} body.

import { addDays } from '../../src/core/dates';
import { startSandbox } from '../../dev/sandbox/server';
import { SPEC_PATH } from '../support/openapi';

const TODAY = '2026-12-04';
const TOKEN = 'pina_contract';
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let accountId: string;
let campaignIds: string[];

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    today: TODAY,
    seed: 1,
    acceptToken: TOKEN,
    specPath: SPEC_PATH,
  });
  accountId = sandbox.world.adAccounts[0].id;
  campaignIds = sandbox.world.campaigns
    .filter((campaign: any) => campaign.ad_account_id === accountId)
    .map((campaign: any) => campaign.id);
});

afterAll(async () => {
  await sandbox?.close();
});

async function get(path: string, params: [string, string][]) {
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  const response = await fetch(`${sandbox.apiBase}${path}?${query}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  return { status: response.status, body: (await response.json()) as any };
}

function analytics(extra: [string, string][], start = addDays(TODAY, -30)) {
  return get(`/ad_accounts/${accountId}/campaigns/analytics`, [
    ['start_date', start],
    ['end_date', addDays(TODAY, -1)],
    ['granularity', 'DAY'],
    ...extra,
  ]);
}

describe('the sandbox enforces the documented limits', () => {
  it('validates against the official spec', () => {
    expect(sandbox.validation).toBe(true);
  });

  it('accepts a well-formed campaign analytics request', async () => {
    const answer = await analytics([
      ['columns', 'SPEND_IN_MICRO_DOLLAR'],
      ['campaign_ids', campaignIds[0]],
    ]);
    expect(answer.status).toBe(200);
  });

  it('answers an unknown column with a 400 naming the parameter', async () => {
    const answer = await analytics([
      ['columns', 'SPEND_IN_YEN'],
      ['campaign_ids', campaignIds[0]],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      code: expect.any(Number),
      message: expect.stringMatching(/columns/),
    });
  });

  it('answers a 91-day window with a 400', async () => {
    const answer = await get(`/ad_accounts/${accountId}/campaigns/analytics`, [
      ['start_date', addDays(TODAY, -90)],
      ['end_date', TODAY],
      ['granularity', 'DAY'],
      ['columns', 'SPEND_IN_MICRO_DOLLAR'],
      ['campaign_ids', campaignIds[0]],
    ]);
    expect(answer.status).toBe(400);
  });

  it('answers a start 91 days back with a 400', async () => {
    const answer = await analytics(
      [
        ['columns', 'SPEND_IN_MICRO_DOLLAR'],
        ['campaign_ids', campaignIds[0]],
      ],
      addDays(TODAY, -91),
    );
    expect(answer.status).toBe(400);
  });

  it('answers 251 ids with a 400', async () => {
    const ids = Array.from({ length: 251 }, (_, i): [string, string] => [
      'campaign_ids',
      String(i + 1),
    ]);
    const answer = await analytics([['columns', 'SPEND_IN_MICRO_DOLLAR'], ...ids]);
    expect(answer.status).toBe(400);
  });

  it('answers a page size of 251 with a 400', async () => {
    const answer = await get('/ad_accounts', [['page_size', '251']]);
    expect(answer.status).toBe(400);
  });
});

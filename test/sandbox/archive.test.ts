// Entities archived between runs: POST /__sandbox/archive turns campaigns, ad groups and ads
// ARCHIVED from the served today on; lists hide them by default and their history stays.

import type { RunningSandbox } from '../../dev/sandbox/server';
import { TODAY, addDays, admin, datesOf, get, getAll, repeated, start } from './support';

const SERVED = addDays(TODAY, -10);
const ALL_STATUSES = repeated('entity_statuses', ['ACTIVE', 'PAUSED', 'ARCHIVED']);

let sandbox: RunningSandbox;
let usdId: string;
let active: string[];
let paused: string[];

beforeAll(async () => {
  sandbox = await start({ today: SERVED, worldToday: TODAY });
  usdId = sandbox.world.adAccounts.find((a) => a.currency === 'USD')!.id;
  active = sandbox.world.campaigns
    .filter((c) => c.ad_account_id === usdId && c.status === 'ACTIVE')
    .map((c) => c.id);
  paused = sandbox.world.campaigns
    .filter((c) => c.ad_account_id === usdId && c.status === 'PAUSED')
    .map((c) => c.id);
});

afterAll(() => sandbox.close());

const campaignsPath = () => `/ad_accounts/${usdId}/campaigns`;

function campaignDays(id: string) {
  return get(sandbox, `/ad_accounts/${usdId}/campaigns/analytics`, [
    ['start_date', addDays(SERVED, -5)],
    ['end_date', addDays(TODAY, -1)],
    ['granularity', 'DAY'],
    ['columns', 'SPEND_IN_MICRO_DOLLAR,TOTAL_CONVERSIONS'],
    ['campaign_ids', id],
  ]);
}

it('hides an archived campaign from default lists, not from ones asking for ARCHIVED', async () => {
  const [id] = active;
  expect((await getAll(sandbox, campaignsPath())).items.map((c) => c.id)).toContain(id);
  const archived = await admin(sandbox, 'POST', 'archive', { ids: [id] });
  expect(archived).toEqual({ status: 200, body: { archived: [{ id, level: 'CAMPAIGN' }] } });
  expect((await getAll(sandbox, campaignsPath())).items.map((c) => c.id)).not.toContain(id);
  const everything = await getAll(sandbox, campaignsPath(), ALL_STATUSES);
  expect(everything.items.find((c) => c.id === id)).toMatchObject({
    status: 'ARCHIVED',
    summary_status: 'ARCHIVED',
  });
});

it('keeps the history before the archive day and delivers nothing from then on', async () => {
  const id = active[1];
  const before = sandbox.world.analyticsRows(
    'CAMPAIGN',
    usdId,
    [id],
    addDays(SERVED, -5),
    addDays(TODAY, -1),
    'DAY',
    ['SPEND_IN_MICRO_DOLLAR', 'TOTAL_CONVERSIONS'],
  );
  expect(datesOf(before)).toContain(addDays(SERVED, 3));
  expect((await admin(sandbox, 'POST', 'archive', { ids: [id] })).status).toBe(200);
  sandbox.setToday(TODAY);
  const after = await campaignDays(id);
  expect(after.status).toBe(200);
  expect(after.body).toEqual(before.filter((row) => String(row.DATE) < SERVED));
  expect(after.body.length).toBeGreaterThan(0);
  sandbox.setToday(SERVED);
});

it('stops the ads of an archived campaign too, so levels still add up', () => {
  const id = active[1];
  const ads = sandbox.world.ads.filter((ad) => ad.campaign_id === id).map((ad) => ad.id);
  const rows = sandbox.world.analyticsRows('AD', usdId, ads, SERVED, addDays(TODAY, -1), 'TOTAL', [
    'SPEND_IN_MICRO_DOLLAR',
  ]);
  expect(rows).toEqual([]);
});

it('archives an ad group and an ad of paused campaigns in one call', async () => {
  const group = sandbox.world.adGroups.find(
    (g) => g.campaign_id === paused[0] && g.status !== 'ARCHIVED',
  )!;
  const ad = sandbox.world.ads.find((a) => a.campaign_id === paused[1] && a.status !== 'ARCHIVED')!;
  const archived = await admin(sandbox, 'POST', 'archive', { ids: [group.id, ad.id] });
  expect(archived.body.archived).toEqual([
    { id: group.id, level: 'AD_GROUP' },
    { id: ad.id, level: 'AD' },
  ]);
  const groups = await getAll(sandbox, `/ad_accounts/${usdId}/ad_groups`);
  expect(groups.items.map((g) => g.id)).not.toContain(group.id);
  const adAnswer = await get(sandbox, `/ad_accounts/${usdId}/ads/${ad.id}`);
  expect(adAnswer.body.status).toBe('ARCHIVED');
});

it('refuses an unknown id with a 404 naming it, and archives none of the others', async () => {
  const id = paused[0];
  const refused = await admin(sandbox, 'POST', 'archive', { ids: [id, '1234567890123'] });
  expect(refused.status).toBe(404);
  expect(refused.body.message).toContain('1234567890123');
  expect(sandbox.world.entity('CAMPAIGN', id)!.status).toBe('PAUSED');
});

it('refuses a body without an ids array', async () => {
  const refused = await admin(sandbox, 'POST', 'archive', { id: paused[0] });
  expect(refused.status).toBe(400);
  expect(refused.body.message).toContain('"ids"');
});

it('logs no spec violation in any exchange of this file', () => {
  const v5 = sandbox.log.filter((entry) => entry.path.startsWith('/v5/'));
  expect(v5.length).toBeGreaterThan(5);
  expect(v5.flatMap((entry) => [...entry.requestErrors, ...entry.responseErrors])).toEqual([]);
});

// The read endpoints as a client sees them: authentication, bookmark paging, Pinterest's
// default of hiding archived entities, id filters sent as repeated keys, and error bodies.

import type { RunningSandbox } from '../../dev/sandbox/server';
import { get, getAll, repeated, start } from './support';

let sandbox: RunningSandbox;
let usdId: string;

beforeAll(async () => {
  sandbox = await start();
  usdId = sandbox.world.adAccounts.find((a) => a.currency === 'USD')!.id;
});

afterAll(() => sandbox.close());

describe('authentication', () => {
  it('answers 401 {code, message} without a bearer token', async () => {
    const answer = await get(sandbox, '/ad_accounts', [], null);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: 2, message: 'Authentication failed.' });
  });

  it('answers 401 to a token the sandbox never issued', async () => {
    const answer = await get(sandbox, '/user_account', [], 'pina_made_up');
    expect(answer.status).toBe(401);
  });

  it('returns the user account to the developer token', async () => {
    const answer = await get(sandbox, '/user_account');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: sandbox.world.user.id, account_type: 'BUSINESS' });
  });
});

describe('GET /ad_accounts', () => {
  it('returns every ad account exactly once across pages of one', async () => {
    const { items, pages } = await getAll(sandbox, '/ad_accounts', [['page_size', '1']]);
    expect(pages).toBe(sandbox.world.adAccounts.length);
    const ids = items.map((a) => a.id).sort();
    expect(ids).toEqual(sandbox.world.adAccounts.map((a) => a.id).sort());
  });

  it('ends the last page with a null bookmark', async () => {
    const answer = await get(sandbox, '/ad_accounts', [['page_size', '250']]);
    expect(answer.body.bookmark).toBeNull();
    expect(answer.body.items).toHaveLength(4);
  });

  it('leaves out the shared GBP account when include_shared_accounts=false', async () => {
    const answer = await get(sandbox, '/ad_accounts', [['include_shared_accounts', 'false']]);
    expect(answer.body.items.map((a: any) => a.currency).sort()).toEqual(['EUR', 'JPY', 'USD']);
  });

  it('rejects page_size 251 with a message naming page_size', async () => {
    const answer = await get(sandbox, '/ad_accounts', [['page_size', '251']]);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(1);
    expect(answer.body.message).toMatch(/^Invalid parameters: page_size .*250/);
  });

  it('answers 404 for an ad account the user cannot see', async () => {
    const answer = await get(sandbox, '/ad_accounts/123456789012');
    expect(answer.status).toBe(404);
    expect(answer.body.message).toContain('123456789012');
  });
});

describe('entity lists', () => {
  it('hide archived campaigns unless entity_statuses asks for them', async () => {
    const all = sandbox.world.campaigns.filter((c) => c.ad_account_id === usdId);
    const byDefault = await getAll(sandbox, `/ad_accounts/${usdId}/campaigns`);
    expect(byDefault.items.map((c) => c.status)).not.toContain('ARCHIVED');
    expect(byDefault.items).toHaveLength(all.filter((c) => c.status !== 'ARCHIVED').length);
    const everything = await getAll(
      sandbox,
      `/ad_accounts/${usdId}/campaigns`,
      repeated('entity_statuses', ['ACTIVE', 'PAUSED', 'ARCHIVED']),
    );
    expect(everything.items).toHaveLength(all.length);
  });

  it('pages ads by bookmark without repeating or losing one', async () => {
    const statuses = repeated('entity_statuses', ['ACTIVE', 'PAUSED', 'ARCHIVED']);
    const { items, pages } = await getAll(sandbox, `/ad_accounts/${usdId}/ads`, [
      ...statuses,
      ['page_size', '7'],
    ]);
    const expected = sandbox.world.ads.filter((ad) => ad.ad_account_id === usdId);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(new Set(items.map((ad) => ad.id)).size).toBe(expected.length);
  });

  it('filters ad groups by repeated campaign_ids keys', async () => {
    const campaigns = sandbox.world.campaigns.filter((c) => c.ad_account_id === usdId).slice(0, 2);
    const ids = campaigns.map((c) => c.id);
    const answer = await get(sandbox, `/ad_accounts/${usdId}/ad_groups`, [
      ...repeated('campaign_ids', ids),
      ...repeated('entity_statuses', ['ACTIVE', 'PAUSED', 'ARCHIVED']),
    ]);
    const expected = sandbox.world.adGroups.filter((g) => ids.includes(g.campaign_id));
    expect(answer.body.items.map((g: any) => g.id).sort()).toEqual(
      expected.map((g) => g.id).sort(),
    );
  });

  it('sorts newest first with order=DESCENDING, keeping 18-digit ids as strings', async () => {
    const answer = await get(sandbox, `/ad_accounts/${usdId}/ads`, [['order', 'DESCENDING']]);
    const ids: string[] = answer.body.items.map((ad: any) => ad.id);
    expect(ids.every((id) => typeof id === 'string' && id.length === 18)).toBe(true);
    expect([...ids].sort().reverse()).toEqual(ids);
  });

  it('rejects ad lists filtered by two kinds of ids at once', async () => {
    const campaign = sandbox.world.campaigns.find((c) => c.ad_account_id === usdId)!;
    const group = sandbox.world.adGroups.find((g) => g.campaign_id === campaign.id)!;
    const answer = await get(sandbox, `/ad_accounts/${usdId}/ads`, [
      ['campaign_ids', campaign.id],
      ['ad_group_ids', group.id],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('only one of campaign_ids, ad_group_ids or ad_ids');
  });

  it('returns one campaign by id and 404 for a campaign of another account', async () => {
    const own = sandbox.world.campaigns.find((c) => c.ad_account_id === usdId)!;
    const foreign = sandbox.world.campaigns.find((c) => c.ad_account_id !== usdId)!;
    const found = await get(sandbox, `/ad_accounts/${usdId}/campaigns/${own.id}`);
    expect(found.body).toEqual(own);
    const missing = await get(sandbox, `/ad_accounts/${usdId}/campaigns/${foreign.id}`);
    expect(missing.status).toBe(404);
  });
});

describe('unknown and unserved paths', () => {
  it('answers 404 {code, message} for a path the API does not have', async () => {
    const answer = await get(sandbox, '/ad_accounts/1/nothing_here');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 3, message: expect.stringContaining('No such endpoint') });
  });

  it('answers 501 for a spec endpoint the sandbox does not serve', async () => {
    const answer = await get(sandbox, '/boards');
    expect(answer.status).toBe(501);
    expect(answer.body.message).toContain('boards/list');
  });
});

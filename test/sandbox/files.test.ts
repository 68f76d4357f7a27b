// Worlds from files and recorded exchanges: the example world serves its own metrics and
// children's sums, replay answers from fixtures, and bad files fail with the field to fix.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSandbox } from '../../dev/sandbox/server';
import { loadWorld } from '../../dev/sandbox/world';
import { get, repeated, start } from './support';

const EXAMPLES = join(__dirname, '..', '..', 'dev', 'sandbox', 'examples');
const WORLD_FILE = join(EXAMPLES, 'world.json');
const EXAMPLE_TODAY = '2026-03-10';
const example = JSON.parse(readFileSync(WORLD_FILE, 'utf8'));

function withChange(change: (world: any) => void): any {
  const copy = structuredClone(example);
  change(copy);
  return copy;
}

describe('a world file', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await start({ worldFile: WORLD_FILE, today: EXAMPLE_TODAY });
  });

  afterAll(() => sandbox.close());

  it('serves its ad accounts and entities with the spec field names', async () => {
    const accounts = await get(sandbox, '/ad_accounts');
    expect(accounts.body.items.map((a: any) => a.name)).toEqual([
      'Example Shop, US',
      'エグザンプル',
    ]);
    const ads = await get(sandbox, '/ad_accounts/549755885175/ads', [
      ['ad_ids', '687194767361234567'],
    ]);
    expect(ads.body.items[0]).toMatchObject({
      id: '687194767361234567',
      ad_group_id: '2680059592705',
      campaign_id: '626735565838',
      ad_account_id: '549755885175',
      name: '+1 promo',
    });
  });

  it('sums an ad group from its ads when the group has no metrics of its own', async () => {
    const answer = await get(sandbox, '/ad_accounts/549755885175/ad_groups/analytics', [
      ['start_date', '2026-03-01'],
      ['end_date', '2026-03-03'],
      ['granularity', 'TOTAL'],
      ['columns', 'SPEND_IN_MICRO_DOLLAR,TOTAL_CHECKOUT,CTR'],
      ...repeated('ad_group_ids', ['2680059592705', '2680059592706']),
    ]);
    // The archived group's only day was all zeros, so it has no row at all.
    expect(answer.body).toEqual([
      {
        AD_GROUP_ID: '2680059592705',
        SPEND_IN_MICRO_DOLLAR: 12500000 + 9800000 + 4200000,
        TOTAL_CHECKOUT: 4,
        CTR: (52 + 40 + 11) / (4000 + 3100 + 1500),
      },
    ]);
  });

  it('uses a campaign’s own metrics rows when it has them', async () => {
    const answer = await get(sandbox, '/ad_accounts/549755885176/analytics', [
      ['start_date', '2026-03-01'],
      ['end_date', '2026-03-03'],
      ['granularity', 'DAY'],
      ['columns', 'SPEND_IN_DOLLAR'],
    ]);
    expect(answer.body).toEqual([
      { DATE: '2026-03-01', AD_ACCOUNT_ID: '549755885176', SPEND_IN_DOLLAR: 1500 },
      { DATE: '2026-03-03', AD_ACCOUNT_ID: '549755885176', SPEND_IN_DOLLAR: 980 },
    ]);
  });

  it('names the field to fix when an id is a JSON number', () => {
    const bad = withChange((world) => (world.campaigns[1].id = 626735565839));
    expect(() => loadWorld(bad, EXAMPLE_TODAY)).toThrow(
      /campaigns\[1\]\.id must be a string of digits in quotes/,
    );
  });

  it('names the field to fix when a parent id is unknown', () => {
    const bad = withChange((world) => (world.ads[0].ad_group_id = '42'));
    expect(() => loadWorld(bad, EXAMPLE_TODAY)).toThrow(/ads\[0\]\.ad_group_id "42" matches no/);
  });

  it('refuses a ratio column in metrics and says which counters to give', () => {
    const bad = withChange((world) => (world.metrics[0].values.CTR = 0.01));
    expect(() => loadWorld(bad, EXAMPLE_TODAY)).toThrow(
      'world file: metrics[0].values.CTR is computed by the sandbox from other columns; give ' +
        'TOTAL_CLICKTHROUGH, PAID_IMPRESSION instead.',
    );
  });
});

describe('replay', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await start({ replayDir: join(EXAMPLES, 'replay'), today: EXAMPLE_TODAY });
  });

  afterAll(() => sandbox.close());

  it('answers a matching request with the recorded body, whatever the order of keys', async () => {
    const answer = await get(sandbox, '/ad_accounts/549755885175/campaigns/analytics', [
      ['campaign_ids', '626735565838'],
      ['columns', 'SPEND_IN_DOLLAR,TOTAL_CLICKTHROUGH'],
      ['granularity', 'DAY'],
      ['campaign_ids', '626735565839'],
      ['end_date', '2026-03-02'],
      ['start_date', '2026-03-01'],
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body[0]).toEqual({
      DATE: '2026-03-01',
      CAMPAIGN_ID: '626735565838',
      SPEND_IN_DOLLAR: 16.7,
      TOTAL_CLICKTHROUGH: 63,
    });
    expect(answer.headers.get('x-pinterest-rid')).toBeTruthy();
  });

  it('answers an unrecorded request with 404 naming the closest fixture', async () => {
    const answer = await get(sandbox, '/user_account', [['ad_account_id', '549755885175']]);
    expect(answer.status).toBe(404);
    expect(answer.body.message).toBe(
      'No recorded response for GET /user_account. Closest fixture: user_account.json ' +
        '(ad_account_id: recorded none, got "549755885175").',
    );
  });

  it('checks recorded responses against the spec too', () => {
    expect(sandbox.log.flatMap((entry) => entry.responseErrors)).toEqual([]);
  });

  it('fails to start on a fixture without a response, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-replay-'));
    writeFileSync(
      join(dir, 'broken.json'),
      JSON.stringify({ request: { method: 'GET', path: '/x' } }),
    );
    await expect(start({ replayDir: dir })).rejects.toThrow(/replay fixture broken\.json/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('without the spec file', () => {
  it('still serves, with validation false and one stderr line saying so', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const sandbox = await start({ specPath: join(tmpdir(), 'no-such-openapi.json') });
    spy.mockRestore();
    try {
      expect(sandbox.validation).toBe(false);
      expect(lines).toEqual([expect.stringContaining('validation is off')]);
      const answer = await get(sandbox, '/ad_accounts', [['page_size', '251']]);
      expect(answer.status).toBe(400);
      expect((await get(sandbox, '/ad_accounts')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});

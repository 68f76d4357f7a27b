// A full walk over the sandbox, as the add-on would make it: every list, every level of
// analytics with all 175 columns at every granularity. Not one response may break the spec.

import type { RunningSandbox } from '../../dev/sandbox/server';
import { SYNC_COLUMNS } from '../../dev/sandbox/sync-columns';
import { TODAY, addDays, get, getAll, repeated, start } from './support';

const ALL_STATUSES = repeated('entity_statuses', ['ACTIVE', 'PAUSED', 'ARCHIVED']);
const LEVELS = [
  ['campaigns', 'campaign_ids'],
  ['ad_groups', 'ad_group_ids'],
  ['ads', 'ad_ids'],
] as const;

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await start();
});

afterAll(() => sandbox.close());

it('walks every endpoint with zero spec violations in requests and responses', async () => {
  expect((await get(sandbox, '/user_account')).status).toBe(200);
  const { items: accounts } = await getAll(sandbox, '/ad_accounts', [['page_size', '2']]);
  for (const account of accounts) {
    expect((await get(sandbox, `/ad_accounts/${account.id}`)).status).toBe(200);
    const dates = (granularity: string) =>
      [
        ['start_date', addDays(TODAY, -90)],
        ['end_date', addDays(TODAY, -1)],
        ['granularity', granularity],
        ['columns', SYNC_COLUMNS.join(',')],
      ] as Array<[string, string]>;
    for (const granularity of ['DAY', 'WEEK', 'MONTH', 'TOTAL']) {
      const answer = await get(sandbox, `/ad_accounts/${account.id}/analytics`, dates(granularity));
      expect(answer.status).toBe(200);
    }
    for (const [list, idParam] of LEVELS) {
      const { items } = await getAll(sandbox, `/ad_accounts/${account.id}/${list}`, ALL_STATUSES);
      expect(items.length).toBeGreaterThan(0);
      const one = await get(sandbox, `/ad_accounts/${account.id}/${list}/${items[0].id}`);
      expect(one.status).toBe(200);
      for (const granularity of ['DAY', 'TOTAL']) {
        const answer = await get(sandbox, `/ad_accounts/${account.id}/${list}/analytics`, [
          ...dates(granularity),
          ...repeated(
            idParam,
            items.map((item) => item.id),
          ),
        ]);
        expect(answer.status).toBe(200);
        expect(answer.body.length).toBeGreaterThan(0);
      }
    }
  }

  const v5 = sandbox.log.filter((entry) => entry.path.startsWith('/v5/'));
  expect(v5.length).toBeGreaterThan(60);
  expect(v5.filter((entry) => entry.operationId === null)).toEqual([]);
  expect(v5.flatMap((entry) => entry.requestErrors)).toEqual([]);
  expect(v5.flatMap((entry) => entry.responseErrors)).toEqual([]);
});

it('serves the exchange log over HTTP and clears it on DELETE', async () => {
  const served = await (await fetch(`${sandbox.url}/__sandbox/log`)).json();
  expect(served).toHaveLength(sandbox.log.length);
  expect(served[0]).toEqual({
    method: 'GET',
    path: '/v5/user_account',
    operationId: 'user_account/get',
    query: {},
    status: 200,
    requestErrors: [],
    responseErrors: [],
  });
  const cleared = await fetch(`${sandbox.url}/__sandbox/log`, { method: 'DELETE' });
  expect(cleared.status).toBe(204);
  expect(sandbox.log).toHaveLength(0);
});

it('records a response that breaks the spec instead of hiding it', async () => {
  // A replayed fixture is sent as recorded, so a bad one shows up in responseErrors.
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-replay-'));
  writeFileSync(
    join(dir, 'bad.json'),
    JSON.stringify({
      request: { method: 'GET', path: '/ad_accounts', query: {} },
      response: { status: 200, body: { items: [{ id: 549755885175 }] } },
    }),
  );
  const replaying = await start({ replayDir: dir });
  try {
    const answer = await get(replaying, '/ad_accounts');
    expect(answer.status).toBe(200);
    expect(replaying.log[0].responseErrors).toEqual([
      expect.stringContaining('/items/0/id must be string'),
    ]);
  } finally {
    await replaying.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

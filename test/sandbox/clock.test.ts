// The movable clock: the served today moves during a run while the world stays the one built for
// its own date, and every answer (rows, the 90-day limit) follows the served today.

import type { RunningSandbox } from '../../dev/sandbox/server';
import { createWorld } from '../../dev/sandbox/world';
import { TODAY, addDays, admin, datesOf, get, start, type Params } from './support';

const SERVED = addDays(TODAY, -10);
const COLUMNS = ['SPEND_IN_MICRO_DOLLAR', 'TOTAL_CLICKTHROUGH', 'TOTAL_CONVERSIONS'];

let sandbox: RunningSandbox;
let usdId: string;

beforeAll(async () => {
  sandbox = await start({ today: SERVED, worldToday: TODAY });
  usdId = sandbox.world.adAccounts.find((a) => a.currency === 'USD')!.id;
});

beforeEach(() => sandbox.setToday(SERVED));

afterAll(() => sandbox.close());

function accountDays(startDate: string, endDate: string) {
  const params: Params = [
    ['start_date', startDate],
    ['end_date', endDate],
    ['granularity', 'DAY'],
    ['columns', COLUMNS.join(',')],
  ];
  return get(sandbox, `/ad_accounts/${usdId}/analytics`, params);
}

function days(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

describe('the clock endpoints', () => {
  it('answer GET with the served today, not the date the world was built for', async () => {
    expect(await admin(sandbox, 'GET', 'clock')).toEqual({
      status: 200,
      body: { today: '2026-11-24' },
    });
    expect(sandbox.world.today).toBe('2026-12-04');
  });

  it('move the served today on POST and answer the new date', async () => {
    const moved = await admin(sandbox, 'POST', 'clock', { today: '2026-11-27' });
    expect(moved).toEqual({ status: 200, body: { today: '2026-11-27' } });
    expect((await admin(sandbox, 'GET', 'clock')).body).toEqual({ today: '2026-11-27' });
    expect(sandbox.today()).toBe('2026-11-27');
  });

  it('refuse 30 February with a 400 that names the format, leaving the clock alone', async () => {
    const refused = await admin(sandbox, 'POST', 'clock', { today: '2026-02-30' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('YYYY-MM-DD');
    expect(refused.body.message).toContain('2026-02-30');
    const notJson = await admin(sandbox, 'POST', 'clock', 'tomorrow');
    expect(notJson.status).toBe(400);
    expect((await admin(sandbox, 'GET', 'clock')).body).toEqual({ today: SERVED });
  });
});

describe('answers as of the served today', () => {
  it('hold no row for the served today or later, though the world delivered then', async () => {
    const answer = await accountDays(addDays(SERVED, -5), addDays(SERVED, 5));
    expect(answer.status).toBe(200);
    expect(datesOf(answer.body)).toEqual(days(addDays(SERVED, -5), 5));
    const final = sandbox.world.analyticsRows(
      'AD_ACCOUNT',
      usdId,
      [],
      addDays(SERVED, -5),
      addDays(SERVED, 5),
      'DAY',
      COLUMNS,
    );
    expect(datesOf(final)).toContain(SERVED);
    const asOf = sandbox.world.analyticsRows(
      'AD_ACCOUNT',
      usdId,
      [],
      addDays(SERVED, -5),
      addDays(SERVED, 5),
      'DAY',
      COLUMNS,
      { asOf: SERVED },
    );
    expect(answer.body).toEqual(asOf);
  });

  it('add the newer days when the clock moves three days on, older days unchanged', async () => {
    const before = await accountDays(addDays(SERVED, -5), addDays(SERVED, 5));
    sandbox.setToday(addDays(SERVED, 3));
    const after = await accountDays(addDays(SERVED, -5), addDays(SERVED, 5));
    expect(datesOf(after.body)).toEqual(days(addDays(SERVED, -5), 8));
    expect(after.body.slice(0, 5)).toEqual(before.body);
  });

  it('have no delivery from the world date on when the served today is beyond it', async () => {
    sandbox.setToday(addDays(TODAY, 5));
    const answer = await accountDays(addDays(TODAY, -3), addDays(TODAY, 4));
    expect(answer.status).toBe(200);
    expect(datesOf(answer.body)).toEqual(days(addDays(TODAY, -3), 3));
  });

  it('call the served yesterday final in metrics_ready_state, conversions too', async () => {
    const ready = (date: string) =>
      get(sandbox, '/resources/metrics_ready_state', [['date', date]]);
    expect((await ready('2026-11-23')).body).toEqual({
      conversion_metrics_ready: true,
      non_conversion_metrics_ready: true,
    });
    expect((await ready('2026-11-24')).body).toEqual({
      conversion_metrics_ready: false,
      non_conversion_metrics_ready: false,
    });
  });

  it('keep the entities of the world while the clock moves', async () => {
    const path = `/ad_accounts/${usdId}/campaigns`;
    const before = await get(sandbox, path, [['page_size', '250']]);
    sandbox.setToday(addDays(TODAY, 30));
    const after = await get(sandbox, path, [['page_size', '250']]);
    expect(after.body).toEqual(before.body);
    const built = createWorld({ seed: 1, today: TODAY });
    expect(sandbox.world.ads.map((ad) => ad.id)).toEqual(built.ads.map((ad) => ad.id));
  });
});

describe('the 90-day limit', () => {
  const ask = (startDate: string) => accountDays(startDate, addDays(startDate, 10));

  it('reaches back 90 days from the served today and no further', async () => {
    expect((await ask(addDays(SERVED, -90))).status).toBe(200);
    const refused = await ask(addDays(SERVED, -91));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain(`today (${SERVED} UTC)`);
    expect(refused.body.message).toContain(`earliest start_date allowed is 2026-08-26`);
  });

  it('refuses the same start once the clock moves ten days on', async () => {
    sandbox.setToday(TODAY);
    const refused = await ask(addDays(SERVED, -90));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('earliest start_date allowed is 2026-09-05');
  });
});

it('logs no spec violation in any exchange of this file', () => {
  const v5 = sandbox.log.filter((entry) => entry.path.startsWith('/v5/'));
  expect(v5.length).toBeGreaterThan(8);
  expect(v5.flatMap((entry) => [...entry.requestErrors, ...entry.responseErrors])).toEqual([]);
});

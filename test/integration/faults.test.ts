// The fault matrix: each fault Pinterest can throw at a refresh, injected by the sandbox into the
// built bundle's runs. After the runs that follow, the tab equals the sandbox's truth, no run
// left it partly written, no row is duplicated, and the run log tells what happened.

import { addDays } from '../../src/core/dates';
import { createWorld } from '../../dev/sandbox/world';
import { sandboxAdmin, startLocal, type Local } from '../support/local';
import { campaignReport, tabRows, truthRows } from '../support/truth';

const TODAY = '2026-12-04';
const world = createWorld({ seed: 6, today: TODAY });
let local: Local;
let accountIds: string[];

beforeAll(async () => {
  local = await startLocal({ today: TODAY, seed: 6 });
  accountIds = local.call<{ id: string }[]>('listAdAccounts').map((account) => account.id);
});

afterAll(async () => {
  await local?.stop();
});

const ANALYTICS = { path: '/analytics$' };

function saveReport(id: string) {
  local.call('saveReport', campaignReport(id, accountIds));
}

/** The tab equals the truth for the last 7 days before `today` (the runtime's, by default). */
function expectTabEqualsTruth(tab: string, today = local.runtime.clock.now().toISOString()): void {
  today = today.slice(0, 10);
  const truth = truthRows(world, accountIds, addDays(today, -7), addDays(today, -1), today);
  expect(Object.fromEntries(tabRows(local.runtime, tab))).toEqual(Object.fromEntries(truth));
}

function logOf(tab: string): string[] {
  const log = local.runtime.spreadsheet.getSheetByName('Refresh log')!.getDataRange().getValues();
  return log
    .filter((row: unknown[]) => row[3] === tab)
    .map((row: unknown[]) => `${row[4]} ${row[7]}`);
}

function refresh(id: string) {
  return local.runtime.call<any>('refreshReport', id);
}

/** Faults a run absorbs by waiting and trying again: the same run succeeds. */
const RETRIED = [
  ['429 with Retry-After', { kind: 'status', status: 429, retryAfter: 3 }],
  ['429 without Retry-After', { kind: 'status', status: 429 }],
  ['400 asking to retry after N seconds', { kind: 'throttle400', retryAfter: 3 }],
  ['500', { kind: 'status', status: 500 }],
  ['502', { kind: 'status', status: 502 }],
  ['503', { kind: 'status', status: 503 }],
  ['a slow answer', { kind: 'slow', delayMs: 1500 }],
  ['a dropped connection', { kind: 'drop' }],
  ['a token that expires mid-run', { kind: 'expireTokens' }],
] as const;

describe.each(RETRIED)('a refresh hit by %s', (name, fault) => {
  const id = `f-${name.replace(/\W+/g, '-')}`.slice(0, 40);

  it('retries, then writes exactly the truth and logs a success', async () => {
    saveReport(id);
    // Twice in a row, except a token: it expires once, and the refreshed one must work.
    const times = fault.kind === 'expireTokens' ? 1 : 2;
    await sandboxAdmin(local.sandbox, 'faults', [{ match: ANALYTICS, times, fault }]);
    const result = refresh(id);
    const fired = (await (await fetch(`${local.sandbox.url}/__sandbox/faults`)).json()) as any[];
    await fetch(`${local.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });

    expect(fired[0].fired).toBeGreaterThan(0);
    expect(result.ok).toBe(true);
    expectTabEqualsTruth(id);
    expect(logOf(id)).toEqual([expect.stringMatching(/^success/)]);
  });
});

describe('faults that outlast a run', () => {
  it('an outage keeps the previous data, is logged, and the next run repairs the tab', async () => {
    saveReport('outage');
    expect(refresh('outage').ok).toBe(true);
    const before = local.runtime.spreadsheet.getSheetByName('outage')!.getDataRange().getValues();

    const outage = { kind: 'status', status: 503 };
    await sandboxAdmin(local.sandbox, 'faults', [{ match: ANALYTICS, times: 0, fault: outage }]);
    const failed = refresh('outage');
    expect(failed.error.code).toBe('PINTEREST_UNAVAILABLE');
    expect(local.runtime.spreadsheet.getSheetByName('outage')!.getDataRange().getValues()).toEqual(
      before,
    );

    await fetch(`${local.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    expect(refresh('outage').ok).toBe(true);
    expectTabEqualsTruth('outage');
    expect(logOf('outage')).toEqual([
      expect.stringMatching(/^success/),
      expect.stringMatching(/^failed PINTEREST_UNAVAILABLE/),
      expect.stringMatching(/^success/),
    ]);
  });

  it('a campaign archived between runs keeps its rows and shows as archived', async () => {
    saveReport('archived');
    expect(refresh('archived').ok).toBe(true);
    const campaign: any = world.campaigns.find(
      (c: any) => c.ad_account_id === accountIds[0] && c.status === 'ACTIVE',
    );
    await sandboxAdmin(local.sandbox, 'archive', { ids: [campaign.id] });

    expect(refresh('archived').ok).toBe(true);
    const rows = local.runtime.spreadsheet.getSheetByName('archived')!.getDataRange().getValues();
    const its = rows.filter((row: unknown[]) => row[4] === campaign.id);
    expect(its.length).toBeGreaterThan(0);
    expect(new Set(its.map((row: unknown[]) => row[6]))).toEqual(new Set(['ARCHIVED']));
    expectTabEqualsTruth('archived');
  });
});

describe('a tab sorted by hand', () => {
  it('merges by key: a refresh after reversing the rows duplicates nothing', () => {
    saveReport('sorted');
    expect(refresh('sorted').ok).toBe(true);
    const sheet = local.runtime.spreadsheet.getSheetByName('sorted')!;
    const [header, ...rows] = sheet.getDataRange().getValues();
    sheet.getRange(2, 1, rows.length, header.length).setValues(rows.reverse());

    expect(refresh('sorted').ok).toBe(true);
    expectTabEqualsTruth('sorted');
  });
});

describe('scheduled refreshes that keep failing', () => {
  it('mail the owner once a day, and every failed run is logged', async () => {
    saveReport('down');
    local.call('setSchedule', { mode: 'hourly' });
    const outage = { kind: 'status', status: 500 };
    await sandboxAdmin(local.sandbox, 'faults', [{ match: ANALYTICS, times: 0, fault: outage }]);
    const before = local.runtime.mails.length;

    local.runtime.runUntil(new Date(local.runtime.clock.now().getTime() + 3 * 3600_000));
    await fetch(`${local.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    local.call('setSchedule', { mode: 'off' });

    const mails = local.runtime.mails.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/scheduled refresh failed/);
    expect(mails[0].body).toMatch(/down: PINTEREST_UNAVAILABLE/);
    expect(logOf('down').filter((line) => line.startsWith('failed')).length).toBeGreaterThan(1);
    expect(local.runtime.spreadsheet.getSheetByName('down')).toBeNull();
  });
});

describe('a daily quota that runs out mid-run', () => {
  beforeAll(async () => {
    // Its own sandbox: an exhausted quota lasts until midnight.
    await local.stop();
    local = await startLocal({ today: TODAY, seed: 6 });
  });

  it('parks the report, leaves the tab alone, and a later run completes it', async () => {
    saveReport('quota');
    local.call('setSchedule', { mode: 'hourly' });
    const quota = { kind: 'dailyQuota', limit: 1 };
    await sandboxAdmin(local.sandbox, 'faults', [{ match: ANALYTICS, times: 1, fault: quota }]);

    const parked = refresh('quota');
    expect(parked.error.code).toBe('RATE_LIMITED');
    expect(local.runtime.spreadsheet.getSheetByName('quota')).toBeNull();
    const status = local.call<any[]>('listReports').find((e) => e.report.id === 'quota').status;
    expect(status.parkedUntil > local.runtime.clock.now().toISOString()).toBe(true);
    // The request that went through before the quota ran out is kept for the next run.
    expect(status.pending).toBe(true);

    // An hour later the report is still parked: the scheduled run leaves it alone.
    local.runtime.runUntil(new Date(local.runtime.clock.now().getTime() + 3600_000));
    expect(local.runtime.spreadsheet.getSheetByName('quota')).toBeNull();

    // Past the time Pinterest named, with the quota reset, a scheduled run finishes the job.
    await fetch(`${local.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
    local.runtime.runUntil(new Date(Date.parse(status.parkedUntil) + 3600_000));
    local.call('setSchedule', { mode: 'off' });
    expect(logOf('quota')[0]).toMatch(/^failed RATE_LIMITED/);
    expect(logOf('quota').at(-1)).toMatch(/^success/);
    // The job planned on the first day is finished as planned: the days before that day.
    expectTabEqualsTruth('quota', TODAY);
  });
});

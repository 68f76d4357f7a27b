// Runs that meet the limits of an execution: long throttling waits near the deadline, Google's
// own UrlFetch quota, and what a failed or deleted refresh leaves behind.

import { sandboxAdmin, startLocal, type Local } from '../support/local';
import { campaignReport } from '../support/truth';

const TODAY = '2026-12-04';
const ANALYTICS = { path: '/analytics$' };

function logRows(local: Local): unknown[][] {
  const sheet = local.runtime.spreadsheet.getSheetByName('Refresh log');
  return sheet ? sheet.getDataRange().getValues().slice(1) : [];
}

async function clearFaults(local: Local) {
  await fetch(`${local.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
}

describe('a scheduled run throttled with a 60-second Retry-After', () => {
  it('ends within the execution limit and logs every report it tried', async () => {
    const local = await startLocal({ today: TODAY, seed: 6 });
    try {
      const accounts = local.call<{ id: string }[]>('listAdAccounts').map((a) => a.id);
      for (const id of ['t1', 't2']) local.call('saveReport', campaignReport(id, accounts));
      local.call('setSchedule', { mode: 'hourly' });
      const throttle = { kind: 'status', status: 429, retryAfter: 60 };
      await sandboxAdmin(local.sandbox, 'faults', [
        { match: ANALYTICS, times: 0, fault: throttle },
      ]);

      const runs = local.runtime.runUntil(new Date(local.runtime.clock.now().getTime() + 3600_000));
      await clearFaults(local);
      expect(runs.map((run) => run.error)).toEqual([undefined]);
      const outcomes = logRows(local).map((row) => `${row[3]} ${row[4]}`);
      expect(outcomes).toEqual(['t1 failed', 't2 failed']);
      expect(logRows(local).every((row) => (row[6] as number) > 0)).toBe(true);
    } finally {
      await local.stop();
    }
  }, 60_000);
});

describe("Google's UrlFetch quota used up", () => {
  it('says so and holds the report until the next UTC day', async () => {
    const local = await startLocal({ today: TODAY, seed: 6, runtime: { urlFetchDailyQuota: 8 } });
    try {
      const accounts = local.call<{ id: string }[]>('listAdAccounts').map((a) => a.id);
      local.call('saveReport', campaignReport('uq', accounts));
      const result = local.runtime.call<any>('refreshReport', 'uq');
      expect(result.error.code).toBe('QUOTA_EXHAUSTED');
      expect(result.error.message).toMatch(/continue tomorrow/);
      const status = local.call<any[]>('listReports')[0].status;
      expect(status.parkedUntil).toBe('2026-12-05T00:00:00.000Z');
    } finally {
      await local.stop();
    }
  });
});

describe('a report deleted while its refresh is half-way', () => {
  it('takes its saved work in progress with it', async () => {
    const local = await startLocal({ today: TODAY, seed: 6, extraArgs: ['--scale', '3'] });
    try {
      const accounts = local.call<{ id: string }[]>('listAdAccounts').map((a) => a.id);
      local.call('saveReport', campaignReport('gone', accounts, { level: 'AD' }));
      const outage = { kind: 'status', status: 503 };
      await sandboxAdmin(local.sandbox, 'faults', [
        { match: ANALYTICS, skip: 3, times: 0, fault: outage },
      ]);
      expect(local.runtime.call<any>('refreshReport', 'gone').ok).toBe(false);
      await clearFaults(local);
      const names = () => local.runtime.spreadsheet.getSheets().map((s: any) => s.getName());
      expect(names().some((name: string) => name.includes('gone'))).toBe(true);

      local.call('deleteReport', 'gone');
      expect(names().filter((name: string) => name.includes('gone'))).toEqual([]);
    } finally {
      await local.stop();
    }
  });
});

describe('a report whose listing alone outlasts a run', () => {
  it('keeps what it listed and completes over later runs', async () => {
    // Every request takes 35 s on the runtime clock; listing 4 accounts' ads takes 2-3 runs.
    const local = await startLocal({
      today: TODAY,
      seed: 5,
      extraArgs: ['--scale', '20'],
      runtime: { fetchLatencyMs: 35_000 },
    });
    try {
      const accounts = local.call<{ id: string }[]>('listAdAccounts').map((a) => a.id);
      local.call('saveReport', campaignReport('slow', accounts, { level: 'AD' }));
      local.call('setSchedule', { mode: 'hourly' });
      const runs = local.runtime.runUntil(
        new Date(local.runtime.clock.now().getTime() + 8 * 3600_000),
      );
      expect(runs.filter((run) => run.error)).toEqual([]);
      expect(local.runtime.spreadsheet.getSheetByName('slow')).not.toBeNull();
      const outcomes = logRows(local).map((row) => row[4]);
      expect(outcomes[0]).toBe('partial');
      expect(outcomes).toContain('success');
    } finally {
      await local.stop();
    }
  }, 120_000);
});

describe('the per-minute analytics limit', () => {
  it('is waited out: a refresh needing more requests than a minute allows completes', async () => {
    // The runtime sends its clock to the sandbox, so the limit counts in simulated time.
    const local = await startLocal({
      today: TODAY,
      seed: 6,
      extraArgs: ['--analytics-per-minute', '3'],
    });
    try {
      const accounts = local.call<{ id: string }[]>('listAdAccounts').map((a) => a.id);
      local.call('saveReport', campaignReport('paced', accounts));
      const result = local.runtime.call<any>('refreshReport', 'paced');
      expect(result.ok).toBe(true);
      const log = await (await fetch(`${local.sandbox.url}/__sandbox/log`)).json();
      expect(log.filter((entry: any) => entry.status === 429).length).toBeGreaterThan(0);
    } finally {
      await local.stop();
    }
  });
});

// Automatic refresh: the schedule a user turns on in the sidebar, and the run the time-driven
// trigger makes every hour: refresh each report that is due, within one execution's budget,
// one refresh at a time per spreadsheet, telling the owner by mail (at most daily) on failures.

import { AddonError } from '../core/errors';
import type { Schedule } from '../ports';
import { executionBudget } from './budget';
import type { AppContext } from './context';
import { refreshReport, type RefreshSummary } from './refresh';
import { listReports, readStatus, type ReportStatus } from './report-store';
import { appendRunLog, type RunLogEntry } from './run-log';
import type { ReportDefinition } from '../core/report/definition';

/** How long a second refresh waits for the one running before it says so. */
export const LOCK_WAIT_MS = 10_000;
/** An hourly report refreshed this recently is not due again yet (triggers drift in the hour). */
const HOURLY_MIN_AGE_MS = 50 * 60_000;

export function validateSchedule(input: unknown): Schedule | null {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (raw.mode === 'off') return null;
  if (raw.mode === 'hourly') return { mode: 'hourly' };
  const hour = raw.hour;
  if (
    raw.mode === 'daily' &&
    typeof hour === 'number' &&
    Number.isInteger(hour) &&
    hour >= 0 &&
    hour < 24
  ) {
    return { mode: 'daily', hour };
  }
  throw new AddonError('INVALID_REPORT', 'Choose off, hourly, or daily at an hour from 0 to 23.', {
    field: 'schedule',
  });
}

/** Turns automatic refresh on (replacing the trigger) or off (removing it). */
export function setSchedule(context: AppContext, input: unknown): Schedule | null {
  const schedule = validateSchedule(input);
  if (schedule) context.scheduler.install(schedule);
  else context.scheduler.remove();
  return schedule;
}

/** Whether a report should be refreshed by the run starting now. */
export function isDue(status: ReportStatus, schedule: Schedule, context: AppContext): boolean {
  const now = context.clock.now();
  if (status.parkedUntil && status.parkedUntil > now.toISOString()) return false;
  if (status.pending || status.lastError || !status.lastSuccess) return true;
  const last = new Date(status.lastSuccess);
  if (schedule.mode === 'hourly') return now.getTime() - last.getTime() >= HOURLY_MIN_AGE_MS;
  const today = context.clock.local(now);
  return today.hour >= schedule.hour && context.clock.local(last).date < today.date;
}

// Limitation: two collaborators' executions taking the lease in the same instant are not
// excluded (each holds only its own user's lock while taking it).
const LEASE_KEY = 'refresh.lease';
/** A lease older than an execution can live belongs to a run that died: it no longer counts. */
const LEASE_MS = 6 * 60_000;

/**
 * Runs `work` as the spreadsheet's only refresh. A lease in the spreadsheet's settings marks a
 * refresh as running, for every collaborator; the lock is held only while the lease is taken,
 * not during the work, because the OAuth2 library needs the same lock to refresh a token.
 */
export function withRefreshLock<T>(context: AppContext, work: () => T): T {
  const running = new AddonError(
    'REFRESH_RUNNING',
    'Another refresh of this spreadsheet is running. Try again in a minute.',
  );
  if (!context.lock.tryLock(LOCK_WAIT_MS)) throw running;
  try {
    const now = context.clock.now().getTime();
    if (Number(context.settings.get(LEASE_KEY) ?? 0) > now) throw running;
    context.settings.set(LEASE_KEY, String(now + LEASE_MS));
  } finally {
    context.lock.release();
  }
  try {
    return work();
  } finally {
    context.settings.delete(LEASE_KEY);
  }
}

function logEntry(
  report: ReportDefinition,
  run: RunLogEntry['run'],
  started: Date,
  context: AppContext,
  outcome: { summary?: RefreshSummary; error?: AddonError },
): RunLogEntry {
  const { summary, error } = outcome;
  return {
    started,
    finished: context.clock.now(),
    run,
    tab: summary?.tabName ?? report.tabName,
    outcome: error ? 'failed' : summary?.complete ? 'success' : 'partial',
    rows: summary?.complete ? summary.rows : '',
    requests: summary?.requests ?? 0,
    message: error ? `${error.code}: ${error.message}` : (summary?.notice ?? ''),
  };
}

/** A refresh the user asked for: under the lock, logged like scheduled ones. */
export function refreshNow(context: AppContext, report: ReportDefinition): RefreshSummary {
  return withRefreshLock(context, () => {
    const started = context.clock.now();
    try {
      const summary = refreshReport(context, report.id);
      appendRunLog(context.workbook, [logEntry(report, 'manual', started, context, { summary })]);
      return summary;
    } catch (error) {
      const entry = logEntry(report, 'manual', started, context, { error: error as AddonError });
      entry.requests = readStatus(context.settings, report.id).requests ?? 0;
      appendRunLog(context.workbook, [entry]);
      throw error;
    }
  });
}

/**
 * The trigger's run: refreshes due reports (unfinished ones first) until the execution's budget
 * is spent; what is left continues in the next hourly run.
 */
export function runScheduled(context: AppContext): RunLogEntry[] {
  const schedule = context.scheduler.current();
  if (!schedule) return [];
  return withRefreshLock(context, () => {
    const runStarted = context.clock.now();
    const budget = executionBudget(context.clock, context.userProperties, runStarted);
    const due = listReports(context.settings)
      .map((report) => ({ report, status: readStatus(context.settings, report.id) }))
      .filter(({ status }) => isDue(status, schedule, context))
      .sort((a, b) => Number(Boolean(b.status.pending)) - Number(Boolean(a.status.pending)));

    // Each report's outcome is logged as soon as it is known, so a run that Apps Script stops
    // later still leaves its record.
    const entries: RunLogEntry[] = [];
    const failures: RunLogEntry[] = [];
    for (const { report } of due) {
      if (context.clock.now().getTime() >= budget.deadline || budget.fetchesLeft <= 0) break;
      const started = context.clock.now();
      let entry: RunLogEntry;
      try {
        const summary = refreshReport(context, report.id, budget);
        entry = logEntry(report, 'scheduled', started, context, { summary });
      } catch (error) {
        entry = logEntry(report, 'scheduled', started, context, { error: error as AddonError });
        entry.requests = readStatus(context.settings, report.id).requests ?? 0;
        const held = ['RATE_LIMITED', 'QUOTA_EXHAUSTED'].includes((error as AddonError).code);
        if (!held) failures.push(entry);
      }
      budget.fetchesLeft -= entry.requests;
      appendRunLog(context.workbook, [entry]);
      entries.push(entry);
    }
    notifyFailures(context, failures);
    return entries;
  });
}

/** Mails the user about failed scheduled refreshes, at most once a day per spreadsheet. */
function notifyFailures(context: AppContext, failures: RunLogEntry[]): void {
  if (failures.length === 0) return;
  const key = 'mail.lastFailureNotice';
  const today = context.clock.local(context.clock.now()).date;
  if (context.settings.get(key) === today) return;
  const lines = failures.map((entry) => `- ${entry.tab}: ${entry.message}`);
  context.mailer.send(
    'Pinterest Ads: a scheduled refresh failed',
    'These report tabs could not be refreshed automatically; they keep their previous data.\n\n' +
      `${lines.join('\n')}\n\nOpen the spreadsheet, then Extensions → Pinterest Ads → Open to ` +
      'see the details and what to do. You get this message at most once a day.',
  );
  context.settings.set(key, today);
}

// Refreshing a report tab: plan the requests for the dates due (the whole range the first time,
// the lookback window later), fetch them under the execution's budget, and only when every
// request is in, merge with the rows the tab keeps and write it in one batch. Work that does not
// fit in one execution is saved and resumed by the next; a failed refresh leaves the tab as it
// was.

import { AddonError } from '../core/errors';
import { addDays, toIsoDate } from '../core/dates';
import type { PinterestClient } from '../core/pinterest/client';
import type { AnalyticsRow } from '../core/pinterest/types';
import type { ReportDefinition } from '../core/report/definition';
import { mergeTable } from '../core/report/merge';
import { dataStatus, mergeRows, shapeTable } from '../core/report/shape';
import { lookbackDays } from '../core/report/window';
import { DICTIONARY_TAB, dictionaryWrite } from '../core/sheet/dictionary';
import { toSheetWrite } from '../core/sheet/format';
import { executionBudget, recordFetches, type Budget } from './budget';
import { pinterestClient, type AppContext } from './context';
import { listReports, loadReport, putReport, readStatus, writeStatus } from './report-store';
import type { ReportStatus } from './report-store';
import { resolveReportTab } from './report-tab';
import { currentJob, jobKey, type RefreshJob } from './refresh-job';

export interface RefreshSummary {
  reportId: string;
  tabName: string;
  /** False when the run stopped before all data was in; the next run continues. */
  complete: boolean;
  /** Requests done and planned, for progress. */
  progress: { done: number; total: number };
  /** Something the user should know: a tab renamed or recreated, a pause, a resume. */
  notice?: string;
  accounts: number;
  rows: number;
  requests: number;
  startDate: string;
  endDate: string;
  seconds: number;
}

/** How long a report waits when Pinterest throttles without saying for how long. */
const DEFAULT_PARK_MS = 15 * 60_000;

/**
 * Refreshes one report within `budget` (a fresh execution's by default). Records the outcome in
 * the report's status; answers the summary, or throws the failure after recording it.
 */
export function refreshReport(
  context: AppContext,
  reportId: string,
  budget?: Budget,
): RefreshSummary {
  const definition = loadReport(context.settings, reportId);
  const started = context.clock.now();
  const status = readStatus(context.settings, reportId);
  const allowance = budget ?? executionBudget(context.clock, context.userProperties, started);
  const client = pinterestClient(context, allowance.deadline);
  const save = (next: ReportStatus) =>
    writeStatus(context.settings, reportId, {
      ...next,
      lastAttempt: started.toISOString(),
    });

  let job: RefreshJob | undefined;
  try {
    const canContinue = (requests: number) => {
      const inTime = context.clock.now().getTime() < allowance.deadline;
      return inTime && client.requestCount + requests <= allowance.fetchesLeft;
    };
    job = currentJob(context, client, definition, status, toIsoDate(started), () => canContinue(1));
    const results = job.results as (AnalyticsRow[] | undefined)[];
    const complete = job.plan !== null && client.runAnalytics(job.plan, results, canContinue);
    const summary = complete
      ? finish(context, client, definition, status, job, started)
      : pause(context, definition, job, started, client);
    const next: ReportStatus = complete
      ? {
          ...status,
          lastSuccess: started.toISOString(),
          rows: summary.rows,
          shapeKey: job.shapeKey,
          dataFrom: job.window.rebuild ? job.window.start : (status.dataFrom ?? job.window.start),
          dataThrough: job.window.end,
          sheetName: summary.tabName,
          sheetId: context.workbook.sheetId(summary.tabName),
          lastError: undefined,
          parkedUntil: undefined,
          pending: undefined,
        }
      : { ...status, pending: true };
    save({ ...next, requests: summary.requests, notice: summary.notice });
    return summary;
  } catch (error) {
    const known = asAddonError(error);
    context.logger.warn(`Refresh of ${reportId} failed: ${known.code} ${known.detail ?? ''}`);
    // What was listed and fetched before the failure is kept for the next run.
    const progress = job !== undefined && (job.plan === null || job.results.some(Boolean));
    if (progress) context.workbook.writeBlob(jobKey(definition.id), JSON.stringify(job));
    save({
      ...status,
      pending: progress || status.pending,
      requests: client.requestCount,
      lastError: { code: known.code, message: known.message },
      parkedUntil: parkUntil(started, known),
    });
    throw known;
  } finally {
    recordFetches(context.clock, context.userProperties, client.requestCount);
  }
}

/**
 * When a report held back by a quota may be tried again: as Pinterest asked (or in 15 minutes)
 * when throttled, the next UTC day when Google's UrlFetch quota is spent; otherwise not held.
 */
function parkUntil(now: Date, error: AddonError): string | undefined {
  if (error.code === 'QUOTA_EXHAUSTED') return `${addDays(toIsoDate(now), 1)}T00:00:00.000Z`;
  if (error.code !== 'RATE_LIMITED') return undefined;
  const wait = error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : DEFAULT_PARK_MS;
  return new Date(now.getTime() + wait).toISOString();
}

function asAddonError(error: unknown): AddonError {
  if (error instanceof AddonError) return error;
  return new AddonError(
    'PINTEREST_UNAVAILABLE',
    'The refresh failed unexpectedly. It will be tried again.',
    {
      detail: error instanceof Error ? `${error.message}\n${error.stack}` : String(error),
    },
  );
}

/** Saves the job for the next execution and says how far it got. */
function pause(
  context: AppContext,
  definition: ReportDefinition,
  job: RefreshJob,
  started: Date,
  client: PinterestClient,
): RefreshSummary {
  context.workbook.writeBlob(jobKey(definition.id), JSON.stringify(job));
  const done = job.results.filter(Boolean).length;
  const listed = Object.keys(job.idsByAccount).length;
  const step = job.plan
    ? `Fetched ${done} of ${job.plan.length} requests`
    : `Listed the campaigns, ad groups or ads of ${listed} of ${job.accounts.length} ad accounts`;
  return {
    ...baseSummary(context, definition, job, started, client),
    complete: false,
    notice: `${step}; the tab is unchanged until all is in. The next run continues from here.`,
  };
}

function finish(
  context: AppContext,
  client: PinterestClient,
  definition: ReportDefinition,
  status: ReportStatus,
  job: RefreshJob,
  started: Date,
): RefreshSummary {
  const provisionalFrom = provisionalBoundary(client, definition, job, status);
  const fresh = shapeTable({
    definition,
    startDate: job.window.start,
    endDate: job.window.end,
    provisionalFrom,
    accounts: new Map(job.accounts.map((account) => [account.id, account])),
    entities: new Map(job.entities.map((entity) => [entity.id, entity])),
    rows: mergeRows(job.plan ?? [], job.results as AnalyticsRow[][]),
  });

  const tab = resolveReportTab(context.workbook, definition, status);
  if (tab.tabName !== definition.tabName) {
    putReport(context.settings, { ...definition, tabName: tab.tabName });
  }
  const existing = job.window.rebuild ? undefined : context.workbook.readSheet(tab.tabName);
  const merged = mergeTable({ existing, fresh, level: definition.level, window: job.window });
  // Kept rows age too: one that left the lookback becomes final.
  const statusColumn = merged.columns.length - 1;
  const table = {
    ...merged,
    rows: merged.rows.map((row) => {
      const date = String(row[0]);
      const mark = dataStatus(date, definition.granularity, job.window.end, provisionalFrom);
      return row[statusColumn] === mark ? row : [...row.slice(0, statusColumn), mark];
    }),
  };
  context.workbook.writeSheet(tab.tabName, toSheetWrite(table));
  context.workbook.deleteBlob(jobKey(definition.id));
  writeDictionary(context);

  return {
    ...baseSummary(context, definition, job, started, client),
    tabName: tab.tabName,
    complete: true,
    notice: tab.notice,
    rows: table.rows.length,
  };
}

/**
 * Rows from this date on are provisional: the lookback says so, and so does Pinterest when it
 * reports a recent day's conversions as not yet final.
 */
function provisionalBoundary(
  client: PinterestClient,
  definition: ReportDefinition,
  job: RefreshJob,
  status: ReportStatus,
) {
  let boundary = addDays(job.today, -lookbackDays(definition));
  const yesterday = addDays(job.today, -1);
  for (let date = yesterday; date >= addDays(yesterday, -3); date = addDays(date, -1)) {
    if (status.conversionsFinalThrough && date <= status.conversionsFinalThrough) break;
    const ready = client.conversionsReady(date);
    if (ready === undefined) break;
    if (ready) {
      status.conversionsFinalThrough = date;
      break;
    }
    if (date < boundary) boundary = date;
  }
  // Days after the last one Pinterest called final stay provisional.
  const final = status.conversionsFinalThrough;
  if (final && addDays(final, 1) < boundary) boundary = addDays(final, 1);
  return boundary;
}

function baseSummary(
  context: AppContext,
  definition: ReportDefinition,
  job: RefreshJob,
  started: Date,
  client: PinterestClient,
): RefreshSummary {
  return {
    reportId: definition.id,
    tabName: definition.tabName,
    complete: false,
    progress: { done: job.results.filter(Boolean).length, total: job.plan?.length ?? 0 },
    accounts: job.accounts.length,
    rows: 0,
    requests: client.requestCount,
    startDate: job.window.start,
    endDate: job.window.end,
    seconds: (context.clock.now().getTime() - started.getTime()) / 1000,
  };
}

/** Rewrites the data dictionary for the spreadsheet's reports as they are now. */
export function writeDictionary(context: AppContext): void {
  const reports = listReports(context.settings);
  context.workbook.writeSheet(DICTIONARY_TAB, dictionaryWrite(reports));
}

// Report definitions and their last refresh status, saved in the spreadsheet's settings (a hidden
// tab) so every collaborator, every later session and the scheduled run see them.

import { AddonError } from '../core/errors';
import { checkReach } from '../core/pinterest/plan';
import { resolveDateRange, validateReport, type ReportDefinition } from '../core/report/definition';
import { DICTIONARY_TAB } from '../core/sheet/dictionary';
import { RUN_LOG_TAB } from './run-log';
import type { KeyValueStore, Workbook } from '../ports';

const REPORT_PREFIX = 'report:';
const STATUS_PREFIX = 'status:';

export interface ReportStatus {
  /** ISO instant of the last successful refresh. */
  lastSuccess?: string;
  lastAttempt?: string;
  rows?: number;
  requests?: number;
  /** The id and name of the tab last written, so a tab renamed by hand is still found. */
  sheetId?: number;
  sheetName?: string;
  /** Something the user should know about the last refresh (a tab renamed or recreated). */
  notice?: string;
  /** The shape (level, fields, accounts…) of the rows in the tab; a change rebuilds it. */
  shapeKey?: string;
  /** The first and last days the tab holds data for (for the current definition). */
  dataFrom?: string;
  dataThrough?: string;
  /** True while a refresh is saved half-way, to be continued by the next run. */
  pending?: boolean;
  /** Pinterest asked to wait: no refresh of this report before this instant. */
  parkedUntil?: string;
  /** The last day Pinterest reported as final for conversions. */
  conversionsFinalThrough?: string;
  /** The last failure's user message and code, cleared by a success. */
  lastError?: { code: string; message: string };
}

export function listReports(store: KeyValueStore): ReportDefinition[] {
  return store
    .keys()
    .filter((key) => key.startsWith(REPORT_PREFIX))
    .sort()
    .map((key) => JSON.parse(store.get(key) as string) as ReportDefinition);
}

export function loadReport(store: KeyValueStore, id: string): ReportDefinition {
  const text = store.get(REPORT_PREFIX + id);
  if (!text) {
    throw new AddonError('NOT_FOUND', 'This report no longer exists. Reload the sidebar.');
  }
  return JSON.parse(text) as ReportDefinition;
}

/** Tab names the add-on keeps for itself. */
export const RESERVED_TABS = [DICTIONARY_TAB, RUN_LOG_TAB];

/**
 * Saves a report after validating it. Two reports may not write to the same tab, and a report
 * may not take over a tab that holds something else (the user's own data is never overwritten).
 */
export function saveReport(
  store: KeyValueStore,
  workbook: Workbook,
  input: unknown,
  today: string,
): ReportDefinition {
  const report = validateReport(input);
  const range = resolveDateRange(report.dateRange, today);
  checkReach({
    startDate: range.start,
    endDate: range.end,
    granularity: report.granularity,
    today,
  });
  const taken = (message: string) =>
    new AddonError('INVALID_REPORT', message, { field: 'tabName' });

  const lower = report.tabName.toLowerCase();
  if (
    RESERVED_TABS.some((name) => name.toLowerCase() === lower) ||
    lower.startsWith('~pinterest-ads')
  ) {
    throw taken(`"${report.tabName}" is the add-on's own tab. Choose another tab name.`);
  }
  const clash = listReports(store).find(
    (other) =>
      other.id !== report.id && other.tabName.toLowerCase() === report.tabName.toLowerCase(),
  );
  if (clash) {
    throw taken(
      `Another report already writes to the tab "${report.tabName}". Choose another name.`,
    );
  }
  const existing = workbook.sheetId(report.tabName);
  if (existing !== undefined && existing !== readStatus(store, report.id).sheetId) {
    throw taken(
      `This spreadsheet already has a tab named "${report.tabName}". Choose another name, or ` +
        'delete or rename that tab first: the add-on never writes over a tab it did not create.',
    );
  }
  putReport(store, report);
  return report;
}

/** Stores a definition as it is (already validated). */
export function putReport(store: KeyValueStore, report: ReportDefinition): void {
  store.set(REPORT_PREFIX + report.id, JSON.stringify(report));
}

/** Forgets a report; its tab and data stay in the spreadsheet. */
export function deleteReport(store: KeyValueStore, id: string): void {
  loadReport(store, id);
  store.delete(REPORT_PREFIX + id);
  store.delete(STATUS_PREFIX + id);
}

export function readStatus(store: KeyValueStore, id: string): ReportStatus {
  const text = store.get(STATUS_PREFIX + id);
  return text ? (JSON.parse(text) as ReportStatus) : {};
}

export function writeStatus(store: KeyValueStore, id: string, status: ReportStatus): void {
  store.set(STATUS_PREFIX + id, JSON.stringify(status));
}

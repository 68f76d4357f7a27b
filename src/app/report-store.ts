// Report definitions and their last refresh status, saved in the spreadsheet's document
// properties so every collaborator and every later session sees them.

import { AddonError } from '../core/errors';
import { validateReport, type ReportDefinition } from '../core/report/definition';
import type { KeyValueStore } from '../ports';

const REPORT_PREFIX = 'report:';
const STATUS_PREFIX = 'status:';

export interface ReportStatus {
  /** ISO instant of the last successful refresh. */
  lastSuccess?: string;
  lastAttempt?: string;
  rows?: number;
  requests?: number;
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

/** Saves a report after validating it; two reports may not write to the same tab. */
export function saveReport(store: KeyValueStore, input: unknown): ReportDefinition {
  const report = validateReport(input);
  const clash = listReports(store).find(
    (other) => other.id !== report.id && other.tabName === report.tabName,
  );
  if (clash) {
    throw new AddonError(
      'INVALID_REPORT',
      `Another report already writes to the tab "${report.tabName}". Choose another tab name.`,
      { field: 'tabName' },
    );
  }
  store.set(REPORT_PREFIX + report.id, JSON.stringify(report));
  return report;
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

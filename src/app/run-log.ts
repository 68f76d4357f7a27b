// The run log tab: one row per report per run (when, how it was started, what happened), newest
// last, kept to a bounded number of rows so it never grows without end.

import type { CellValue, SheetWrite, Workbook } from '../ports';
import { TEXT_FORMAT } from '../core/sheet/format';

export const RUN_LOG_TAB = 'Refresh log';
export const RUN_LOG_ROWS = 500;

const HEADER = [
  'Started (UTC)',
  'Finished (UTC)',
  'Run',
  'Report tab',
  'Outcome',
  'Rows in tab',
  'API requests',
  'Message',
];

export interface RunLogEntry {
  started: Date;
  finished: Date;
  run: 'manual' | 'scheduled';
  tab: string;
  outcome: 'success' | 'partial' | 'failed' | 'skipped';
  rows: number | '';
  requests: number;
  message: string;
}

const stamp = (instant: Date) => instant.toISOString().replace('T', ' ').slice(0, 19);

/** Adds entries to the log tab, dropping the oldest rows beyond the bound. */
export function appendRunLog(workbook: Workbook, entries: RunLogEntry[]): void {
  if (entries.length === 0) return;
  const existing = workbook.readSheet(RUN_LOG_TAB)?.slice(1) ?? [];
  const added: CellValue[][] = entries.map((entry) => [
    stamp(entry.started),
    stamp(entry.finished),
    entry.run,
    entry.tab,
    entry.outcome,
    entry.rows,
    entry.requests,
    entry.message,
  ]);
  const rows = [...existing, ...added].slice(-RUN_LOG_ROWS);
  const formats = HEADER.map((_, i) => (i === 5 || i === 6 ? '0' : TEXT_FORMAT));
  const write: SheetWrite = {
    header: HEADER,
    rows,
    numberFormats: rows.map(() => formats),
    frozenRows: 1,
  };
  workbook.writeSheet(RUN_LOG_TAB, write);
}

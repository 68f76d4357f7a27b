// Merges a refresh into what the tab already holds: rows dated inside the refreshed window are
// replaced by the fresh ones, rows outside it are kept, so re-pulling a day never duplicates it
// and sorting or filtering the tab by hand changes nothing (rows are matched by key, not place).

import type { CellValue } from '../../ports';
import type { Level } from '../pinterest/limits';
import { rowKey, type Table } from './shape';

const CURRENCY_COLUMN = 3;

export interface MergeInput {
  /** The tab's current content, header first, dates as YYYY-MM-DD; undefined when empty. */
  existing: CellValue[][] | undefined;
  fresh: Table;
  level: Level;
  window: { start: string; end: string };
}

/** The merged table, or the fresh one when the tab's header is not this report's. */
export function mergeTable({ existing, fresh, level, window }: MergeInput): Table {
  if (!existing || existing.length < 2) return fresh;
  const header = fresh.columns.map((column) => column.header);
  if (existing[0].length !== header.length || existing[0].some((h, i) => h !== header[i])) {
    return fresh;
  }

  const rows = new Map<string, { cells: CellValue[]; currency: string }>();
  for (const cells of existing.slice(1)) {
    const date = String(cells[0]);
    if (date >= window.start && date <= window.end) continue;
    rows.set(rowKey(cells, level), { cells, currency: String(cells[CURRENCY_COLUMN]) });
  }
  fresh.rows.forEach((cells, index) => {
    rows.set(rowKey(cells, level), { cells, currency: fresh.currencies[index] });
  });

  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    columns: fresh.columns,
    rows: sorted.map(([, row]) => row.cells),
    currencies: sorted.map(([, row]) => row.currency),
  };
}

// Turns merged analytics rows into the report's table: one row per date × ad account × entity,
// with names joined in, money divided from micro units, and ids kept as text.

import { findField, isAdditive, type Field, type Unit } from '../catalog/fields';
import { addDays, firstOfMonth } from '../dates';
import { LEVELS, type Granularity, type Level } from '../pinterest/limits';
import type { AdAccount, AnalyticsRequest, AnalyticsRow, Entity } from '../pinterest/types';
import type { CellValue } from '../../ports';
import type { ReportDefinition } from './definition';

export type ColumnKind = Unit | 'date';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** The API column behind it, for metric columns. */
  column?: string;
}

export interface Table {
  columns: TableColumn[];
  rows: CellValue[][];
  /** Each row's ad account currency, which decides how its money cells are formatted. */
  currencies: string[];
}

/** Rows keyed by account, date and entity, ready for shaping. */
export interface KeyedRow {
  adAccountId: string;
  row: AnalyticsRow;
}

const DATE_HEADERS: Record<Granularity, string> = {
  DAY: 'Date (UTC)',
  WEEK: 'Week starting (UTC)',
  MONTH: 'Month (UTC)',
  TOTAL: 'Range start (UTC)',
};

const ENTITY_WORDS: Record<Exclude<Level, 'AD_ACCOUNT'>, string> = {
  CAMPAIGN: 'Campaign',
  AD_GROUP: 'Ad group',
  AD: 'Ad',
};

/**
 * Joins the rows of requests that split one query by columns: rows with the same account, date
 * and entity become one. Pinterest leaves out rows with no delivery, so a key may appear in
 * some parts only.
 */
export function mergeRows(requests: AnalyticsRequest[], results: AnalyticsRow[][]): KeyedRow[] {
  const merged = new Map<string, KeyedRow>();
  requests.forEach((request, index) => {
    const idColumn = LEVELS[request.level].idColumn;
    for (const row of results[index]) {
      const entityId = request.level === 'AD_ACCOUNT' ? request.adAccountId : row[idColumn];
      const key = `${request.adAccountId}|${row.DATE ?? request.startDate}|${entityId}`;
      const existing = merged.get(key);
      if (existing) Object.assign(existing.row, row);
      else merged.set(key, { adAccountId: request.adAccountId, row: { ...row } });
    }
  });
  return [...merged.values()];
}

/** The last column: whether a row's numbers may still change. */
export const DATA_STATUS_HEADER = 'Data status';
export const PROVISIONAL = 'provisional';
export const FINAL = 'final';

export function tableColumns(definition: ReportDefinition): TableColumn[] {
  const columns: TableColumn[] = [
    { header: DATE_HEADERS[definition.granularity], kind: 'date' },
    { header: 'Ad account ID', kind: 'id' },
    { header: 'Ad account', kind: 'text' },
    { header: 'Currency', kind: 'text' },
  ];
  if (definition.level !== 'AD_ACCOUNT') {
    const word = ENTITY_WORDS[definition.level];
    columns.push(
      { header: `${word} ID`, kind: 'id' },
      { header: `${word} name`, kind: 'text' },
      { header: `${word} status`, kind: 'text' },
    );
  }
  const fixed = new Set(columns.map((column) => column.header));
  for (const column of definition.columns) {
    const field = findField(column) as Field;
    // A field that repeats a fixed column (Ad account ID…) keeps a header of its own.
    const header = fixed.has(field.label) ? `${field.label} (API field)` : field.label;
    columns.push({ header, kind: field.unit, column });
  }
  columns.push({ header: DATA_STATUS_HEADER, kind: 'text' });
  return columns;
}

/** Whether a row whose bucket starts on `date` may still change. */
export function dataStatus(
  date: string,
  granularity: Granularity,
  rangeEnd: string,
  provisionalFrom: string,
): string {
  return bucketEnd(date, granularity, rangeEnd) >= provisionalFrom ? PROVISIONAL : FINAL;
}

/** The last day a row's bucket covers, within the range. */
function bucketEnd(date: string, granularity: Granularity, rangeEnd: string): string {
  let end = date;
  if (granularity === 'WEEK') end = addDays(date, 6);
  if (granularity === 'MONTH') end = addDays(firstOfMonth(addDays(firstOfMonth(date), 32)), -1);
  if (granularity === 'TOTAL') end = rangeEnd;
  return end < rangeEnd ? end : rangeEnd;
}

export interface ShapeInput {
  definition: ReportDefinition;
  /** The first day of the range, the date of TOTAL rows. */
  startDate: string;
  endDate: string;
  /** Rows whose bucket reaches this date or later are marked provisional. */
  provisionalFrom: string;
  accounts: Map<string, AdAccount>;
  entities: Map<string, Entity>;
  rows: KeyedRow[];
}

export function shapeTable(input: ShapeInput): Table {
  const { definition } = input;
  const columns = tableColumns(definition);
  const idColumn = LEVELS[definition.level].idColumn;
  const shaped: { cells: CellValue[]; currency: string; sortKey: string }[] = [];

  for (const { adAccountId, row } of input.rows) {
    const account = input.accounts.get(adAccountId);
    const currency = account?.currency ?? '';
    // A week or month cut by the start of the pull is dated by its first day pulled, so the
    // part of it an earlier pull fetched keeps a row (and a key) of its own.
    const bucket = typeof row.DATE === 'string' ? row.DATE : input.startDate;
    const date = bucket < input.startDate ? input.startDate : bucket;
    const cells: CellValue[] = [date, adAccountId, account?.name ?? '', currency];
    if (definition.level !== 'AD_ACCOUNT') {
      const entityId = String(row[idColumn] ?? '');
      const entity = input.entities.get(entityId);
      cells.push(entityId, entity?.name ?? '', entity?.status ?? '');
    }
    for (const column of definition.columns) {
      cells.push(metricValue(findField(column) as Field, row[column]));
    }
    cells.push(dataStatus(bucket, definition.granularity, input.endDate, input.provisionalFrom));
    shaped.push({ cells, currency, sortKey: rowKey(cells, definition.level) });
  }

  shaped.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  return {
    columns,
    rows: shaped.map((row) => row.cells),
    currencies: shaped.map((row) => row.currency),
  };
}

/** The key that identifies a row in a tab: date, ad account and entity (when there is one). */
export function rowKey(row: CellValue[], level: Level): string {
  const account = String(row[1]).padStart(18, '0');
  return level === 'AD_ACCOUNT' ? `${row[0]}|${account}` : `${row[0]}|${account}|${row[4]}`;
}

/** A metric's cell: numbers converted by unit; absent totals are 0, absent ratios blank. */
export function metricValue(field: Field, value: unknown): CellValue {
  if (field.unit === 'id' || field.unit === 'text') {
    return value === undefined || value === null ? '' : String(value);
  }
  if (value === undefined || value === null || value === '') {
    return isAdditive(field) ? 0 : null;
  }
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return null;
  return field.unit === 'money_micro' ? number / 1_000_000 : number;
}

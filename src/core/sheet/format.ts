// Turns a report table into exactly what the Sheet receives: typed cells, and one number format
// per cell so that text stays text and money shows the decimals of its own currency.

import type { CellValue, SheetWrite } from '../../ports';
import { AddonError } from '../errors';
import type { ColumnKind, Table } from '../report/shape';

/**
 * Sheets' plain-text format: strings in such cells are stored exactly as given. Limitation: that
 * setValues keeps a string starting with `=` as text in such a cell is modelled locally and
 * still to be verified on a real deployment.
 */
export const TEXT_FORMAT = '@';

/** Currencies with no minor unit among those Pinterest accounts use (ISO 4217). */
const ZERO_DECIMAL_CURRENCIES = new Set(['JPY', 'KRW', 'CLP', 'HUF']);

/** Sheets caps one cell at 50,000 characters. */
export const MAX_CELL_CHARACTERS = 50_000;

const FORMATS: Record<Exclude<ColumnKind, 'money' | 'money_micro'>, string> = {
  date: 'yyyy-mm-dd',
  id: TEXT_FORMAT,
  text: TEXT_FORMAT,
  count: '#,##0',
  // Limitation: assumes the API sends ratios as fractions (0.0123 for 1.23 %); unverified live.
  ratio: '0.00%',
  number: '#,##0.00',
  seconds: '#,##0.0',
};

export function numberFormat(kind: ColumnKind, currency: string): string {
  if (kind === 'money' || kind === 'money_micro') {
    return ZERO_DECIMAL_CURRENCIES.has(currency) ? '#,##0' : '#,##0.00';
  }
  return FORMATS[kind];
}

/**
 * The write for a report tab. Ids and text go in as strings in plain-text cells, so Sheets never
 * turns `=…`, `+…`, `-…`, `@…`, `3/4` or an 18-digit id into a formula, a date or a number.
 * Dates go in as 'YYYY-MM-DD' text in date-formatted cells, which Sheets reads as that calendar
 * day whatever the spreadsheet's time zone.
 */
export function toSheetWrite(table: Table): SheetWrite {
  const header = table.columns.map((column) => column.header);
  const numberFormats = table.rows.map((_, index) =>
    table.columns.map((column) => numberFormat(column.kind, table.currencies[index])),
  );
  const rows = table.rows.map((row) => row.map((value, column) => cellFor(value, column, table)));
  return { header, rows, numberFormats, frozenRows: 1 };
}

function cellFor(value: CellValue, columnIndex: number, table: Table): CellValue {
  const kind = table.columns[columnIndex].kind;
  if (value === null || value === undefined) return '';
  if (kind === 'id' || kind === 'text') {
    const text = String(value);
    if (text.length > MAX_CELL_CHARACTERS) {
      throw new AddonError(
        'SHEET_LIMIT',
        `A ${table.columns[columnIndex].header} value is longer than the 50,000 characters a ` +
          'Sheets cell holds. Remove that field from the report.',
      );
    }
    return text;
  }
  return value;
}

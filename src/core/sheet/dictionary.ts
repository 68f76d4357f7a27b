// The data dictionary tab: one row per column that any report writes, so a reader (or an AI
// assistant reading the Sheet) knows what each header means and in which unit it is.

import type { CellValue, SheetWrite } from '../../ports';
import type { ColumnKind, TableColumn } from '../report/shape';
import { TEXT_FORMAT } from './format';

export const DICTIONARY_TAB = 'Data dictionary';

const UNIT_WORDS: Record<ColumnKind, string> = {
  date: 'Calendar date in UTC (Pinterest reports days in UTC)',
  id: 'Identifier, kept as text so no digit is lost',
  text: 'Text exactly as Pinterest sent it',
  count: 'Count',
  money_micro: "Amount in the row's account currency (API value in millionths, divided here)",
  money: "Amount in the row's account currency, as the API sends it",
  ratio: 'Ratio shown as a percentage',
  number: 'Decimal number',
  seconds: 'Seconds',
};

/** Builds the dictionary from the columns of every report tab (tab name → its columns). */
export function dictionaryWrite(tabs: Map<string, TableColumn[]>): SheetWrite {
  const header = ['Tab', 'Column header', 'Pinterest API column', 'Unit'];
  const rows: CellValue[][] = [];
  for (const [tab, columns] of tabs) {
    for (const column of columns) {
      rows.push([tab, column.header, column.column ?? '', UNIT_WORDS[column.kind]]);
    }
  }
  return {
    header,
    rows,
    numberFormats: rows.map(() => header.map(() => TEXT_FORMAT)),
    frozenRows: 1,
  };
}

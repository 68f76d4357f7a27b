// The Workbook port on SpreadsheetApp: a tab is replaced in one batch, after checking that the
// result fits, so that a write that cannot succeed changes nothing.

import { AddonError } from '../core/errors';
import type { CellValue, SheetWrite, Workbook } from '../ports';

/** Sheets' cap on cells across all tabs of a spreadsheet. */
const MAX_WORKBOOK_CELLS = 10_000_000;

export function spreadsheetWorkbook(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Workbook {
  return {
    sheetId: (name) => spreadsheet.getSheetByName(name)?.getSheetId(),
    sheetName: (sheetId) =>
      spreadsheet
        .getSheets()
        .find((sheet) => sheet.getSheetId() === sheetId)
        ?.getName(),
    renameSheet: (sheetId, name) =>
      spreadsheet
        .getSheets()
        .find((sheet) => sheet.getSheetId() === sheetId)
        ?.setName(name),
    writeSheet: (name, table) => writeSheet(spreadsheet, name, table),
    readSheet: (name) => readSheet(spreadsheet, name),
    readBlob: (key) => readBlob(spreadsheet, key),
    writeBlob: (key, text) => writeBlob(spreadsheet, key, text),
    deleteBlob: (key) => deleteBlob(spreadsheet, key),
  };
}

function writeSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  table: SheetWrite,
): number {
  const rows = table.rows.length + 1;
  const columns = table.header.length;
  const existing = spreadsheet.getSheetByName(name);
  checkCellLimit(spreadsheet, existing, rows, columns);

  const sheet = existing ?? spreadsheet.insertSheet(name);
  fitGrid(sheet, rows, columns);

  const header = sheet.getRange(1, 1, 1, columns);
  header.setNumberFormat('@').setValues([table.header]).setFontWeight('bold');
  if (table.rows.length) {
    const body = sheet.getRange(2, 1, table.rows.length, columns);
    body.setNumberFormats(table.numberFormats);
    body.setValues(table.rows as unknown[][]);
  }
  clearBeyond(sheet, rows, columns);
  sheet.setFrozenRows(table.frozenRows);
  return sheet.getSheetId();
}

function checkCellLimit(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  existing: GoogleAppsScript.Spreadsheet.Sheet | null,
  rows: number,
  columns: number,
): void {
  let cells = 0;
  for (const sheet of spreadsheet.getSheets()) {
    if (existing && sheet.getSheetId() === existing.getSheetId()) continue;
    cells += sheet.getMaxRows() * sheet.getMaxColumns();
  }
  const after = Math.max(rows, existing?.getMaxRows() ?? 1000);
  const wide = Math.max(columns, existing?.getMaxColumns() ?? 26);
  if (cells + after * wide > MAX_WORKBOOK_CELLS) {
    throw new AddonError(
      'SHEET_LIMIT',
      'This report would take the spreadsheet past the 10 million cells Sheets allows. ' +
        'Shorten its date range, choose fewer fields, or move it to a new spreadsheet.',
    );
  }
}

function fitGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  if (sheet.getMaxRows() < rows)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < columns) {
    sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  }
}

/** Clears what an earlier, larger write left below and to the right of the new table. */
function clearBeyond(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number) {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow > rows) sheet.getRange(rows + 1, 1, lastRow - rows, Math.max(lastColumn, 1)).clear();
  if (lastColumn > columns) {
    sheet.getRange(1, columns + 1, Math.max(lastRow, 1), lastColumn - columns).clear();
  }
}

/** Reads a tab; Sheets answers dates as Date objects, turned back into calendar dates here. */
export function readSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): CellValue[][] | undefined {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet || sheet.getLastRow() === 0) return undefined;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  return sheet
    .getDataRange()
    .getValues()
    .map((row) =>
      row.map((value: unknown) =>
        value instanceof Date
          ? Utilities.formatDate(value, zone, 'yyyy-MM-dd')
          : (value as CellValue),
      ),
    );
}

/** Sheets caps a cell at 50,000 characters: blobs are cut into pieces below that, a row each. */
const BLOB_PIECE = 45_000;
const BLOB_PREFIX = '~pinterest-ads ';

export function readBlob(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
): string | undefined {
  const sheet = spreadsheet.getSheetByName(BLOB_PREFIX + key);
  if (!sheet || sheet.getLastRow() === 0) return undefined;
  const pieces = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
  return pieces.map((row) => String(row[0])).join('');
}

export function writeBlob(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  text: string,
): void {
  const name = BLOB_PREFIX + key;
  const pieces: string[][] = [];
  for (let start = 0; start < text.length; start += BLOB_PIECE) {
    pieces.push([text.slice(start, start + BLOB_PIECE)]);
  }
  if (pieces.length === 0) pieces.push(['']);
  const sheet = spreadsheet.getSheetByName(name) ?? spreadsheet.insertSheet(name);
  sheet.hideSheet();
  sheet.clear();
  if (sheet.getMaxRows() < pieces.length) {
    sheet.insertRowsAfter(sheet.getMaxRows(), pieces.length - sheet.getMaxRows());
  }
  sheet.getRange(1, 1, pieces.length, 1).setNumberFormat('@').setValues(pieces);
}

export function deleteBlob(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, key: string) {
  const sheet = spreadsheet.getSheetByName(BLOB_PREFIX + key);
  if (sheet) spreadsheet.deleteSheet(sheet);
}

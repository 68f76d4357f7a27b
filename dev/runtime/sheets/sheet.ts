// Sheet stand-in: ranges by coordinates or A1, grid size changes within the workbook cell limit,
// frozen panes, column widths and visibility, with Google's error texts for bad coordinates.
import { parseA1, splitSheetName, type GridRef } from './a1';
import { hasContent, type SheetModel, type WorkbookModel } from './model';
import { displayValue } from './number-format';
import { Range } from './range';

const DEFAULT_COLUMN_WIDTH = 100;

export class Sheet {
  readonly #book: WorkbookModel;
  readonly #model: SheetModel;
  readonly #parent: () => unknown;

  constructor(book: WorkbookModel, model: SheetModel, parent: () => unknown) {
    this.#book = book;
    this.#model = model;
    this.#parent = parent;
  }

  /** The model behind a Sheet object, for the Spreadsheet stand-in. */
  static modelOf(sheet: Sheet): SheetModel {
    return sheet.#model;
  }

  getName(): string {
    return this.#model.name;
  }

  setName(name: unknown): Sheet {
    const text = String(name);
    this.#book.assertNameFree(text, this.#model);
    this.#model.name = text;
    return this;
  }

  getSheetId(): number {
    return this.#model.id;
  }

  getIndex(): number {
    return this.#book.sheets.indexOf(this.#model) + 1;
  }

  getParent(): unknown {
    return this.#parent();
  }

  getRange(rowOrA1: unknown, column?: unknown, numRows?: unknown, numColumns?: unknown): Range {
    const ref =
      typeof rowOrA1 === 'string'
        ? this.#fromA1(rowOrA1)
        : this.#fromNumbers(rowOrA1, column, numRows ?? 1, numColumns ?? 1);
    const model = this.#model;
    if (ref.row + ref.numRows - 1 > model.maxRows || ref.col + ref.numCols - 1 > model.maxCols) {
      this.#book.env.fail('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new Range(this.#book, model, ref, () => this);
  }

  getDataRange(): Range {
    return this.getRange(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }

  getLastRow(): number {
    return this.#model.lastRow();
  }

  getLastColumn(): number {
    return this.#model.lastColumn();
  }

  getMaxRows(): number {
    return this.#model.maxRows;
  }

  getMaxColumns(): number {
    return this.#model.maxCols;
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): Sheet {
    const after = this.#int(afterPosition);
    const count = this.#count(howMany);
    if (after < 1 || after > this.#model.maxRows) {
      this.#book.env.fail('Those rows are out of bounds.');
    }
    this.#book.reserveCells(count * this.#model.maxCols);
    this.#model.insertRows(after + 1, count);
    return this;
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): Sheet {
    const before = this.#int(beforePosition);
    const count = this.#count(howMany);
    if (before < 1 || before > this.#model.maxRows) {
      this.#book.env.fail('Those rows are out of bounds.');
    }
    this.#book.reserveCells(count * this.#model.maxCols);
    this.#model.insertRows(before, count);
    return this;
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): Sheet {
    const after = this.#int(afterPosition);
    const count = this.#count(howMany);
    if (after < 1 || after > this.#model.maxCols) {
      this.#book.env.fail('Those columns are out of bounds.');
    }
    this.#book.reserveCells(count * this.#model.maxRows);
    this.#model.insertColumns(after + 1, count);
    return this;
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): Sheet {
    const before = this.#int(beforePosition);
    const count = this.#count(howMany);
    if (before < 1 || before > this.#model.maxCols) {
      this.#book.env.fail('Those columns are out of bounds.');
    }
    this.#book.reserveCells(count * this.#model.maxRows);
    this.#model.insertColumns(before, count);
    return this;
  }

  deleteRows(rowPosition: unknown, howMany: unknown): void {
    const first = this.#int(rowPosition);
    const count = this.#count(howMany);
    const model = this.#model;
    if (first < 1 || first + count - 1 > model.maxRows) {
      this.#book.env.fail('Those rows are out of bounds.');
    }
    if (model.maxRows - count <= model.frozenRows) {
      this.#book.env.fail('Sorry, it is not possible to delete all non-frozen rows.');
    }
    model.deleteRows(first, count);
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    const first = this.#int(columnPosition);
    const count = this.#count(howMany);
    const model = this.#model;
    if (first < 1 || first + count - 1 > model.maxCols) {
      this.#book.env.fail('Those columns are out of bounds.');
    }
    if (model.maxCols - count <= model.frozenCols) {
      this.#book.env.fail('Sorry, it is not possible to delete all non-frozen columns.');
    }
    model.deleteColumns(first, count);
  }

  clear(): Sheet {
    this.#whole().clear();
    return this;
  }

  clearContents(): Sheet {
    this.#whole().clearContent();
    return this;
  }

  clearFormats(): Sheet {
    this.#whole().clear({ formatOnly: true });
    return this;
  }

  setFrozenRows(rows: unknown): void {
    const count = this.#int(rows);
    if (count < 0 || count > this.#model.maxRows) this.#book.env.fail(`Invalid argument: ${count}`);
    this.#model.frozenRows = count;
  }

  getFrozenRows(): number {
    return this.#model.frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    const count = this.#int(columns);
    if (count < 0 || count > this.#model.maxCols) this.#book.env.fail(`Invalid argument: ${count}`);
    this.#model.frozenCols = count;
  }

  getFrozenColumns(): number {
    return this.#model.frozenCols;
  }

  setColumnWidth(columnPosition: unknown, width: unknown): Sheet {
    const col = this.#column(columnPosition);
    this.#model.columnWidths.set(col, Math.max(0, Math.round(Number(width))));
    return this;
  }

  getColumnWidth(columnPosition: unknown): number {
    return this.#model.columnWidths.get(this.#column(columnPosition)) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Widths follow the longest displayed text, about 7 px per character plus padding. */
  autoResizeColumns(startColumn: unknown, numColumns: unknown): Sheet {
    const first = this.#column(startColumn);
    const count = this.#count(numColumns);
    this.#column(first + count - 1);
    for (let col = first; col < first + count; col++) {
      let longest = 0;
      for (const cells of this.#model.rows) {
        const cell = cells?.[col - 1];
        if (!cell || !hasContent(cell)) continue;
        const text = cell.formula ?? displayValue(cell.value, cell.format);
        longest = Math.max(longest, text.length);
      }
      this.#model.columnWidths.set(col, longest === 0 ? DEFAULT_COLUMN_WIDTH : longest * 7 + 12);
    }
    return this;
  }

  hideSheet(): Sheet {
    const visible = this.#book.sheets.filter((sheet) => !sheet.hidden);
    if (visible.length === 1 && visible[0] === this.#model) {
      this.#book.env.fail("You can't hide all the sheets in a document.");
    }
    this.#model.hidden = true;
    return this;
  }

  isSheetHidden(): boolean {
    return this.#model.hidden;
  }

  /**
   * Sheet protection as a record only: the runtime has one user, so a protection never
   * blocks anything; it is kept so tests can see that a tab was protected and how.
   */
  protect(): { setWarningOnly(on: boolean): unknown; isWarningOnly(): boolean } {
    const model = this.#model as { protection?: { warningOnly: boolean } };
    model.protection ??= { warningOnly: false };
    const protection = {
      setWarningOnly: (on: boolean) => {
        model.protection!.warningOnly = Boolean(on);
        return protection;
      },
      isWarningOnly: () => model.protection!.warningOnly,
    };
    return protection;
  }

  activate(): Sheet {
    this.#book.activeSheet = this.#model;
    return this;
  }

  #whole(): Range {
    const ref = { row: 1, col: 1, numRows: this.#model.maxRows, numCols: this.#model.maxCols };
    return new Range(this.#book, this.#model, ref, () => this);
  }

  #fromA1(a1: string): GridRef {
    const { sheet, range } = splitSheetName(a1);
    const ref = parseA1(range, this.#model.maxRows, this.#model.maxCols);
    if (!ref || (sheet !== null && sheet !== this.#model.name)) {
      this.#book.env.fail('Range not found');
    }
    return ref;
  }

  #fromNumbers(row: unknown, col: unknown, numRows: unknown, numCols: unknown): GridRef {
    const env = this.#book.env;
    const ref = {
      row: this.#int(row),
      col: this.#int(col),
      numRows: this.#int(numRows),
      numCols: this.#int(numCols),
    };
    if (ref.row < 1) env.fail('The starting row of the range is too small.');
    if (ref.col < 1) env.fail('The starting column of the range is too small.');
    if (ref.numRows < 1) env.fail('The number of rows in the range must be at least 1.');
    if (ref.numCols < 1) env.fail('The number of columns in the range must be at least 1.');
    return ref;
  }

  #column(value: unknown): number {
    const col = this.#int(value);
    if (col < 1 || col > this.#model.maxCols) {
      this.#book.env.fail('Those columns are out of bounds.');
    }
    return col;
  }

  #count(value: unknown): number {
    const count = value === undefined ? 1 : this.#int(value);
    if (count < 1) this.#book.env.fail(`Invalid argument: ${count}`);
    return count;
  }

  /** Coordinates and counts must be whole numbers; Apps Script rejects anything else. */
  #int(value: unknown): number {
    const n = Number(value);
    if (typeof value === 'boolean' || value === null || value === '' || !Number.isInteger(n)) {
      this.#book.env.fail(`Cannot convert '${String(value)}' to int.`);
    }
    return n;
  }
}

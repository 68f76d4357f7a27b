// Range stand-in: reads and writes a rectangle of cells with Google's dimension checks, its
// 50,000-character cell limit, typed-text parsing and per-cell number formats that outlive values.
import { toA1, type GridRef } from './a1';
import { fromScript, type Written } from './input';
import type { Cell, SheetModel, WorkbookModel } from './model';
import { displayValue, GENERAL, isDateFormat, serialToMs } from './number-format';

const CELL_CHAR_LIMIT = 50000;
const FONT_WEIGHTS = ['bold', 'normal'];
const ALIGNMENTS = ['left', 'center', 'right', 'normal', 'general', 'general-left'];

export class Range {
  readonly #book: WorkbookModel;
  readonly #sheet: SheetModel;
  readonly #ref: GridRef;
  readonly #sheetApi: () => unknown;

  constructor(book: WorkbookModel, sheet: SheetModel, ref: GridRef, sheetApi: () => unknown) {
    this.#book = book;
    this.#sheet = sheet;
    this.#ref = ref;
    this.#sheetApi = sheetApi;
  }

  getRow(): number {
    return this.#ref.row;
  }

  getColumn(): number {
    return this.#ref.col;
  }

  getNumRows(): number {
    return this.#ref.numRows;
  }

  getNumColumns(): number {
    return this.#ref.numCols;
  }

  getA1Notation(): string {
    return toA1(this.#ref);
  }

  getSheet(): unknown {
    return this.#sheetApi();
  }

  /** Formula cells read as '' because formulas are not evaluated here. */
  getValues(): unknown[][] {
    return this.#book.env.realm.copy(this.#map((cell) => readValue(cell)));
  }

  getValue(): unknown {
    return this.#book.env.realm.copy(readValue(this.#sheet.get(this.#ref.row, this.#ref.col)));
  }

  getDisplayValues(): string[][] {
    return this.#book.env.realm.copy(
      this.#map((cell) => (!cell || cell.formula ? '' : displayValue(cell.value, cell.format))),
    );
  }

  getFormulas(): string[][] {
    return this.#book.env.realm.copy(this.#map((cell) => cell?.formula ?? ''));
  }

  getNumberFormat(): string {
    return this.#sheet.get(this.#ref.row, this.#ref.col)?.format ?? GENERAL;
  }

  getNumberFormats(): string[][] {
    return this.#book.env.realm.copy(this.#map((cell) => cell?.format ?? GENERAL));
  }

  getFontWeight(): string {
    return this.#sheet.get(this.#ref.row, this.#ref.col)?.bold ? 'bold' : 'normal';
  }

  setValues(values: unknown[][]): Range {
    this.#checkGrid(values, 'values');
    const year = new Date(this.#book.env.clock.now()).getUTCFullYear();
    const written = values.map((row, r) =>
      row.map((value, c) => {
        const cell = this.#sheet.get(this.#ref.row + r, this.#ref.col + c);
        return this.#checked(fromScript(value, cell?.format, year));
      }),
    );
    this.#each((cell, r, c) => apply(cell, written[r][c]), true);
    return this;
  }

  setValue(value: unknown): Range {
    const year = new Date(this.#book.env.clock.now()).getUTCFullYear();
    this.#each((cell) => apply(cell, this.#checked(fromScript(value, cell.format, year))), true);
    return this;
  }

  setNumberFormat(numberFormat: unknown): Range {
    const format = String(numberFormat);
    this.#each((cell) => (cell.format = format), true);
    return this;
  }

  setNumberFormats(numberFormats: unknown[][]): Range {
    this.#checkGrid(numberFormats, 'numberFormats');
    this.#each((cell, r, c) => (cell.format = String(numberFormats[r][c])), true);
    return this;
  }

  setFontWeight(fontWeight: unknown): Range {
    const bold = this.#fontWeight(fontWeight);
    this.#each((cell) => (cell.bold = bold), true);
    return this;
  }

  setFontWeights(fontWeights: unknown[][]): Range {
    this.#checkGrid(fontWeights, 'fontWeights');
    const bold = fontWeights.map((row) => row.map((weight) => this.#fontWeight(weight)));
    this.#each((cell, r, c) => (cell.bold = bold[r][c]), true);
    return this;
  }

  setBackground(color: unknown): Range {
    const background = color === null || color === undefined ? undefined : String(color);
    this.#each((cell) => (cell.background = background), true);
    return this;
  }

  setHorizontalAlignment(alignment: unknown): Range {
    const align = alignment === null || alignment === undefined ? undefined : String(alignment);
    if (align !== undefined && !ALIGNMENTS.includes(align.toLowerCase())) {
      this.#book.env.fail(`Invalid argument: ${align}`);
    }
    this.#each((cell) => (cell.align = align?.toLowerCase()), true);
    return this;
  }

  setNote(note: unknown): Range {
    const text = note === null || note === undefined || note === '' ? undefined : String(note);
    this.#each((cell) => (cell.note = text), true);
    return this;
  }

  /** Contents and formats; `{contentsOnly}` / `{formatOnly}` narrow it as in Apps Script. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): Range {
    const contents = !options?.formatOnly;
    const formats = !options?.contentsOnly;
    this.#each((cell) => {
      if (contents) clearContent(cell);
      if (formats) clearFormat(cell);
    }, false);
    return this;
  }

  clearContent(): Range {
    this.#each(clearContent, false);
    return this;
  }

  #fontWeight(weight: unknown): boolean | undefined {
    if (weight === null || weight === undefined) return undefined;
    if (!FONT_WEIGHTS.includes(String(weight))) this.#book.env.fail(`Invalid argument: ${weight}`);
    return weight === 'bold' ? true : undefined;
  }

  #checked(written: Written): Written {
    const text = written.formula ?? written.value;
    if (typeof text === 'string' && text.length > CELL_CHAR_LIMIT) {
      this.#book.env.fail(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
    }
    return written;
  }

  /** Same checks and messages as Google: rows first, then every row's length. */
  #checkGrid(grid: unknown, name: string): asserts grid is unknown[][] {
    const env = this.#book.env;
    if (!Array.isArray(grid) || grid.some((row) => !Array.isArray(row))) {
      env.fail(
        `The parameters (${describe(grid)}) don't match the method signature for ` +
          `SpreadsheetApp.Range.set${name[0].toUpperCase()}${name.slice(1)}.`,
      );
    }
    const rows = grid as unknown[][];
    if (rows.length !== this.#ref.numRows) {
      env.fail(
        'The number of rows in the data does not match the number of rows in the range. ' +
          `The data has ${rows.length} but the range has ${this.#ref.numRows}.`,
      );
    }
    for (const row of rows) {
      if (row.length !== this.#ref.numCols) {
        env.fail(
          'The number of columns in the data does not match the number of columns in the ' +
            `range. The data has ${row.length} but the range has ${this.#ref.numCols}.`,
        );
      }
    }
  }

  #map<T>(read: (cell: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.#ref.numRows; r++) {
      const cells = this.#sheet.rows[this.#ref.row - 1 + r];
      const row: T[] = new Array(this.#ref.numCols);
      for (let c = 0; c < this.#ref.numCols; c++) row[c] = read(cells?.[this.#ref.col - 1 + c]);
      out.push(row);
    }
    return out;
  }

  /** Visits every cell; `create` makes cells that do not exist yet. */
  #each(visit: (cell: Cell, r: number, c: number) => void, create: boolean): void {
    for (let r = 0; r < this.#ref.numRows; r++) {
      for (let c = 0; c < this.#ref.numCols; c++) {
        const row = this.#ref.row + r;
        const col = this.#ref.col + c;
        const cell = create ? this.#sheet.ensure(row, col) : this.#sheet.get(row, col);
        if (cell) visit(cell, r, c);
      }
    }
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return `${value.length && !Array.isArray(value[0]) ? 'String' : 'Object'}[]`;
  }
  if (value === null || value === undefined) return 'null';
  return typeof value === 'object' ? 'Object' : typeof value === 'number' ? 'number' : 'String';
}

/** Numbers under a date or time format come back as Dates, as getValues does in Apps Script. */
function readValue(cell: Cell | undefined): unknown {
  if (!cell || cell.formula !== undefined) return '';
  if (typeof cell.value === 'number' && isDateFormat(cell.format)) {
    return new Date(serialToMs(cell.value));
  }
  return cell.value;
}

function apply(cell: Cell, written: Written): void {
  cell.value = written.value;
  if (written.formula !== undefined) cell.formula = written.formula;
  else delete cell.formula;
  const automatic = cell.format === undefined || cell.format === GENERAL;
  if (written.format !== undefined && automatic) cell.format = written.format;
}

function clearContent(cell: Cell): void {
  cell.value = '';
  delete cell.formula;
}

function clearFormat(cell: Cell): void {
  delete cell.format;
  delete cell.bold;
  delete cell.background;
  delete cell.align;
}

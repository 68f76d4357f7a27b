// The in-memory workbook behind the SpreadsheetApp stand-in: sheets as sparse grids of cells, the
// grid sizes Google counts against its 10-million-cell limit, and what the UI was asked to show.
import type { Env } from '../env';
import type { CellValue } from './input';

export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;
export const WORKBOOK_CELL_LIMIT = 10_000_000;

export interface Cell {
  value: CellValue;
  formula?: string;
  format?: string;
  bold?: boolean;
  background?: string;
  align?: string;
  note?: string;
}

/** True when the cell holds something getLastRow/getLastColumn count. */
export const hasContent = (cell: Cell | undefined) =>
  cell !== undefined && (cell.formula !== undefined || cell.value !== '');

/** Inserts `count` empty slots without spreading them as call arguments (counts can be large). */
function spliceIn<T>(items: T[], index: number, count: number): T[] {
  return [...items.slice(0, index), ...new Array<T>(count), ...items.slice(index)];
}

export class SheetModel {
  rows: Array<Array<Cell | undefined> | undefined> = [];
  maxRows = NEW_SHEET_ROWS;
  maxCols = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  readonly columnWidths = new Map<number, number>();

  constructor(
    public name: string,
    readonly id: number,
  ) {}

  /** 1-based lookup; undefined for never-touched cells. */
  get(row: number, col: number): Cell | undefined {
    return this.rows[row - 1]?.[col - 1];
  }

  ensure(row: number, col: number): Cell {
    const cells = (this.rows[row - 1] ??= []);
    return (cells[col - 1] ??= { value: '' });
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some(hasContent)) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length; c > last; c--) {
        if (hasContent(cells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Inserted rows and columns are blank: no values and no formats. */
  insertRows(beforeRow: number, count: number): void {
    if (this.rows.length >= beforeRow) this.rows = spliceIn(this.rows, beforeRow - 1, count);
    this.maxRows += count;
  }

  deleteRows(firstRow: number, count: number): void {
    this.rows.splice(firstRow - 1, count);
    this.maxRows -= count;
  }

  insertColumns(beforeCol: number, count: number): void {
    this.rows = this.rows.map((cells) =>
      cells && cells.length >= beforeCol ? spliceIn(cells, beforeCol - 1, count) : cells,
    );
    this.shiftWidths(beforeCol, count);
    this.maxCols += count;
  }

  deleteColumns(firstCol: number, count: number): void {
    for (const cells of this.rows) cells?.splice(firstCol - 1, count);
    for (let c = firstCol; c < firstCol + count; c++) this.columnWidths.delete(c);
    this.shiftWidths(firstCol + count, -count);
    this.maxCols -= count;
  }

  private shiftWidths(fromCol: number, delta: number): void {
    const moved = [...this.columnWidths].filter(([col]) => col >= fromCol);
    for (const [col] of moved) this.columnWidths.delete(col);
    for (const [col, width] of moved) this.columnWidths.set(col + delta, width);
  }
}

export interface MenuItem {
  caption: string;
  functionName?: string;
  separator?: boolean;
  items?: MenuItem[];
}

/** What the bundle asked the Sheets UI to show, for tests and the local runner. */
export interface UiState {
  menus: Array<{ caption: string; addon: boolean; items: MenuItem[] }>;
  sidebar: { title: string; content: string } | null;
  alerts: Array<{ title: string; prompt: string }>;
  toasts: Array<{ message: string; title: string }>;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  activeSheet: SheetModel;
  readonly ui: UiState = { menus: [], sidebar: null, alerts: [], toasts: [] };
  private nextSheetId = 1;

  constructor(
    readonly env: Env,
    readonly id: string,
    public name: string,
  ) {
    this.activeSheet = new SheetModel('Sheet1', 0);
    this.sheets.push(this.activeSheet);
  }

  /** Sheet ids after the first look like Google's: large, stable, not positional. */
  newSheetId(): number {
    const id = (this.nextSheetId * 1_103_515_245 + 12_345) % 2_147_483_647;
    this.nextSheetId += 1;
    return id;
  }

  cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxCols, 0);
  }

  /** Google refuses any change that would push the grids past 10 million cells. */
  reserveCells(extra: number): void {
    if (this.cellCount() + extra > WORKBOOK_CELL_LIMIT) {
      this.env.fail(
        'This action would increase the number of cells in the workbook above the limit of ' +
          '10000000 cells.',
      );
    }
  }

  /** Sheet names are unique regardless of case. */
  findByName(name: string, except?: SheetModel): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet !== except && sheet.name.toLowerCase() === lower);
  }

  assertNameFree(name: string, except?: SheetModel): void {
    if (this.findByName(name, except)) {
      this.env.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }
}

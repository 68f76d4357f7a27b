// Spreadsheet, Ui and SpreadsheetApp stand-ins over one in-memory workbook. FakeSpreadsheet is the
// same API for tests, plus what the UI was asked to show (menus, sidebar, alerts, toasts).
import type { Env } from '../env';
import { HtmlOutput } from '../html';
import { type MenuItem, SheetModel, type UiState, WorkbookModel } from './model';
import { Sheet } from './sheet';

export class Spreadsheet {
  readonly #book: WorkbookModel;
  readonly #sheets = new WeakMap<SheetModel, Sheet>();

  constructor(book: WorkbookModel) {
    this.#book = book;
  }

  getId(): string {
    return this.#book.id;
  }

  getName(): string {
    return this.#book.name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.#book.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return 'Etc/UTC';
  }

  getSheets(): Sheet[] {
    return this.#book.env.realm.copy(this.#book.sheets.map((model) => this.#api(model)));
  }

  /** Exact, case-sensitive match; null when there is none. */
  getSheetByName(name: unknown): Sheet | null {
    const model = this.#book.sheets.find((sheet) => sheet.name === String(name));
    return model ? this.#api(model) : null;
  }

  getActiveSheet(): Sheet {
    return this.#api(this.#book.activeSheet);
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.#book.activeSheet = this.#owned(sheet);
    return sheet;
  }

  /** insertSheet(), (name), (index) or (name, index); index is 0-based; the new sheet is active. */
  insertSheet(nameOrIndex?: unknown, index?: unknown): Sheet {
    const book = this.#book;
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.#defaultName();
    const position = typeof nameOrIndex === 'number' ? nameOrIndex : (index ?? book.sheets.length);
    if (!Number.isInteger(position) || (position as number) < 0) {
      book.env.fail(`Invalid argument: sheetIndex`);
    }
    book.assertNameFree(name);
    const model = new SheetModel(name, book.newSheetId());
    book.reserveCells(model.maxRows * model.maxCols);
    book.sheets.splice(Math.min(position as number, book.sheets.length), 0, model);
    book.activeSheet = model;
    return this.#api(model);
  }

  deleteSheet(sheet: Sheet): void {
    const book = this.#book;
    const model = this.#owned(sheet);
    if (book.sheets.length === 1) book.env.fail("You can't remove all the sheets in a document.");
    book.sheets.splice(book.sheets.indexOf(model), 1);
    if (book.activeSheet === model) book.activeSheet = book.sheets[0];
  }

  toast(msg: unknown, title?: unknown, _timeoutSeconds?: unknown): void {
    this.#book.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
    });
  }

  #defaultName(): string {
    let n = this.#book.sheets.length + 1;
    while (this.#book.findByName(`Sheet${n}`)) n += 1;
    return `Sheet${n}`;
  }

  #owned(sheet: unknown): SheetModel {
    const model = sheet instanceof Sheet ? Sheet.modelOf(sheet) : null;
    if (!model || !this.#book.sheets.includes(model)) {
      this.#book.env.fail('Invalid argument: sheet');
    }
    return model;
  }

  #api(model: SheetModel): Sheet {
    let api = this.#sheets.get(model);
    if (!api) {
      api = new Sheet(this.#book, model, () => this);
      this.#sheets.set(model, api);
    }
    return api;
  }
}

/** The workbook as tests see it: the Apps Script API plus what the UI was asked to show. */
export class FakeSpreadsheet extends Spreadsheet {
  readonly ui: UiState;
  /** Internal model, used by saveXlsx. */
  readonly model: WorkbookModel;

  constructor(book: WorkbookModel) {
    super(book);
    this.ui = book.ui;
    this.model = book;
  }

  /** Every sheet's name in tab order. */
  sheetNames(): string[] {
    return this.model.sheets.map((sheet) => sheet.name);
  }

  /** Cells counted against the 10-million-cell limit. */
  cellCount(): number {
    return this.model.cellCount();
  }
}

class Menu {
  readonly #items: MenuItem[] = [];
  readonly #onAdd: (items: MenuItem[]) => void;

  constructor(
    readonly caption: string,
    onAdd: (items: MenuItem[]) => void,
  ) {
    this.#onAdd = onAdd;
  }

  addItem(caption: unknown, functionName: unknown): Menu {
    this.#items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.#items.push({ caption: '', separator: true });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.#items.push({ caption: menu.caption, items: menu.#items.map((item) => ({ ...item })) });
    return this;
  }

  addToUi(): void {
    this.#onAdd(this.#items.map((item) => ({ ...item })));
  }
}

const Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' });
const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});

function createUi(book: WorkbookModel) {
  const addMenu = (caption: string, addon: boolean) => (items: MenuItem[]) => {
    const menus = book.ui.menus.filter((menu) => menu.caption !== caption || menu.addon !== addon);
    menus.push({ caption, addon, items });
    book.ui.menus.splice(0, book.ui.menus.length, ...menus);
  };
  return {
    Button,
    ButtonSet,
    createAddonMenu: () => new Menu('Add-on', addMenu('Add-on', true)),
    createMenu: (caption: unknown) => new Menu(String(caption), addMenu(String(caption), false)),
    showSidebar: (userInterface: unknown) => {
      if (!(userInterface instanceof HtmlOutput)) book.env.fail('Invalid argument: userInterface');
      const { title, content } = HtmlOutput.describe(userInterface);
      book.ui.sidebar = { title, content };
    },
    /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); the user agrees. */
    alert: (first: unknown, second?: unknown, third?: unknown) => {
      const titled = typeof second === 'string' && !(second in ButtonSet);
      const title = titled ? String(first) : '';
      const prompt = titled ? String(second) : String(first);
      const buttons = String((titled ? third : second) ?? ButtonSet.OK);
      book.ui.alerts.push({ title, prompt });
      return buttons.startsWith('YES') ? Button.YES : Button.OK;
    },
  };
}

export function createWorkbook(env: Env): FakeSpreadsheet {
  const id = `1LocalSpreadsheet${env.scriptId.slice(0, 20)}`;
  return new FakeSpreadsheet(new WorkbookModel(env, id, 'Untitled spreadsheet'));
}

/**
 * getActive and getActiveSpreadsheet give null in an execution without a document (a time-driven
 * run of an add-on, by default); openById reaches the one workbook there is by its id.
 */
export function createSpreadsheetApp(fake: FakeSpreadsheet) {
  const { env } = fake.model;
  const spreadsheet = new Spreadsheet(fake.model);
  const ui = createUi(fake.model);
  const active = () => (env.hasDocument ? spreadsheet : null);
  return {
    getActiveSpreadsheet: active,
    getActive: active,
    getUi: () => {
      if (env.execution?.trigger) env.fail('Cannot call SpreadsheetApp.getUi() from this context.');
      return ui;
    },
    // Limitation: the error for an unknown id is unverified.
    openById: (id: unknown) => {
      if (String(id) !== spreadsheet.getId()) {
        env.fail(
          'Unexpected error while getting the method or property openById on object ' +
            'SpreadsheetApp.',
        );
      }
      return spreadsheet;
    },
    flush: () => undefined,
  };
}

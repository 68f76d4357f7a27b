// The interfaces core needs from the outside world. src/gas/ implements them with Apps Script
// services; tests implement them in memory.

export interface HttpRequest {
  url: string;
  method: 'get' | 'post';
  headers?: Record<string, string>;
  /** Form-encoded or JSON text; GET requests carry none. */
  payload?: string;
  contentType?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** Synchronous HTTP, as UrlFetchApp offers it; failures of the network throw. */
export interface Http {
  fetch(request: HttpRequest): HttpResponse;
  /** Sends independent requests together; answers in request order. */
  fetchAll(requests: HttpRequest[]): HttpResponse[];
}

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  delete(key: string): void;
  keys(): string[];
}

export interface Clock {
  now(): Date;
  sleep(milliseconds: number): void;
  /** An instant's calendar date and hour in the spreadsheet's time zone. */
  local(instant: Date): { date: string; hour: number };
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Access to the user's Pinterest token; refresh() answers whether a new token was obtained. */
export interface TokenSource {
  accessToken(): string;
  refresh(): boolean;
}

export type CellValue = string | number | boolean | Date | null;

/** The column formats a table needs from a sheet ('@' keeps text exactly as given). */
export interface SheetWrite {
  header: string[];
  rows: CellValue[][];
  /** One Sheets number format per data cell (rows × columns). */
  numberFormats: string[][];
  frozenRows: number;
}

/** The spreadsheet, reduced to what the add-on does with it. */
export interface Workbook {
  /** The id of the tab with this name, if there is one. */
  sheetId(name: string): number | undefined;
  /** The current name of the tab with this id, if it still exists. */
  sheetName(sheetId: number): string | undefined;
  renameSheet(sheetId: number, name: string): void;
  /**
   * Replaces the whole content of a tab (creating it if needed) and answers its id. Limits are
   * checked before anything changes, so a write that cannot fit leaves the tab as it was.
   */
  writeSheet(name: string, table: SheetWrite): number;
  /** A tab's values, header first, dates as YYYY-MM-DD; undefined when there is no such tab. */
  readSheet(name: string): CellValue[][] | undefined;
  /** Work in progress kept with the spreadsheet (in hidden tabs), too large for properties. */
  readBlob(key: string): string | undefined;
  writeBlob(key: string, text: string): void;
  deleteBlob(key: string): void;
}

/** A lock shared by every execution working on this spreadsheet. */
export interface Lock {
  tryLock(milliseconds: number): boolean;
  release(): void;
}

export type Schedule = { mode: 'hourly' } | { mode: 'daily'; hour: number };

/** The one time-driven trigger this user may have in this spreadsheet. */
export interface Scheduler {
  current(): Schedule | undefined;
  /**
   * Replaces any existing trigger. The trigger always fires hourly (the most an add-on may):
   * daily reports wait for their hour, and work left over continues within the hour.
   */
  install(schedule: Schedule): void;
  remove(): void;
}

/** Mail to the user the add-on runs as. */
export interface Mailer {
  send(subject: string, body: string): void;
}

/** The user's Pinterest authorization, as the OAuth2 library keeps it. */
export interface PinterestAuth {
  /** Whether a usable token exists (refreshing an expired one if possible). */
  isConnected(): boolean;
  /** The link that starts the consent flow; made fresh because its state token expires. */
  authorizationUrl(): string;
  /** Completes the flow from the callback request; false when the user declined. */
  handleCallback(request: object): boolean;
  disconnect(): void;
  /** Why the last refresh or exchange failed, if it did. */
  lastError(): string | undefined;
  tokens: TokenSource;
}

// A local Apps Script runtime: runs the built bundle (dist/Code.js) in a fresh Node vm context per
// execution, as Google evaluates the script anew each time, with in-memory service stand-ins.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createCacheService } from './cache';
import { fromHost, toHost } from './copy';
import { guardService } from './deadline';
import { Clock, Env, EXECUTION_LIMIT_MS } from './env';
import { describeFailure, Executor, type ExecutionKind } from './execution';
import { createHtmlService, HtmlOutput } from './html';
import { createLockService, type LockScope } from './lock';
import { MailService, type SentMail } from './mail';
import { createOAuth2 } from './oauth2';
import { createPropertiesService } from './properties';
import {
  createConsole,
  createLogger,
  createScriptApp,
  createSession,
  type StateTokenEntry,
} from './script-app';
import { createSpreadsheetApp, createWorkbook, FakeSpreadsheet } from './sheets/spreadsheet';
import { writeXlsx } from './sheets/xlsx';
import { SyncHttp } from './sync-http';
import { TriggerScheduler, type TriggerRun } from './trigger-runs';
import type { Recurrence } from './trigger-schedule';
import { TriggerStore } from './triggers';
import { type FetchStats, UrlFetchService } from './urlfetch';
import { createUtilities } from './utilities';

export { FakeSpreadsheet };
export type { LockScope, SentMail, TriggerRun };

export interface RuntimeOptions {
  bundlePath: string;
  /** YYYY-MM-DD: the clock starts at that date 12:00:00 UTC, then moves with real time + sleeps. */
  today?: string;
  scriptProperties?: Record<string, string>;
  userProperties?: Record<string, string>;
  userEmail?: string;
  scriptId?: string;
  urlFetchDailyQuota?: number;
  /**
   * Where the OAuth redirect comes back. Google's is script.google.com/macros/d/<id>/usercallback;
   * the local playground serves /usercallback itself and passes its own address here.
   */
  userCallbackUrl?: string;
  /**
   * Runs as a published editor add-on (default true): at most one time-driven trigger per user
   * and document, none more often than hourly. False: a script's own rules.
   */
  addOn?: boolean;
  /**
   * Whether a time-driven run sees the document (getActiveSpreadsheet, document properties,
   * cache and lock). Default: false for an add-on, true otherwise.
   * Limitation: unverified for add-ons on Google; false is the stricter assumption.
   */
  documentInTimeTriggers?: boolean;
  /** Longest execution on the runtime clock; default 6 minutes. */
  executionLimitMs?: number;
  /** How far each UrlFetchApp request moves the runtime clock; default 0. */
  fetchLatencyMs?: number;
  /**
   * A header in which every UrlFetchApp request carries the runtime clock (epoch ms), for a
   * local server whose rate limits must count in simulated time; none by default.
   */
  clockHeader?: string;
  /** MailApp recipients per day; default 100 (consumer accounts). */
  mailDailyQuota?: number;
  /** Total runtime of trigger executions per day; default 90 minutes (consumer accounts). */
  triggerRuntimeDailyMs?: number;
}

/** The runtime clock as tests drive it. It keeps moving with real time between calls. */
export interface RuntimeClock {
  now(): Date;
  /** Moves the clock forward by `ms` without waiting. */
  advance(ms: number): void;
  /** Jumps to an instant (a Date, an ISO string or epoch ms); time keeps running from there. */
  setNow(date: Date | string | number): void;
}

/** A trigger as the runtime keeps it, for assertions. */
export interface TriggerInfo {
  uid: string;
  functionName: string;
  /** Null once a one-off trigger has fired (it stays listed until deleted, as on Google). */
  nextRunAt: Date | null;
  timeZone: string;
  recurrence: Recurrence;
}

export interface Runtime {
  /** One execution of a top-level function; arguments and result copied as google.script.run. */
  call<T = unknown>(functionName: string, ...args: unknown[]): T;
  /** Google's /usercallback: resolves the state token and returns the HtmlOutput's content. */
  handleUserCallback(parameters: Record<string, string>): string;
  /** The in-memory workbook: the Spreadsheet API plus what the UI was asked to show. */
  spreadsheet: FakeSpreadsheet;
  stats: {
    urlFetchCalls: number;
    requests: Array<{ method: string; url: string; status: number }>;
  };
  saveXlsx(path: string): Promise<void>;
  properties: {
    script: Map<string, string>;
    user: Map<string, string>;
    document: Map<string, string>;
  };
  /** Logger.log and console output of the bundle. */
  logs: string[];
  /** The runtime clock: what `new Date()` returns inside executions. */
  clock: RuntimeClock;
  /**
   * Runs each time-driven trigger that is due, each as its own execution with Google's event
   * object. A handler's error is recorded in its run, not thrown.
   */
  fireDueTriggers(): TriggerRun[];
  /** Moves the clock to each fire time up to `date`, running the triggers as they come due. */
  runUntil(date: Date | string | number): TriggerRun[];
  /** Every trigger of the project with its next fire time. */
  listTriggers(): TriggerInfo[];
  /** Mail sent through MailApp (recorded, never delivered). */
  mails: SentMail[];
  /**
   * Makes the lock of a scope held by "another execution" until the returned function is called:
   * waitLock and tryLock on it then wait out their timeout on the clock and fail.
   */
  holdLock(scope: LockScope): () => void;
  /** Stops the HTTP worker thread. */
  dispose(): void;
}

// Limitation: authorization modes are not enforced (an onOpen in AuthMode.NONE may still use
// services here) and simple triggers get the same 6 minutes as other executions, not 30 s.
const DEFAULT_SCRIPT_ID = '1LocalRuntimeScriptId0000000000000000000000000000000000000';
const DEFAULT_USER = 'analyst@example.com';
const INVALID_STATE = 'The state token is invalid or has expired. Please try again.';
const DEFAULT_TRIGGER_RUNTIME_MS = 90 * 60 * 1000;

/** A Date, an ISO string or epoch milliseconds, as epoch milliseconds. */
function instant(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (!Number.isFinite(ms)) throw new Error(`Not a date: ${String(value)}`);
  return ms;
}

export function createRuntime(options: RuntimeOptions): Runtime {
  const bundlePath = path.resolve(options.bundlePath);
  const script = new vm.Script(fs.readFileSync(bundlePath, 'utf8'), { filename: bundlePath });
  const addOn = options.addOn ?? true;
  const env = new Env(
    new Clock(options.today),
    options.userEmail ?? DEFAULT_USER,
    options.scriptId ?? DEFAULT_SCRIPT_ID,
    path.dirname(bundlePath),
    options.executionLimitMs ?? EXECUTION_LIMIT_MS,
  );
  const properties = {
    script: new Map(Object.entries(options.scriptProperties ?? {})),
    user: new Map(Object.entries(options.userProperties ?? {})),
    document: new Map<string, string>(),
  };
  const stats: FetchStats = { urlFetchCalls: 0, requests: [] };
  const http = new SyncHttp();
  const stateTokens = new Map<string, StateTokenEntry>();
  const spreadsheet = createWorkbook(env);
  const mails: SentMail[] = [];
  const triggers = new TriggerStore(env, addOn, () =>
    env.hasDocument ? spreadsheet.getId() : null,
  );

  // Services keep their state for the runtime's life; only the globals object is per execution.
  const urlFetch = new UrlFetchService(
    env,
    http,
    stats,
    options.urlFetchDailyQuota ?? 20000,
    options.fetchLatencyMs ?? 0,
    options.clockHeader,
  );
  const scriptApp = createScriptApp(env, stateTokens, triggers, () =>
    env.hasDocument ? spreadsheet.getId() : null,
  );
  const locks = createLockService(env);
  const services: Record<string, unknown> = {
    UrlFetchApp: urlFetch,
    PropertiesService: createPropertiesService(env, properties),
    CacheService: createCacheService(env),
    LockService: locks.service,
    Utilities: createUtilities(env),
    Session: createSession(env),
    ScriptApp: scriptApp,
    HtmlService: createHtmlService(env),
    SpreadsheetApp: createSpreadsheetApp(spreadsheet),
    MailApp: new MailService(env, mails, options.mailDailyQuota ?? 100),
    Logger: createLogger(env),
  };
  for (const service of Object.values(services)) guardService(service);

  const executor = new Executor(env, script, () => ({
    ...services,
    console: createConsole(env),
    OAuth2: createOAuth2({
      env,
      urlFetch,
      newStateToken: () => scriptApp.newStateToken(),
      userCallbackUrl: options.userCallbackUrl,
    }),
  }));
  const execute = (name: string, args: unknown[], kind?: ExecutionKind) =>
    executor.execute(name, args, kind);

  const triggerKind = { trigger: true, document: options.documentInTimeTriggers ?? !addOn };
  const scheduler = new TriggerScheduler(
    triggers,
    env.clock,
    options.triggerRuntimeDailyMs ?? DEFAULT_TRIGGER_RUNTIME_MS,
    (name, event) => {
      try {
        execute(name, [event], triggerKind);
        return undefined;
      } catch (error) {
        return describeFailure(error);
      }
    },
  );
  const idle = (what: string) => {
    if (env.execution) throw new Error(`${what} cannot be called during an execution`);
  };

  return {
    call<T>(functionName: string, ...args: unknown[]): T {
      return toHost(execute(functionName, fromHost(args) as unknown[])) as T;
    },

    handleUserCallback(parameters: Record<string, string>): string {
      const entry = stateTokens.get(parameters.state);
      if (!entry || entry.expiresAt <= env.clock.now() || !entry.method) {
        throw new Error(INVALID_STATE);
      }
      const parameter = { ...parameters, ...entry.args };
      const event = {
        parameter,
        parameters: Object.fromEntries(Object.entries(parameter).map(([k, v]) => [k, [v]])),
        queryString: new URLSearchParams(parameters).toString(),
        contextPath: '',
        contentLength: -1,
      };
      const output = execute(entry.method, [event]);
      if (!(output instanceof HtmlOutput)) {
        throw new Error('The script completed but did not return anything.');
      }
      return output.getContent();
    },

    clock: {
      now: () => new Date(env.clock.now()),
      advance(ms: number) {
        idle('clock.advance');
        if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance: bad duration ${ms}`);
        env.clock.advance(ms);
      },
      setNow(date: Date | string | number) {
        idle('clock.setNow');
        env.clock.setNow(instant(date));
      },
    },
    fireDueTriggers() {
      idle('fireDueTriggers');
      return scheduler.fireDue();
    },
    runUntil(date: Date | string | number) {
      idle('runUntil');
      return scheduler.runUntil(instant(date));
    },
    listTriggers: () =>
      triggers.records.map((record) => ({
        uid: record.uid,
        functionName: record.handler,
        nextRunAt: record.nextAt === null ? null : new Date(record.nextAt),
        timeZone: record.schedule.timeZone,
        recurrence: { ...record.schedule.recurrence },
      })),
    mails,
    holdLock: (scope: LockScope) => locks.hold(scope),
    spreadsheet,
    stats,
    properties,
    logs: env.logs,
    saveXlsx: (target: string) => writeXlsx(spreadsheet.model, target),
    dispose: () => http.close(),
  };
}

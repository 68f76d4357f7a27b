// A local Apps Script runtime: runs the built bundle (dist/Code.js) in a fresh Node vm context per
// execution, as Google evaluates the script anew each time, with in-memory service stand-ins.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { createCacheService } from './cache';
import { fromHost, toHost, toHostError } from './copy';
import { Clock, Env } from './env';
import { createHtmlService, HtmlOutput } from './html';
import { createLockService } from './lock';
import { createOAuth2 } from './oauth2';
import { createPropertiesService } from './properties';
import { createExecutionContext } from './realm';
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
import { type FetchStats, UrlFetchService } from './urlfetch';
import { createUtilities } from './utilities';

export { FakeSpreadsheet };

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
  /** Stops the HTTP worker thread. */
  dispose(): void;
}

// Limitation: authorization modes are not enforced (an onOpen in AuthMode.NONE may still use
// services here) and simple triggers get the same 6 minutes as other executions, not 30 s.
const DEFAULT_SCRIPT_ID = '1LocalRuntimeScriptId0000000000000000000000000000000000000';
const DEFAULT_USER = 'analyst@example.com';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const INVALID_STATE = 'The state token is invalid or has expired. Please try again.';

export function createRuntime(options: RuntimeOptions): Runtime {
  const bundlePath = path.resolve(options.bundlePath);
  const script = new vm.Script(fs.readFileSync(bundlePath, 'utf8'), { filename: bundlePath });
  const env = new Env(
    new Clock(options.today),
    options.userEmail ?? DEFAULT_USER,
    options.scriptId ?? DEFAULT_SCRIPT_ID,
    path.dirname(bundlePath),
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

  // Services keep their state for the runtime's life; only the globals object is per execution.
  const urlFetch = new UrlFetchService(env, http, stats, options.urlFetchDailyQuota ?? 20000);
  const scriptApp = createScriptApp(env, stateTokens);
  const services = {
    UrlFetchApp: urlFetch,
    PropertiesService: createPropertiesService(env, properties),
    CacheService: createCacheService(env),
    LockService: createLockService(env),
    Utilities: createUtilities(env),
    Session: createSession(env),
    ScriptApp: scriptApp,
    HtmlService: createHtmlService(env),
    SpreadsheetApp: createSpreadsheetApp(spreadsheet),
    Logger: createLogger(env),
  };

  /** One execution: new context, bundle evaluated, function run, locks released at the end. */
  function execute(functionName: string, args: unknown[]): unknown {
    if (env.execution) throw new Error('An execution is already running in this runtime');
    if (!IDENTIFIER.test(functionName)) {
      throw new Error(`Script function not found: ${functionName}`);
    }
    const { context, realm } = createExecutionContext(() => env.clock.now());
    const execution = {
      context,
      realm,
      startedAt: env.clock.now(),
      releaseAtEnd: new Set<{ releaseLock(): void }>(),
      timedOut: false,
    };
    Object.assign(context, services, {
      console: createConsole(env),
      OAuth2: createOAuth2({
        env,
        urlFetch,
        newStateToken: () => scriptApp.newStateToken(),
        userCallbackUrl: options.userCallbackUrl,
      }),
    });
    env.execution = execution;
    try {
      script.runInContext(context);
      const fn = vm.runInContext(
        `typeof ${functionName} === 'function' ? ${functionName} : undefined`,
        context,
      ) as ((...a: unknown[]) => unknown) | undefined;
      if (!fn) throw new Error(`Script function not found: ${functionName}`);
      const result = fn(...(realm.copy(args) as unknown[]));
      if (execution.timedOut) throw new Error('Exceeded maximum execution time');
      return result;
    } catch (error) {
      if (execution.timedOut) throw new Error('Exceeded maximum execution time');
      throw toHostError(error);
    } finally {
      for (const lock of execution.releaseAtEnd) lock.releaseLock();
      env.execution = null;
    }
  }

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

    spreadsheet,
    stats,
    properties,
    logs: env.logs,
    saveXlsx: (target: string) => writeXlsx(spreadsheet.model, target),
    dispose: () => http.close(),
  };
}

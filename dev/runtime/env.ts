// Per-runtime state every stand-in shares: the clock, the log, quotas and the running execution.
// Stand-ins throw through `fail` so the bundle sees errors of its own realm named 'Exception'.
import type * as vm from 'node:vm';

/** Creates values that belong to the JavaScript realm the bundle runs in. */
export interface Realm {
  /** Deep-copies host arrays, plain objects and dates into the realm; other values pass through. */
  copy<T>(value: T): T;
  exception(message: string): Error;
  /** A plain Error, as thrown by script code such as the OAuth2 library. */
  error(message: string): Error;
  date(ms: number): Date;
}

const hostRealm: Realm = {
  copy: (value) => value,
  exception: (message) => {
    const error = new Error(message);
    error.name = 'Exception';
    return error;
  },
  error: (message) => new Error(message),
  date: (ms) => new Date(ms),
};

/** Wall time of one Apps Script execution before Google stops it. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;

/** Starts at `today` 12:00 UTC (or the real time) and moves with real time plus skipped time. */
export class Clock {
  private readonly base: number;
  private readonly realStart = performance.now();
  private skipped = 0;

  constructor(today?: string) {
    if (today === undefined) {
      this.base = Date.now();
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T12:00:00Z`))) {
      throw new Error(`today must be YYYY-MM-DD, got ${today}`);
    }
    this.base = Date.parse(`${today}T12:00:00Z`);
  }

  /** Whole milliseconds, as Date.now() gives them. */
  now(): number {
    return Math.floor(this.#exact());
  }

  /** Moves the clock forward without waiting (sleep, lock timeouts, fetch latency). */
  advance(ms: number): void {
    this.skipped += Math.max(0, ms);
  }

  /** Jumps to an instant; real time keeps running from there, and later advances add to it. */
  setNow(ms: number): void {
    this.skipped += ms - this.#exact();
  }

  #exact(): number {
    return this.base + (performance.now() - this.realStart) + this.skipped;
  }
}

/** What one execution owns: its realm and vm context, the locks it holds, its start time. */
export interface Execution {
  context: vm.Context;
  realm: Realm;
  startedAt: number;
  releaseAtEnd: Set<{ releaseLock(): void }>;
  timedOut: boolean;
  /** A time-driven trigger run: no UI, and perhaps no active document. */
  trigger?: boolean;
  /** False when the execution has no active document (getActiveSpreadsheet() is null). */
  document?: boolean;
}

export class Env {
  readonly logs: string[] = [];
  execution: Execution | null = null;

  constructor(
    readonly clock: Clock,
    readonly userEmail: string,
    readonly scriptId: string,
    readonly bundleDir: string,
    readonly executionLimitMs = EXECUTION_LIMIT_MS,
  ) {}

  /** False only inside an execution that runs without a document (see Execution.document). */
  get hasDocument(): boolean {
    return this.execution?.document !== false;
  }

  get realm(): Realm {
    return this.execution?.realm ?? hostRealm;
  }

  /** Throws an Apps Script style exception ('Exception: <message>' when printed). */
  fail(message: string): never {
    throw this.realm.exception(message);
  }

  /**
   * Google stops an execution after six minutes (executionLimitMs here). Every service call runs
   * this check (see deadline.ts); once it has failed it fails again at each later call, so a
   * script that catches the error still cannot get any more work done.
   */
  checkDeadline(): void {
    const execution = this.execution;
    if (!execution) return;
    if (execution.timedOut || this.clock.now() - execution.startedAt > this.executionLimitMs) {
      execution.timedOut = true;
      this.fail('Exceeded maximum execution time');
    }
  }
}

/**
 * An error of the Apps Script platform itself rather than of a service or the script, such as
 * `Exceeded maximum execution time`; Google's logs print its message without a name.
 */
export class PlatformError extends Error {}

/** True for Date objects of any realm. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** UTF-8 size in bytes, the unit of the Properties and Cache limits. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// One Apps Script execution: a fresh vm context, the bundle evaluated in it, one top-level function
// run, and Google's time limit enforced on the way.
//
// The limit is enforced three ways: every service call checks the runtime clock first
// (deadline.ts), so once time is up the next call throws `Exceeded maximum execution time` and so
// does every call after it, even when the script catches the error; an execution that comes back
// after its time ran out fails with that error whatever it returned; and a script that loops
// without calling any service is stopped by the vm after the limit in real time.
import * as vm from 'node:vm';
import { toHostError } from './copy';
import { setDeadlineCheck } from './deadline';
import { PlatformError, type Env, type Execution } from './env';
import { createExecutionContext } from './realm';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';
const ENTRY = '__localRuntimeEntry';
// Runs the entry point inside runInContext, so the vm's timeout covers the script's own work.
const INVOKE = new vm.Script(
  `(function () { var f = globalThis.${ENTRY}; delete globalThis.${ENTRY}; return f(); })()`,
);

export interface ExecutionKind {
  /** A time-driven trigger run: no UI. */
  trigger?: boolean;
  /** False for an execution without an active document. */
  document?: boolean;
}

/** The globals of one execution: the shared services plus those made anew each time. */
export type GlobalsFactory = () => Record<string, unknown>;

export class Executor {
  constructor(
    private readonly env: Env,
    private readonly script: vm.Script,
    private readonly globals: GlobalsFactory,
  ) {}

  /** Runs `functionName(...args)` as one execution; args are host values, copied into the realm. */
  execute(functionName: string, args: unknown[], kind: ExecutionKind = {}): unknown {
    const { env } = this;
    if (env.execution) throw new Error('An execution is already running in this runtime');
    if (!IDENTIFIER.test(functionName)) {
      throw new PlatformError(`Script function not found: ${functionName}`);
    }
    const { context, realm } = createExecutionContext(() => env.clock.now());
    const execution: Execution = {
      context,
      realm,
      startedAt: env.clock.now(),
      releaseAtEnd: new Set(),
      timedOut: false,
      trigger: kind.trigger ?? false,
      document: kind.document ?? true,
    };
    Object.assign(context, this.globals());
    env.execution = execution;
    setDeadlineCheck(() => env.checkDeadline());
    try {
      this.script.runInContext(context, { timeout: this.#remainingMs(execution) });
      const fn = vm.runInContext(
        `typeof ${functionName} === 'function' ? ${functionName} : undefined`,
        context,
      ) as ((...a: unknown[]) => unknown) | undefined;
      if (!fn) throw new PlatformError(`Script function not found: ${functionName}`);
      const copied = realm.copy(args) as unknown[];
      Object.defineProperty(context, ENTRY, {
        value: () => fn(...copied),
        configurable: true,
        writable: true,
      });
      const result = INVOKE.runInContext(context, { timeout: this.#remainingMs(execution) });
      if (this.#outOfTime(execution)) throw new PlatformError(TIME_LIMIT_MESSAGE);
      return result;
    } catch (error) {
      if (error instanceof PlatformError) throw error;
      if (this.#outOfTime(execution) || isVmTimeout(error)) {
        throw new PlatformError(TIME_LIMIT_MESSAGE);
      }
      throw toHostError(error);
    } finally {
      // Releasing locks is the platform's work, not a service call: no deadline check.
      setDeadlineCheck(null);
      for (const lock of execution.releaseAtEnd) lock.releaseLock();
      env.execution = null;
    }
  }

  #outOfTime(execution: Execution): boolean {
    return (
      execution.timedOut || this.env.clock.now() - execution.startedAt > this.env.executionLimitMs
    );
  }

  /** Real time left; the clock never runs slower than real time, so this never stops early. */
  #remainingMs(execution: Execution): number {
    const used = this.env.clock.now() - execution.startedAt;
    return Math.max(1, Math.ceil(this.env.executionLimitMs - used));
  }
}

function isVmTimeout(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** How Google's execution log shows a failed run: `Exception: ...`, `TypeError: ...`. */
export function describeFailure(error: unknown): string {
  if (error instanceof PlatformError) return error.message;
  const host = toHostError(error);
  return `${host.name}: ${host.message}`;
}

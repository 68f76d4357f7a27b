// LockService stand-in. Locks outlive executions: a lock taken by one Lock object holds off every
// other Lock object of its scope until it is released or its execution ends.
import type { Env } from './env';

/** Who holds one scope's lock (script, user or document): a Lock, or another execution. */
interface LockSlot {
  holder: Lock | typeof ANOTHER_EXECUTION | null;
}

export type LockScope = 'script' | 'user' | 'document';

/** Stands for an execution the test pretends is running elsewhere (Runtime.holdLock). */
const ANOTHER_EXECUTION = Symbol('another execution');

const TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

export class Lock {
  readonly #env: Env;
  readonly #slot: LockSlot;

  constructor(env: Env, slot: LockSlot) {
    this.#env = env;
    this.#slot = slot;
  }

  /**
   * Executions here run one at a time, so a lock held by another Lock cannot be released while
   * this one waits: the wait is skipped on the clock and the attempt fails, as it would on Google
   * after the same time.
   */
  tryLock(timeoutInMillis: number): boolean {
    const timeout = this.#timeout(timeoutInMillis);
    if (this.#slot.holder === this) return true;
    if (this.#slot.holder === null) {
      this.#slot.holder = this;
      this.#env.execution?.releaseAtEnd.add(this);
      return true;
    }
    this.#env.clock.advance(timeout);
    this.#env.checkDeadline();
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) this.#env.fail(TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    if (this.#slot.holder === this) this.#slot.holder = null;
  }

  hasLock(): boolean {
    return this.#slot.holder === this;
  }

  #timeout(value: unknown): number {
    const ms = Number(value);
    if (!Number.isFinite(ms) || ms < 0) this.#env.fail('Invalid argument: timeoutInMillis');
    return ms;
  }
}

/**
 * The service, and `hold`, which lets a test make a scope's lock busy as if another execution
 * held it, until the returned function releases it.
 */
export function createLockService(env: Env) {
  const slots: Record<LockScope, LockSlot> = {
    script: { holder: null },
    user: { holder: null },
    document: { holder: null },
  };
  const service = {
    getScriptLock: () => new Lock(env, slots.script),
    getUserLock: () => new Lock(env, slots.user),
    /** Null in an execution without a document, as Google documents. */
    getDocumentLock: () => (env.hasDocument ? new Lock(env, slots.document) : null),
  };
  const hold = (scope: LockScope): (() => void) => {
    const slot = slots[scope];
    if (!slot) throw new Error(`holdLock: unknown scope ${String(scope)}`);
    if (env.execution) throw new Error('holdLock: call it between executions');
    if (slot.holder !== null) throw new Error(`holdLock: the ${scope} lock is already held`);
    slot.holder = ANOTHER_EXECUTION;
    return () => {
      if (slot.holder === ANOTHER_EXECUTION) slot.holder = null;
    };
  };
  return { service, hold };
}

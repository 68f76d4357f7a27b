// Fires time-driven triggers on the runtime clock, each run its own execution as Google's scheduler
// starts them, and keeps the daily quota on the total runtime of trigger executions.
import type { Clock } from './env';
import { nextFire, timeDrivenEvent } from './trigger-schedule';
import type { TriggerRecord, TriggerStore } from './triggers';

/** One trigger execution, as the project's execution log would list it. */
export interface TriggerRun {
  uid: string;
  functionName: string;
  startedAt: Date;
  endedAt: Date;
  /** What the execution log shows for a failed run, e.g. `Exception: Request failed ...`. */
  error?: string;
}

/** Runs a handler as one execution; returns the failure as Google prints it, or undefined. */
export type RunHandler = (
  functionName: string,
  event: Record<string, unknown>,
) => string | undefined;

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_STEPS = 100000;
/** Google's text when the daily total of trigger runtime is used up (quotas guide). */
export const TRIGGER_RUNTIME_MESSAGE = 'Service using too much computer time for one day';

export class TriggerScheduler {
  #windowStart: number | null = null;
  #usedMs = 0;

  constructor(
    private readonly store: TriggerStore,
    private readonly clock: Clock,
    private readonly dailyRuntimeMs: number,
    private readonly runHandler: RunHandler,
  ) {}

  /**
   * Runs every trigger whose fire time has come, earliest first. The next fire time is set
   * before the handler runs, so a handler may delete or replace its own trigger.
   */
  fireDue(): TriggerRun[] {
    const runs: TriggerRun[] = [];
    for (const record of this.store.due(this.clock.now())) {
      // An earlier run in this round may have deleted it.
      if (!this.store.records.includes(record) || record.nextAt === null) continue;
      const startedAt = this.clock.now();
      record.nextAt = nextFire(record.schedule, record.nextAt, startedAt);
      runs.push(this.#run(record, startedAt));
    }
    return runs;
  }

  /** Moves the clock from one fire time to the next up to `target`, running what comes due. */
  runUntil(target: number): TriggerRun[] {
    const runs: TriggerRun[] = [];
    for (let step = 0; step < MAX_STEPS; step++) {
      const next = this.store.nextDue();
      if (next === null || next > target) break;
      if (next > this.clock.now()) this.clock.setNow(next);
      runs.push(...this.fireDue());
    }
    if (this.clock.now() < target) this.clock.setNow(target);
    return runs;
  }

  #run(record: TriggerRecord, startedAt: number): TriggerRun {
    const run = { uid: record.uid, functionName: record.handler, startedAt: new Date(startedAt) };
    if (this.#quotaUsedUp(startedAt)) {
      // Limitation: Google may also stop a run that crosses the quota; here it only refuses
      // to start the next one.
      return { ...run, endedAt: new Date(startedAt), error: TRIGGER_RUNTIME_MESSAGE };
    }
    const event = timeDrivenEvent(record.uid, startedAt, record.schedule.timeZone);
    const error = this.runHandler(record.handler, event);
    const endedAt = this.clock.now();
    this.#usedMs += endedAt - startedAt;
    return error === undefined
      ? { ...run, endedAt: new Date(endedAt) }
      : { ...run, endedAt: new Date(endedAt), error };
  }

  /** The allowance restarts 24 hours after the first trigger run of the current window. */
  #quotaUsedUp(now: number): boolean {
    if (this.#windowStart === null || now - this.#windowStart >= DAY_MS) {
      this.#windowStart = now;
      this.#usedMs = 0;
    }
    return this.#usedMs >= this.dailyRuntimeMs;
  }
}

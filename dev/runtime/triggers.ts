// Time-driven triggers as the runtime keeps them across executions: Trigger objects, the ScriptApp
// enums, and the store that enforces Google's limits (20 per user per script; for an add-on, one
// per user per document). The builders are in clock-trigger-builder.ts.
import * as crypto from 'node:crypto';
import type { Env } from './env';
import { firstFire, type Schedule } from './trigger-schedule';

export const EventType = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
});
export const TriggerSource = Object.freeze({
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
});
export const WEEK_DAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];
export const WeekDay = Object.freeze(Object.fromEntries(WEEK_DAYS.map((day) => [day, day])));

const MAX_TRIGGERS_PER_USER = 20;
export const SCRIPT_TIME_ZONE = 'Etc/UTC';

/** Error texts: the first two are Google's, as its errors print them; the rest are chosen. */
export const TRIGGER_MESSAGES = {
  perDocument:
    'This add-on has created too many time-based triggers in this document for this Google ' +
    'user account.',
  perScript:
    'This script has too many triggers. Triggers must be deleted from the script before more ' +
    'can be added.',
  // Limitation: Google's wording for the errors below is unverified.
  addOnFrequency: 'Add-ons may only create time-based triggers that run at most once per hour.',
  noSchedule: 'Invalid trigger: call everyHours, everyDays, everyWeeks, after or at before create.',
  twoSchedules:
    'Invalid trigger: choose only one of everyMinutes, everyHours, everyDays, ' +
    'everyWeeks, after and at.',
  atHourNeedsDays: 'Invalid trigger: atHour and onWeekDay need everyDays or everyWeeks.',
  nearMinuteNeedsPeriod: 'Invalid trigger: nearMinute needs everyHours, everyDays or everyWeeks.',
};

/** One trigger as the runtime keeps it. */
export interface TriggerRecord {
  readonly uid: string;
  readonly handler: string;
  readonly user: string;
  /** The document an add-on trigger belongs to; null for a script's own triggers. */
  readonly documentId: string | null;
  readonly schedule: Schedule;
  readonly createdAt: number;
  /** Null once a one-off trigger has fired: Google keeps listing it until it is deleted. */
  nextAt: number | null;
}

/** Minute (and, without atHour, hour) Google would pick at random, fixed per trigger here. */
export interface Fuzz {
  minute: number;
  hour: number;
}

export class TriggerStore {
  readonly records: TriggerRecord[] = [];
  #created = 0;

  constructor(
    readonly env: Env,
    readonly addOn: boolean,
    private readonly activeDocumentId: () => string | null,
  ) {}

  /** The current user's triggers in this project (what getProjectTriggers lists). */
  mine(): TriggerRecord[] {
    return this.records.filter((record) => record.user === this.env.userEmail);
  }

  /** The user's triggers tied to a document: an add-on's time-driven triggers are. */
  inDocument(documentId: string): TriggerRecord[] {
    return this.mine().filter((record) => record.documentId === documentId);
  }

  add(handler: string, schedule: (fuzz: Fuzz) => Schedule): TriggerRecord {
    const documentId = this.addOn ? this.activeDocumentId() : null;
    const mine = this.mine();
    if (this.addOn && mine.some((record) => record.documentId === documentId)) {
      this.env.fail(TRIGGER_MESSAGES.perDocument);
    }
    if (mine.length >= MAX_TRIGGERS_PER_USER) this.env.fail(TRIGGER_MESSAGES.perScript);

    const uid = this.#newUid();
    const id = BigInt(uid);
    const resolved = schedule({ minute: Number(id % 60n), hour: Number((id / 60n) % 24n) });
    const createdAt = this.env.clock.now();
    const record: TriggerRecord = {
      uid,
      handler,
      user: this.env.userEmail,
      documentId,
      schedule: resolved,
      createdAt,
      nextAt: firstFire(resolved, createdAt),
    };
    this.records.push(record);
    return record;
  }

  remove(uid: string): void {
    const index = this.records.findIndex((record) => record.uid === uid);
    if (index >= 0) this.records.splice(index, 1);
  }

  /** Triggers due at `now`, earliest first. */
  due(now: number): TriggerRecord[] {
    return this.records
      .filter((record) => record.nextAt !== null && record.nextAt <= now)
      .sort((a, b) => (a.nextAt as number) - (b.nextAt as number));
  }

  /** The earliest pending fire time, or null when nothing is scheduled. */
  nextDue(): number | null {
    const times = this.records.flatMap((record) => (record.nextAt === null ? [] : [record.nextAt]));
    return times.length ? Math.min(...times) : null;
  }

  /**
   * Google's ids are long decimal numbers. These come from the script id and a count, so a test
   * that creates the same triggers gets the same ids, and so the same fuzzed minutes, every run.
   */
  #newUid(): string {
    this.#created += 1;
    const hash = crypto.createHash('sha256').update(`${this.env.scriptId}:${this.#created}`);
    const value = BigInt(`0x${hash.digest('hex').slice(0, 15)}`);
    return String(1000000000000000000n + value);
  }
}

/** A trigger as scripts see it. New wrappers may stand for the same trigger: compare ids. */
export class Trigger {
  readonly #uid: string;
  readonly #handler: string;

  constructor(record: TriggerRecord) {
    this.#uid = record.uid;
    this.#handler = record.handler;
  }

  static uidOf(value: unknown): string | null {
    return value instanceof Trigger ? value.#uid : null;
  }

  getHandlerFunction(): string {
    return this.#handler;
  }

  getUniqueId(): string {
    return this.#uid;
  }

  getEventType(): string {
    return EventType.CLOCK;
  }

  getTriggerSource(): string {
    return TriggerSource.CLOCK;
  }

  /** Limitation: Google documents ids for document sources only; clock triggers give null here. */
  getTriggerSourceId(): string | null {
    return null;
  }
}

// ScriptApp.newTrigger(name).timeBased(): the builder checks each argument as it is given, and the
// combination, the add-on rules and the limits when create() is called.
import { isDate } from './env';
import { zonedParts } from './format-date';
import type { Recurrence } from './trigger-schedule';
import {
  SCRIPT_TIME_ZONE,
  Trigger,
  TRIGGER_MESSAGES,
  WEEK_DAYS,
  type Fuzz,
  type TriggerStore,
} from './triggers';

const MINUTE_STEPS = [1, 5, 10, 15, 30];

/** ScriptApp.newTrigger(name): only time-based triggers are modelled. */
export class TriggerBuilder {
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.store, this.handler);
  }
}

interface ClockSpec {
  minutes?: number;
  hours?: number;
  days?: number;
  weeks?: number;
  afterMs?: number;
  at?: number;
  hour?: number;
  minute?: number;
  weekDay?: number;
  timeZone?: string;
}

export class ClockTriggerBuilder {
  readonly #spec: ClockSpec = {};

  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}

  /** Google allows 1, 5, 10, 15 or 30. Limitation: the error text is chosen. */
  everyMinutes(n: unknown): ClockTriggerBuilder {
    const minutes = this.#whole(n, 1, 30, 'minutes');
    if (!MINUTE_STEPS.includes(minutes)) this.store.env.fail('Invalid argument: minutes');
    return this.#set({ minutes });
  }

  everyHours(n: unknown): ClockTriggerBuilder {
    return this.#set({ hours: this.#whole(n, 1, 8760, 'hours') });
  }

  everyDays(n: unknown): ClockTriggerBuilder {
    return this.#set({ days: this.#whole(n, 1, 366, 'days') });
  }

  everyWeeks(n: unknown): ClockTriggerBuilder {
    return this.#set({ weeks: this.#whole(n, 1, 52, 'weeks') });
  }

  atHour(hour: unknown): ClockTriggerBuilder {
    return this.#set({ hour: this.#whole(hour, 0, 23, 'hour') });
  }

  /** Google fires within 15 minutes of it; here exactly at it. */
  nearMinute(minute: unknown): ClockTriggerBuilder {
    return this.#set({ minute: this.#whole(minute, 0, 59, 'minute') });
  }

  onWeekDay(day: unknown): ClockTriggerBuilder {
    const index = WEEK_DAYS.indexOf(String(day));
    if (index < 0) this.store.env.fail('Invalid argument: day');
    return this.#set({ weekDay: index + 1 });
  }

  inTimezone(timezone: unknown): ClockTriggerBuilder {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: String(timezone) });
    } catch {
      this.store.env.fail('Invalid argument: timezone');
    }
    return this.#set({ timeZone: String(timezone) });
  }

  /** A one-off trigger at least `durationMilliseconds` from now (exactly then, here). */
  after(durationMilliseconds: unknown): ClockTriggerBuilder {
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0) {
      this.store.env.fail('Invalid argument: durationMilliseconds');
    }
    return this.#set({ afterMs: ms });
  }

  at(date: unknown): ClockTriggerBuilder {
    if (!isDate(date)) this.store.env.fail('Invalid argument: date');
    return this.#set({ at: date.getTime() });
  }

  create(): Trigger {
    const recurrence = this.#recurrence();
    if (this.store.addOn && recurrence.kind === 'minutes') {
      this.store.env.fail(TRIGGER_MESSAGES.addOnFrequency);
    }
    const timeZone = this.#spec.timeZone ?? SCRIPT_TIME_ZONE;
    const record = this.store.add(this.handler, (fuzz) => ({
      timeZone,
      recurrence: this.#fuzzed(recurrence, fuzz, timeZone),
    }));
    return new Trigger(record);
  }

  /** The one schedule the calls describe; hour and minute stay -1 where Google picks them. */
  #recurrence(): Recurrence {
    const s = this.#spec;
    const env = this.store.env;
    const daily = s.days !== undefined || s.weeks !== undefined;
    if ((s.hour !== undefined && !daily) || (s.weekDay !== undefined && s.weeks === undefined)) {
      env.fail(TRIGGER_MESSAGES.atHourNeedsDays);
    }
    if (s.minute !== undefined && s.hours === undefined && !daily) {
      env.fail(TRIGGER_MESSAGES.nearMinuteNeedsPeriod);
    }
    const chosen = [s.minutes, s.hours, s.days, s.weeks, s.afterMs, s.at];
    const count = chosen.filter((value) => value !== undefined).length;
    if (count === 0) env.fail(TRIGGER_MESSAGES.noSchedule);
    if (count > 1) env.fail(TRIGGER_MESSAGES.twoSchedules);

    const minute = s.minute ?? -1;
    const hour = s.hour ?? -1;
    if (s.minutes !== undefined) return { kind: 'minutes', every: s.minutes };
    if (s.hours !== undefined) return { kind: 'hours', every: s.hours, minute };
    if (s.days !== undefined) return { kind: 'days', every: s.days, hour, minute };
    if (s.weeks !== undefined) {
      return { kind: 'weeks', every: s.weeks, weekDay: s.weekDay ?? -1, hour, minute };
    }
    return { kind: 'once', at: s.at ?? env.clock.now() + (s.afterMs as number) };
  }

  /** Fills what the script left to Google: the minute, the hour, the week day (of creation). */
  #fuzzed(r: Recurrence, fuzz: Fuzz, timeZone: string): Recurrence {
    if (r.kind === 'once' || r.kind === 'minutes') return r;
    const minute = r.minute >= 0 ? r.minute : fuzz.minute;
    if (r.kind === 'hours') return { ...r, minute };
    const hour = r.hour >= 0 ? r.hour : fuzz.hour;
    if (r.kind === 'days') return { ...r, hour, minute };
    const today = zonedParts(this.store.env.clock.now(), timeZone).weekday || 7;
    return { ...r, hour, minute, weekDay: r.weekDay >= 0 ? r.weekDay : today };
  }

  #set(change: ClockSpec): ClockTriggerBuilder {
    Object.assign(this.#spec, change);
    return this;
  }

  #whole(value: unknown, min: number, max: number, name: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.store.env.fail(`Invalid argument: ${name}`);
    }
    return n;
  }
}

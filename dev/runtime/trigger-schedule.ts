// When a time-driven trigger fires next, computed in the trigger's time zone, and the event
// object its handler receives. Pure functions of instants (epoch milliseconds).
import { zonedParts } from './format-date';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a ClockTriggerBuilder describes, once validated. weekDay: 1 = Monday ... 7 = Sunday. */
export type Recurrence =
  | { kind: 'minutes'; every: number }
  | { kind: 'hours'; every: number; minute: number }
  | { kind: 'days'; every: number; hour: number; minute: number }
  | { kind: 'weeks'; every: number; weekDay: number; hour: number; minute: number }
  | { kind: 'once'; at: number };

export interface Schedule {
  recurrence: Recurrence;
  timeZone: string;
}

/** The instant a wall-clock time in a zone stands for; around DST changes, one near it. */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wall;
  for (let i = 0; i < 3; i++) guess = wall - zonedParts(guess, timeZone).offsetMinutes * MINUTE;
  return guess;
}

/** Wall-clock date of an instant, moved by whole days (month and year roll over). */
function localDate(ms: number, timeZone: string, plusDays: number) {
  const p = zonedParts(ms, timeZone);
  const shifted = new Date(Date.UTC(p.year, p.month - 1, p.day + plusDays));
  const weekday = shifted.getUTCDay();
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekDay: weekday === 0 ? 7 : weekday,
  };
}

/** First instant strictly after `after` at the given wall-clock time, on an allowed day. */
function nextWallTime(
  after: number,
  timeZone: string,
  hour: number,
  minute: number,
  dayAllowed: (weekDay: number) => boolean,
): number {
  for (let plus = 0; plus <= 8; plus++) {
    const date = localDate(after, timeZone, plus);
    if (!dayAllowed(date.weekDay)) continue;
    const at = zonedTime(date.year, date.month, date.day, hour, minute, timeZone);
    if (at > after) return at;
  }
  throw new Error('no matching day within a week');
}

/** First instant strictly after `after` whose wall-clock minute is `minute` (seconds zero). */
function nextMinuteOfHour(after: number, timeZone: string, minute: number): number {
  const p = zonedParts(after, timeZone);
  const hourStart = after - (p.minute * MINUTE + p.second * 1000 + p.ms);
  const at = hourStart + minute * MINUTE;
  return at > after ? at : at + HOUR;
}

/** When a trigger created at `createdAt` fires for the first time. */
export function firstFire(schedule: Schedule, createdAt: number): number {
  const { recurrence: r, timeZone } = schedule;
  switch (r.kind) {
    case 'once':
      return r.at;
    case 'minutes':
      return (Math.floor(createdAt / (r.every * MINUTE)) + 1) * r.every * MINUTE;
    case 'hours':
      return nextMinuteOfHour(createdAt, timeZone, r.minute);
    case 'days':
      return nextWallTime(createdAt, timeZone, r.hour, r.minute, () => true);
    case 'weeks':
      return nextWallTime(createdAt, timeZone, r.hour, r.minute, (day) => day === r.weekDay);
  }
}

/**
 * The fire time after the one at `fired`, skipping any that are already past `now`: a trigger
 * that could not run on time fires once, not once per missed period. Null for one-off triggers.
 */
export function nextFire(schedule: Schedule, fired: number, now: number): number | null {
  const { recurrence: r, timeZone } = schedule;
  if (r.kind === 'once') return null;
  if (r.kind === 'minutes' || r.kind === 'hours') {
    const period = r.every * (r.kind === 'minutes' ? MINUTE : HOUR);
    const periods = Math.max(1, Math.floor((now - fired) / period) + 1);
    return fired + periods * period;
  }
  // Whole days on the wall clock, so a daily 06:xx stays at 06:xx across summer-time changes.
  const days = r.kind === 'days' ? r.every : 7 * r.every;
  let next = fired;
  do {
    const date = localDate(next, timeZone, days);
    next = zonedTime(date.year, date.month, date.day, r.hour, r.minute, timeZone);
  } while (next <= now);
  return next;
}

/** ISO-8601 week number of a calendar date. */
function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekDay = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekDay);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / DAY + 1) / 7);
}

/**
 * The event object of a time-driven run, with Google's field names. The fields describe the
 * instant the run started, in the trigger's time zone.
 * Limitation: week-of-year follows ISO-8601 here; Google does not document its week rule.
 */
export function timeDrivenEvent(uid: string, at: number, timeZone: string) {
  const p = zonedParts(at, timeZone);
  return {
    authMode: 'FULL',
    triggerUid: uid,
    year: p.year,
    month: p.month,
    'day-of-month': p.day,
    'day-of-week': p.weekday === 0 ? 7 : p.weekday,
    'week-of-year': isoWeek(p.year, p.month, p.day),
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone: timeZone,
  };
}

// Calendar arithmetic on UTC dates written YYYY-MM-DD. A "day" is a whole number of days since
// 1970-01-01, which makes ranges, weeks and months simple integer work.

const DAY_MS = 86_400_000;

/** Day number of a YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function parseDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  if (back.getUTCDate() !== date) return null;
  return Math.round(ms / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in UTC, as Pinterest counts reporting days. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The Monday starting the ISO week that holds `day` (1970-01-01 was a Thursday). */
export function weekStart(day: number): number {
  const weekday = (((day + 3) % 7) + 7) % 7;
  return day - weekday;
}

/** The first day of the month that holds `day`. */
export function monthStart(day: number): number {
  const date = new Date(day * DAY_MS);
  return Math.round(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS);
}

/** Unix seconds at midnight UTC of `day`. */
export function daySeconds(day: number): number {
  return day * 86_400;
}

/** The day number holding a Unix-seconds timestamp. */
export function dayOfSeconds(seconds: number): number {
  return Math.floor(seconds / 86_400);
}

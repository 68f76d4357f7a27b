// The sandbox's served "today": the date the API answers as of. It starts at the `today`
// option and can be moved during a run, while the generated world stays the one it was built for.

import { formatDay, parseDay } from './dates';

export class ServedClock {
  private day: number;
  private moves = 0;

  constructor(today: string) {
    this.day = ServedClock.check(today);
  }

  /** The served today, YYYY-MM-DD. */
  get today(): string {
    return formatDay(this.day);
  }

  /** The served today as a day number (see dates.ts). */
  get todayDay(): number {
    return this.day;
  }

  /** Goes up each time the served today changes, so day-scoped quotas know to reset. */
  get epoch(): number {
    return this.moves;
  }

  /** Moves the served today, forward or back; throws an Error naming the fix on a bad date. */
  set(today: string): void {
    const day = ServedClock.check(today);
    if (day === this.day) return;
    this.day = day;
    this.moves += 1;
  }

  private static check(today: unknown): number {
    const day = typeof today === 'string' ? parseDay(today) : null;
    if (day === null) {
      throw new Error(
        `today must be a calendar date written YYYY-MM-DD, e.g. "2026-03-10"; ` +
          `got ${JSON.stringify(today)}.`,
      );
    }
    return day;
  }
}

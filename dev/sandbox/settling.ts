// Late-arriving conversions: a day's conversion counters grow for `settlingDays` days after it
// ends, then stay final. Delivery, clicks and spend are final as soon as the day is over.

import { windowOf } from './columns';

/**
 * The settled share at 0, 1/3, 2/3 and all of the settling period, in thousandths: with
 * three settling days a day shows 50 %, 80 %, 95 %, then 100 % of its conversions.
 */
const CURVE = [500, 800, 950, 1000] as const;
const SEGMENTS = CURVE.length - 1;

/** Final values, in the thousandths settledPermille returns. */
export const FINAL = 1000;

/**
 * Thousandths of its final conversions that a day shows `age` days later (served today minus
 * the day). Reaches exactly 1000 once age ≥ settlingDays; settlingDays 0 is always final.
 */
export function settledPermille(age: number, settlingDays: number): number {
  if (settlingDays <= 0 || age >= settlingDays) return FINAL;
  const at = Math.max(0, age) * SEGMENTS;
  // Integer steps along the curve keep the shares exact: 1/3 of the way is 800, not 799.99.
  const segment = Math.floor(at / settlingDays);
  const rest = at - segment * settlingDays;
  const from = CURVE[segment];
  return Math.round(from + ((CURVE[segment + 1] - from) * rest) / settlingDays);
}

/**
 * True for the columns that settle: exactly the conversion counters that the attribution
 * windows scale, so totals, values and ratios built on them settle with them.
 */
export function settles(column: string): boolean {
  return windowOf(column) !== null;
}

/** A stored integer counter at `permille` of its final value, rounded down. */
export function settle(value: number, permille: number): number {
  return permille === FINAL ? value : Math.floor((value * permille) / FINAL);
}

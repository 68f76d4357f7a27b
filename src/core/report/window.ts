// Which dates a refresh pulls again. Conversions keep arriving after the ad was shown (up to the
// attribution window when they are reported at the time of the ad action) and Pinterest needs a
// few days to settle its numbers, so every refresh re-pulls a trailing window and replaces those
// rows; older rows stay in the tab, so its history can grow past the API's 90-day reach.

import { addDays, firstOfMonth } from '../dates';
import type { Granularity } from '../pinterest/limits';
import { earliestSyncStart } from '../pinterest/plan';
import type { Attribution } from '../pinterest/types';
import { resolveDateRange, type ReportDefinition } from './definition';

/** Days Pinterest may take to settle a day's numbers, even with no attribution delay. */
export const SETTLING_DAYS = 3;

/**
 * The default lookback: the longest attribution window when conversions are reported on the day
 * of the ad action (a conversion 30 days after a click changes the click's day), plus settling.
 */
export function defaultLookbackDays(attribution: Attribution): number {
  const delayed = attribution.conversionReportTime === 'TIME_OF_AD_ACTION';
  const windows = [
    attribution.clickWindowDays,
    attribution.engagementWindowDays,
    attribution.viewWindowDays,
  ];
  return (delayed ? Math.max(...windows) : 0) + SETTLING_DAYS;
}

export function lookbackDays(report: ReportDefinition): number {
  return report.lookbackDays ?? defaultLookbackDays(report.attribution);
}

/**
 * What decides the table's content: when it changes (fields, level, accounts, granularity,
 * attribution or the date range chosen), the tab is rebuilt from scratch instead of merged, so
 * it never mixes rows of two definitions. With an unchanged definition, history grows.
 */
export function shapeKey(report: ReportDefinition): string {
  return JSON.stringify([
    report.level,
    report.columns,
    report.granularity,
    report.attribution,
    [...report.adAccountIds].sort(),
    report.dateRange,
  ]);
}

export interface RefreshWindow {
  start: string;
  end: string;
  /** True when the whole tab is rebuilt; false when rows outside the window are kept. */
  rebuild: boolean;
  /** Rows on or after this date may still change (they fall inside the lookback). */
  provisionalFrom: string;
}

/** What the tab holds from earlier refreshes of the same definition. */
export interface PreviousPull {
  shapeKey: string;
  /** The first day the tab holds for this definition. */
  dataFrom: string;
  /** The first day Pinterest did not yet call final at the last refresh, if it said so. */
  notFinalFrom?: string;
}

/**
 * The dates to pull now. A first refresh, one after the definition changed, or one whose tab
 * is gone pulls the whole range. Later ones pull the lookback again, from the first day the
 * tab holds (so a day that left a short range still settles), whole weeks or months at a time,
 * and keep every other row.
 */
export function refreshWindow(
  report: ReportDefinition,
  today: string,
  previous: PreviousPull | undefined,
): RefreshWindow {
  const range = resolveDateRange(report.dateRange, today);
  const lookbackFrom = addDays(today, -lookbackDays(report));
  const notFinal = previous?.notFinalFrom;
  const provisionalFrom = notFinal && notFinal < lookbackFrom ? notFinal : lookbackFrom;
  const rebuild =
    !previous || previous.shapeKey !== shapeKey(report) || report.granularity === 'TOTAL';
  if (rebuild) return { start: range.start, end: range.end, rebuild: true, provisionalFrom };

  // The first day that may be pulled again: what the tab holds and the API still reaches.
  const earliest = earliestSyncStart(today);
  const floor = previous.dataFrom > earliest ? previous.dataFrom : earliest;
  let start = bucketStart(provisionalFrom > floor ? provisionalFrom : floor, report.granularity);
  // A week or month that began before the floor is left as the tab holds it, never replaced by
  // the part still in reach.
  if (start < floor) start = nextBucketStart(floor, report.granularity);
  return { start, end: range.end, rebuild: false, provisionalFrom };
}

function bucketStart(isoDate: string, granularity: Granularity): string {
  if (granularity === 'WEEK') return mondayOf(isoDate);
  if (granularity === 'MONTH') return firstOfMonth(isoDate);
  return isoDate;
}

/** The first bucket that starts on or after a date. */
function nextBucketStart(isoDate: string, granularity: Granularity): string {
  const start = bucketStart(isoDate, granularity);
  if (start === isoDate) return start;
  return granularity === 'WEEK' ? addDays(start, 7) : firstOfMonth(addDays(start, 32));
}

function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDays(isoDate, -((weekday + 6) % 7));
}

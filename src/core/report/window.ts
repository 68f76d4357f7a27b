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

/**
 * The dates to pull now. A first refresh, or one after the report's shape changed, pulls the
 * whole range; later ones pull the range's part that falls inside the lookback (whole weeks or
 * months for those granularities) and keep the rest.
 */
export function refreshWindow(
  report: ReportDefinition,
  today: string,
  previousShape: string | undefined,
): RefreshWindow {
  const range = resolveDateRange(report.dateRange, today);
  const provisionalFrom = addDays(today, -lookbackDays(report));
  const rebuild = previousShape !== shapeKey(report) || report.granularity === 'TOTAL';
  if (rebuild) return { start: range.start, end: range.end, rebuild, provisionalFrom };

  let start = provisionalFrom > range.start ? provisionalFrom : range.start;
  start = bucketStart(start, report.granularity);
  const earliest = earliestSyncStart(today);
  if (start < earliest) {
    // The API no longer reaches the start of that week or month: leave the bucket as the tab
    // holds it (complete) rather than replace it with the part still in reach.
    start = report.granularity === 'DAY' ? earliest : nextBucketStart(earliest, report.granularity);
  }
  if (start < range.start) start = range.start;
  return { start, end: range.end, rebuild, provisionalFrom };
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

// Plans the fewest synchronous analytics requests that cover accounts × entities × dates while
// keeping every documented limit: ≤ 90 days back, ≤ 90 days a request, ≤ 250 ids a request,
// and Apps Script's URL length (ids and columns travel in the query string).

import { AddonError } from '../errors';
import { addDays, inclusiveDays, daysBetween, firstOfMonth } from '../dates';
import { LEVELS, LIMITS, type Granularity, type Level } from './limits';
import type { AnalyticsRequest, Attribution } from './types';

export interface PlanInput {
  level: Level;
  /** Entity ids per ad account; at the ad account level the lists are ignored. */
  idsByAccount: Map<string, string[]>;
  startDate: string;
  endDate: string;
  columns: string[];
  granularity: Granularity;
  attribution: Attribution;
  /** Today's date in UTC: the 90-day reach is counted back from it. */
  today: string;
}

/** Measures a request's URL; the client owns the URL format. */
export type UrlMeasure = (request: AnalyticsRequest) => number;

/** The earliest start date synchronous analytics accept today. */
export function earliestSyncStart(today: string): string {
  return addDays(today, -LIMITS.syncMaxDaysBack);
}

export function planAnalytics(input: PlanInput, measure: UrlMeasure): AnalyticsRequest[] {
  checkReach(input);
  const windows = dateWindows(input.startDate, input.endDate, input.granularity);
  const requests: AnalyticsRequest[] = [];

  for (const [adAccountId, ids] of input.idsByAccount) {
    const entityIds = input.level === 'AD_ACCOUNT' ? [] : ids;
    if (input.level !== 'AD_ACCOUNT' && entityIds.length === 0) continue;
    for (const [startDate, endDate] of windows) {
      const base: AnalyticsRequest = {
        adAccountId,
        level: input.level,
        ids: [],
        startDate,
        endDate,
        columns: [],
        granularity: input.granularity,
        attribution: input.attribution,
      };
      requests.push(...cheapestSplit(base, entityIds, input.columns, measure));
    }
  }
  return requests;
}

/** Refuses a range the synchronous endpoints cannot serve, naming the date field. */
export function checkReach(
  input: Pick<PlanInput, 'startDate' | 'endDate' | 'granularity' | 'today'>,
) {
  const earliest = earliestSyncStart(input.today);
  if (input.startDate < earliest) {
    throw new AddonError(
      'RANGE_TOO_OLD',
      `Pinterest's reporting API reaches back 90 days, to ${earliest}. Choose a start date on ` +
        'or after it.',
      { field: 'dateRange' },
    );
  }
  if (input.granularity === 'TOTAL' && inclusiveDays(input.startDate, input.endDate) > 90) {
    throw new AddonError(
      'RANGE_TOO_LONG',
      'A total over the whole range can cover at most 90 days. Shorten the range or choose ' +
        'daily, weekly or monthly rows.',
      { field: 'dateRange' },
    );
  }
}

/**
 * Splits a range into windows of at most 90 days. Weekly and monthly windows end on a bucket
 * boundary so no week or month is split between two requests.
 */
export function dateWindows(start: string, end: string, granularity: Granularity): string[][] {
  const windows: string[][] = [];
  let windowStart = start;
  while (windowStart <= end) {
    let windowEnd = addDays(windowStart, LIMITS.syncMaxDaysPerRequest - 1);
    if (windowEnd >= end) windowEnd = end;
    else windowEnd = alignToBucketEnd(windowStart, windowEnd, granularity);
    windows.push([windowStart, windowEnd]);
    windowStart = addDays(windowEnd, 1);
  }
  return windows;
}

function alignToBucketEnd(start: string, end: string, granularity: Granularity): string {
  let aligned = end;
  if (granularity === 'WEEK') {
    // Weeks start on Monday: step back to the Sunday on or before `end`.
    const weekday = new Date(`${end}T00:00:00Z`).getUTCDay();
    aligned = addDays(end, -weekday);
  } else if (granularity === 'MONTH') {
    aligned = addDays(firstOfMonth(addDays(end, 1)), -1);
    if (aligned > end) aligned = addDays(firstOfMonth(end), -1);
  }
  return daysBetween(start, aligned) >= 0 ? aligned : end;
}

/** Tries 1..n column chunks and keeps the split that needs the fewest requests. */
function cheapestSplit(
  base: AnalyticsRequest,
  ids: string[],
  columns: string[],
  measure: UrlMeasure,
): AnalyticsRequest[] {
  let best: AnalyticsRequest[] | undefined;
  for (let chunks = 1; chunks <= columns.length; chunks++) {
    const split = splitFor(base, ids, chunkColumns(columns, chunks), measure);
    if (split && (!best || split.length < best.length)) best = split;
    if (best && best.length <= chunks) break;
  }
  if (!best) {
    throw new AddonError(
      'INVALID_REPORT',
      'This report has too many fields for one request. Remove some fields and try again.',
      { field: 'columns' },
    );
  }
  return best;
}

function splitFor(
  base: AnalyticsRequest,
  ids: string[],
  columnChunks: string[][],
  measure: UrlMeasure,
): AnalyticsRequest[] | undefined {
  const requests: AnalyticsRequest[] = [];
  const maxIds = LEVELS[base.level].maxIdsPerRequest;
  for (const columns of columnChunks) {
    const empty = { ...base, columns };
    if (measure(empty) > LIMITS.maxUrlLength) return undefined;
    if (ids.length === 0) {
      requests.push(empty);
      continue;
    }
    let batch: string[] = [];
    for (const id of ids) {
      const candidate = [...batch, id];
      if (
        candidate.length > maxIds ||
        measure({ ...empty, ids: candidate }) > LIMITS.maxUrlLength
      ) {
        if (batch.length === 0) return undefined;
        requests.push({ ...empty, ids: batch });
        batch = [id];
      } else {
        batch = candidate;
      }
    }
    requests.push({ ...empty, ids: batch });
  }
  return requests;
}

/** Cuts the column list, in order, into `count` chunks of similar text length. */
function chunkColumns(columns: string[], count: number): string[][] {
  const total = columns.reduce((sum, column) => sum + column.length + 1, 0);
  const target = total / count;
  const chunks: string[][] = [[]];
  let length = 0;
  for (const column of columns) {
    const remaining = columns.length - columns.indexOf(column);
    const needed = count - chunks.length;
    if (chunks[chunks.length - 1].length && length >= target && needed > 0 && remaining > 0) {
      chunks.push([]);
      length = 0;
    }
    chunks[chunks.length - 1].push(column);
    length += column.length + 1;
  }
  return chunks;
}

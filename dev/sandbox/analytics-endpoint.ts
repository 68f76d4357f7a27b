// The four sync analytics endpoints and metrics_ready_state: reads their parameters, applies the
// limits the schema cannot express (90 days back, 90-day range) as of the served today.

import type { Level } from './columns';
import { formatDay, parseDay } from './dates';
import { invalidParameters } from './errors';
import type { Params } from './params';
import type { ResourceRequest } from './resources';
import { SYNC_COLUMN_SET } from './sync-columns';
import type { AnalyticsRow, Attribution, Granularity, World } from './types';

/** Sync analytics reach back this many days before the served today and span at most as many. */
export const MAX_DAYS_BACK = 90;
export const MAX_RANGE_DAYS = 90;

const GRANULARITIES = ['TOTAL', 'DAY', 'HOUR', 'WEEK', 'MONTH'] as const;
const WINDOW_DAYS = ['0', '1', '7', '14', '30', '60'] as const;
const REPORT_TIMES = ['TIME_OF_AD_ACTION', 'TIME_OF_CONVERSION'] as const;

/** The id parameter each level requires. */
const ID_PARAM: Readonly<Record<Exclude<Level, 'AD_ACCOUNT'>, string>> = {
  CAMPAIGN: 'campaign_ids',
  AD_GROUP: 'ad_group_ids',
  AD: 'ad_ids',
};

/** A handler for the analytics endpoint of one level. */
export function analyticsHandler(level: Level) {
  return ({ world, params, path, today }: ResourceRequest): AnalyticsRow[] => {
    const { start, end } = dateRange(params, today);
    const columns = requestedColumns(params);
    const granularity = params.choice('granularity', GRANULARITIES);
    if (granularity === 'HOUR') {
      throw invalidParameters(
        'granularity HOUR is not served by this sandbox; use DAY, WEEK, ' + 'MONTH or TOTAL.',
      );
    }
    const ids =
      level === 'AD_ACCOUNT' ? [] : requestedIds(level, params, world, path.ad_account_id);
    const windowDays = (name: string) =>
      params.one(name) === undefined ? undefined : Number(params.choice(name, WINDOW_DAYS));
    const attribution: Attribution = {
      clickWindowDays: windowDays('click_window_days'),
      engagementWindowDays: windowDays('engagement_window_days'),
      viewWindowDays: windowDays('view_window_days'),
      conversionReportTime: params.choice(
        'conversion_report_time',
        REPORT_TIMES,
        'TIME_OF_AD_ACTION',
      ),
    };
    const aggregateRows = params.bool('aggregate_report_rows', false);
    return world.analyticsRows(
      level,
      path.ad_account_id,
      ids,
      start,
      end,
      granularity as Granularity,
      columns,
      { attribution, aggregateRows, asOf: today },
    );
  };
}

/**
 * GET /resources/metrics_ready_state: a day's delivery numbers are final once it is over, its
 * conversions once `settlingDays` more days have passed.
 */
export function metricsReadyState({ world, params, today }: ResourceRequest): unknown {
  const date = params.one('date');
  if (date === undefined) throw invalidParameters('date is required.');
  const day = parseDay(date);
  if (day === null) throw invalidParameters(`date "${date}" must be a date YYYY-MM-DD.`);
  const age = parseDay(today)! - day;
  return {
    conversion_metrics_ready: age > 0 && age >= world.settlingDays,
    non_conversion_metrics_ready: age > 0,
  };
}

function dateRange(params: Params, today: string): { start: string; end: string } {
  const start = params.one('start_date');
  const end = params.one('end_date');
  if (start === undefined) throw invalidParameters('start_date is required.');
  if (end === undefined) throw invalidParameters('end_date is required.');
  const startDay = parseDay(start);
  const endDay = parseDay(end);
  if (startDay === null)
    throw invalidParameters(`start_date "${start}" must be a date YYYY-MM-DD.`);
  if (endDay === null) throw invalidParameters(`end_date "${end}" must be a date YYYY-MM-DD.`);
  const earliest = parseDay(today)! - MAX_DAYS_BACK;
  if (startDay < earliest) {
    throw invalidParameters(
      `start_date ${start} is more than ${MAX_DAYS_BACK} days before ` +
        `today (${today} UTC); the earliest start_date allowed is ${formatDay(earliest)}.`,
    );
  }
  if (endDay < startDay) {
    throw invalidParameters(`end_date ${end} is before start_date ${start}.`);
  }
  const days = endDay - startDay + 1;
  if (days > MAX_RANGE_DAYS) {
    throw invalidParameters(
      `the date range ${start} to ${end} spans ${days} days; the maximum ` +
        `is ${MAX_RANGE_DAYS} days, counting both start_date and end_date. Split the request.`,
    );
  }
  return { start, end };
}

function requestedColumns(params: Params): string[] {
  const values = params.list('columns');
  if (!values) throw invalidParameters('columns is required.');
  const columns = values.flatMap((value) => value.split(',')).filter(Boolean);
  if (columns.length === 0) throw invalidParameters('columns must name at least one column.');
  const unknown = columns.find((column) => !SYNC_COLUMN_SET.has(column));
  if (unknown !== undefined) {
    throw invalidParameters(`columns ${JSON.stringify(unknown)} is not an allowed value.`);
  }
  return columns;
}

/** The entity ids of the request; ads may also be chosen by campaign_ids plus pin_ids. */
function requestedIds(
  level: Exclude<Level, 'AD_ACCOUNT'>,
  params: Params,
  world: World,
  adAccountId: string,
): string[] {
  const name = ID_PARAM[level];
  const ids = params.ids(name);
  if (ids) return ids;
  if (level === 'AD') {
    const campaignIds = params.ids('campaign_ids');
    const pinIds = params.ids('pin_ids', 100);
    if (campaignIds && pinIds) {
      return world.ads
        .filter((ad) => ad.ad_account_id === adAccountId)
        .filter((ad) => campaignIds.includes(ad.campaign_id) && pinIds.includes(String(ad.pin_id)))
        .map((ad) => ad.id);
    }
    throw invalidParameters('give ad_ids, or both campaign_ids and pin_ids.');
  }
  throw invalidParameters(`${name} is required.`);
}

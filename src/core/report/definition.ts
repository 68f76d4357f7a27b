// A report definition: what the user chose in the sidebar. Validation accepts untrusted input
// (it arrives from the browser) and names the form field at fault.

import { AddonError } from '../errors';
import { addDays, firstOfMonth, isIsoDate } from '../dates';
import { findField } from '../catalog/fields';
import {
  CONVERSION_REPORT_TIMES,
  GRANULARITIES,
  LEVELS,
  WINDOW_DAYS,
  type Granularity,
  type Level,
} from '../pinterest/limits';
import type { Attribution } from '../pinterest/types';

export const DATE_PRESETS = [
  'YESTERDAY',
  'LAST_7_DAYS',
  'LAST_14_DAYS',
  'LAST_30_DAYS',
  'LAST_90_DAYS',
  'THIS_MONTH',
  'LAST_MONTH',
  'CUSTOM',
] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export interface DateRange {
  preset: DatePreset;
  /** Only for CUSTOM: inclusive UTC dates. */
  startDate?: string;
  endDate?: string;
}

export interface ReportDefinition {
  id: string;
  tabName: string;
  adAccountIds: string[];
  level: Level;
  /** Metric columns, API names, in the order they are shown. */
  columns: string[];
  dateRange: DateRange;
  granularity: Granularity;
  attribution: Attribution;
  /** Days re-pulled on every refresh; when absent, derived from the attribution settings. */
  lookbackDays?: number;
}

export const DEFAULT_ATTRIBUTION: Attribution = {
  clickWindowDays: 30,
  engagementWindowDays: 30,
  viewWindowDays: 1,
  conversionReportTime: 'TIME_OF_AD_ACTION',
};

/** The metrics a new report starts with: delivery, cost, clicks and checkout results. */
export const DEFAULT_COLUMNS = [
  'SPEND_IN_MICRO_DOLLAR',
  'PAID_IMPRESSION',
  'TOTAL_CLICKTHROUGH',
  'CTR',
  'CPC_IN_MICRO_DOLLAR',
  'CPM_IN_MICRO_DOLLAR',
  'TOTAL_CONVERSIONS',
  'TOTAL_CHECKOUT',
  'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
  'CHECKOUT_ROAS',
];

const MAX_TAB_NAME = 100;
const MAX_ACCOUNTS = 50;

/**
 * Resolves a date range to inclusive UTC dates, relative to today. Today is left out (its
 * numbers are not in yet), except by "this month" on the 1st, which has no other day.
 */
export function resolveDateRange(range: DateRange, today: string): { start: string; end: string } {
  const yesterday = addDays(today, -1);
  const lastDays = (days: number) => ({ start: addDays(today, -days), end: yesterday });
  switch (range.preset) {
    case 'YESTERDAY':
      return { start: yesterday, end: yesterday };
    case 'LAST_7_DAYS':
      return lastDays(7);
    case 'LAST_14_DAYS':
      return lastDays(14);
    case 'LAST_30_DAYS':
      return lastDays(30);
    case 'LAST_90_DAYS':
      return lastDays(90);
    case 'THIS_MONTH':
      // On the 1st there is no complete day yet this month: show the 1st itself.
      return { start: firstOfMonth(today), end: today === firstOfMonth(today) ? today : yesterday };
    case 'LAST_MONTH': {
      const end = addDays(firstOfMonth(today), -1);
      return { start: firstOfMonth(end), end };
    }
    case 'CUSTOM':
      return { start: range.startDate as string, end: range.endDate as string };
  }
}

function fail(field: string, message: string): never {
  throw new AddonError('INVALID_REPORT', message, { field });
}

function oneOf<T extends string | number>(value: unknown, allowed: readonly T[]): value is T {
  return allowed.includes(value as T);
}

/** Checks a definition from the sidebar and answers a clean copy, or throws naming the field. */
export function validateReport(input: unknown): ReportDefinition {
  if (typeof input !== 'object' || input === null) fail('report', 'The report is empty.');
  const raw = input as Record<string, unknown>;

  const id = typeof raw.id === 'string' && /^[\w-]{1,40}$/.test(raw.id) ? raw.id : '';
  if (!id) fail('id', 'The report has no valid id. Reload the sidebar and try again.');

  const tabName = typeof raw.tabName === 'string' ? raw.tabName.trim() : '';
  if (!tabName) fail('tabName', 'Give the report a tab name.');
  if (tabName.length > MAX_TAB_NAME) {
    fail('tabName', `Use a tab name of at most ${MAX_TAB_NAME} characters.`);
  }

  const accounts = Array.isArray(raw.adAccountIds) ? raw.adAccountIds : [];
  if (accounts.length === 0) fail('adAccountIds', 'Choose at least one ad account.');
  if (accounts.length > MAX_ACCOUNTS) {
    fail('adAccountIds', `Choose at most ${MAX_ACCOUNTS} ad accounts.`);
  }
  if (!accounts.every((a) => typeof a === 'string' && /^\d{1,18}$/.test(a))) {
    fail('adAccountIds', 'An ad account id is not valid. Reload the account list.');
  }

  if (!oneOf(raw.level, Object.keys(LEVELS) as Level[])) fail('level', 'Choose a level.');

  const columns = Array.isArray(raw.columns) ? raw.columns : [];
  if (columns.length === 0) fail('columns', 'Choose at least one field.');
  const unknown = columns.filter((c) => typeof c !== 'string' || !findField(c));
  if (unknown.length)
    fail('columns', `Pinterest does not offer these fields: ${unknown.join(', ')}.`);
  if (new Set(columns).size !== columns.length) fail('columns', 'A field is chosen twice.');

  const dateRange = validateDateRange(raw.dateRange);
  if (!oneOf(raw.granularity, GRANULARITIES)) fail('granularity', 'Choose a granularity.');

  const lookback = raw.lookbackDays;
  if (lookback !== undefined && lookback !== null && lookback !== '') {
    if (
      typeof lookback !== 'number' ||
      !Number.isInteger(lookback) ||
      lookback < 1 ||
      lookback > 90
    ) {
      fail('lookbackDays', 'Re-pull between 1 and 90 days on each refresh.');
    }
  }
  return {
    id,
    tabName,
    adAccountIds: [...new Set(accounts as string[])],
    level: raw.level,
    columns: columns as string[],
    dateRange,
    granularity: raw.granularity,
    attribution: validateAttribution(raw.attribution),
    ...(typeof lookback === 'number' ? { lookbackDays: lookback } : {}),
  };
}

function validateDateRange(input: unknown): DateRange {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (!oneOf(raw.preset, DATE_PRESETS)) fail('dateRange', 'Choose a date range.');
  if (raw.preset !== 'CUSTOM') return { preset: raw.preset };

  const { startDate, endDate } = raw;
  if (typeof startDate !== 'string' || !isIsoDate(startDate)) {
    fail('dateRange', 'Enter the start date as YYYY-MM-DD.');
  }
  if (typeof endDate !== 'string' || !isIsoDate(endDate)) {
    fail('dateRange', 'Enter the end date as YYYY-MM-DD.');
  }
  if (endDate < startDate) fail('dateRange', 'The end date is before the start date.');
  return { preset: 'CUSTOM', startDate, endDate };
}

function validateAttribution(input: unknown): Attribution {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const attribution = { ...DEFAULT_ATTRIBUTION, ...raw } as Record<string, unknown>;
  const windows = ['clickWindowDays', 'engagementWindowDays', 'viewWindowDays'];
  for (const key of windows) {
    if (!oneOf(attribution[key], WINDOW_DAYS)) {
      fail('attribution', `Attribution windows are ${WINDOW_DAYS.join(', ')} days.`);
    }
  }
  if (!oneOf(attribution.conversionReportTime, CONVERSION_REPORT_TIMES)) {
    fail('attribution', 'Choose when conversions are reported: time of ad action or conversion.');
  }
  return {
    clickWindowDays: attribution.clickWindowDays,
    engagementWindowDays: attribution.engagementWindowDays,
    viewWindowDays: attribution.viewWindowDays,
    conversionReportTime: attribution.conversionReportTime,
  } as Attribution;
}

// The sync analytics engine: sums daily counters over entities and date buckets (as of a served
// today, conversions still settling), derives ratios and drops all-zero rows as Pinterest does.
// The HTTP endpoint and the tests' ground truth both call analyticsRows, so they cannot drift.

import { attributeValue, isAttribute, type Lineage } from './attributes';
import { additiveNeeds, isAdditive, RATIOS, TOTALS, windowOf, type Level } from './columns';
import { formatDay, monthStart, parseDay, weekStart } from './dates';
import { invalidParameters, notFound } from './errors';
import type {
  AnalyticsOptions,
  AnalyticsRow,
  Attribution,
  Bucket,
  Entity,
  Granularity,
} from './types';
import { FINAL, settle, settledPermille, settles } from './settling';
import type { WorldIndex } from './world-index';

/** The key naming the entity of each row, per level. */
export const ID_KEY: Readonly<Record<Level, string>> = {
  AD_ACCOUNT: 'AD_ACCOUNT_ID',
  CAMPAIGN: 'CAMPAIGN_ID',
  AD_GROUP: 'AD_GROUP_ID',
  AD: 'AD_ID',
};

const LEVEL_WORD: Readonly<Record<Level, string>> = {
  AD_ACCOUNT: 'Ad account',
  CAMPAIGN: 'Campaign',
  AD_GROUP: 'Ad group',
  AD: 'Ad',
};

// Shorter windows attribute fewer conversions; the defaults (click 30, engagement 30, view 1)
// leave the stored counters as they are.
const CLICK_FACTORS: Readonly<Record<number, number>> = {
  0: 0,
  1: 0.45,
  7: 0.75,
  14: 0.88,
  30: 1,
  60: 1.1,
};
const VIEW_FACTORS: Readonly<Record<number, number>> = {
  0: 0,
  1: 1,
  7: 1.5,
  14: 1.7,
  30: 1.9,
  60: 2,
};
const CONVERSION_TIME_FACTOR = 0.96;

type Factors = Record<'click' | 'view' | 'engagement', number>;

function windowFactors(attribution: Attribution = {}): Factors {
  const time =
    attribution.conversionReportTime === 'TIME_OF_CONVERSION' ? CONVERSION_TIME_FACTOR : 1;
  const factor = (table: Record<number, number>, days: number | undefined, fallback: number) =>
    (table[days ?? fallback] ?? 1) * time;
  return {
    click: factor(CLICK_FACTORS, attribution.clickWindowDays, 30),
    engagement: factor(CLICK_FACTORS, attribution.engagementWindowDays, 30),
    view: factor(VIEW_FACTORS, attribution.viewWindowDays, 1),
  };
}

/** How one request reads stored counters: which columns, windows and settling. */
interface Reading {
  index: WorldIndex;
  needs: string[];
  factors: Factors;
  /** The served today the answer is as of, or null for final numbers. */
  asOf: number | null;
  settlingDays: number;
}

/** A column's value in a stored bucket: stored directly, or the total of its parts. */
function bucketValue(bucket: Bucket, column: string, factors: Factors, permille: number): number {
  const stored = bucket[column];
  if (stored !== undefined) {
    const window = windowOf(column);
    const factor = window ? factors[window] : 1;
    // Scaling and settling happen here, on stored counters, so parents stay exact sums of
    // their children.
    const scaled = factor === 1 ? stored : Math.floor(stored * factor);
    return settles(column) ? settle(scaled, permille) : scaled;
  }
  const parts = TOTALS[column];
  if (!parts) return 0;
  return parts.reduce((sum, part) => sum + bucketValue(bucket, part, factors, permille), 0);
}

/** One entity's values of the needed columns on one day, or null when it has no data then. */
function dayValues(reading: Reading, level: Level, id: string, day: number): number[] | null {
  const { index, needs, factors, asOf } = reading;
  const own = index.daily(level, id);
  if (own) {
    const bucket = own.get(day);
    if (!bucket || day >= (index.stopDay(level, id) ?? Infinity)) return null;
    const permille = asOf === null ? FINAL : settledPermille(asOf - day, reading.settlingDays);
    return needs.map((column) => bucketValue(bucket, column, factors, permille));
  }
  let sum: number[] | null = null;
  for (const [childLevel, childId] of index.children(level, id)) {
    const values = dayValues(reading, childLevel, childId, day);
    if (!values) continue;
    if (!sum) sum = values;
    else values.forEach((value, i) => (sum![i] += value));
  }
  return sum;
}

function bucketStart(day: number, granularity: Granularity, start: number): number {
  if (granularity === 'WEEK') return weekStart(day);
  if (granularity === 'MONTH') return monthStart(day);
  if (granularity === 'TOTAL') return start;
  return day;
}

/** Checks the ids and returns the entities, in request order without repeats. */
function requestedEntities(
  index: WorldIndex,
  level: Level,
  adAccountId: string,
  ids: string[],
): string[] {
  if (!index.adAccount(adAccountId)) throw notFound(`Ad account ${adAccountId} not found.`);
  if (level === 'AD_ACCOUNT') return [adAccountId];
  const unique = [...new Set(ids)];
  const missing = unique.filter((id) => {
    const entity: Entity | undefined = index.entity(level, id);
    return !entity || entity.ad_account_id !== adAccountId;
  });
  if (missing.length > 0) {
    const word = LEVEL_WORD[level].toLowerCase();
    throw notFound(
      `${LEVEL_WORD[level]} ids not found in ad account ${adAccountId}: ${missing.join(', ')}. ` +
        `Check that each ${word} belongs to this ad account.`,
    );
  }
  return unique;
}

/** See World.analyticsRows. */
export function analyticsRows(
  index: WorldIndex,
  level: Level,
  adAccountId: string,
  ids: string[],
  startDate: string,
  endDate: string,
  granularity: Granularity,
  columns: string[],
  options: AnalyticsOptions = {},
  settlingDays = 0,
): AnalyticsRow[] {
  const start = parseDay(startDate);
  const end = parseDay(endDate);
  const asOf = options.asOf === undefined ? null : parseDay(options.asOf);
  if (start === null) throw invalidParameters(`start_date ${startDate} is not a valid date.`);
  if (end === null) throw invalidParameters(`end_date ${endDate} is not a valid date.`);
  if (end < start) throw invalidParameters('end_date must be on or after start_date.');
  if (asOf === null && options.asOf !== undefined) {
    throw invalidParameters(`asOf ${options.asOf} is not a valid date.`);
  }
  // Today's numbers are not in yet: an answer as of a day stops the day before.
  const last = asOf === null ? end : Math.min(end, asOf - 1);
  const entities = requestedEntities(index, level, adAccountId, ids);
  const aggregate = Boolean(options.aggregateRows) && level !== 'AD_ACCOUNT';
  const groups = aggregate ? [entities] : entities.map((id) => [id]);
  const needs = additiveNeeds(columns);
  const slots = new Map(needs.map((column, i) => [column, i]));
  const reading: Reading = {
    index,
    needs,
    factors: windowFactors(options.attribution),
    asOf,
    settlingDays,
  };

  const plans = columns.map((column) => planColumn(column, slots));
  const idKey = aggregate ? null : ID_KEY[level];

  const rows: AnalyticsRow[] = [];
  for (const group of groups) {
    const buckets = new Map<number, number[]>();
    for (let day = start; day <= last; day += 1) {
      for (const id of group) {
        const values = dayValues(reading, level, id, day);
        if (!values) continue;
        const key = bucketStart(day, granularity, start);
        const sum = buckets.get(key);
        if (!sum) buckets.set(key, values);
        else for (let i = 0; i < values.length; i += 1) sum[i] += values[i];
      }
    }
    const lineage = aggregate
      ? { account: index.adAccount(adAccountId)! }
      : index.lineage(level, group[0]);
    const rowLevel = aggregate ? 'AD_ACCOUNT' : level;
    for (const key of [...buckets.keys()].sort((a, b) => a - b)) {
      const row: AnalyticsRow = {};
      if (granularity !== 'TOTAL') row.DATE = formatDay(key);
      if (idKey) row[idKey] = group[0];
      // A bucket only exists when the entity had data, which is all an attribute-only row needs.
      if (fillRow(row, plans, buckets.get(key)!, rowLevel, lineage)) rows.push(row);
    }
  }
  return rows;
}

/** How one requested column is answered, worked out once per request. */
type ColumnPlan =
  | { kind: 'attribute'; column: string }
  | { kind: 'sum'; column: string; slot: number }
  | {
      kind: 'ratio';
      column: string;
      num: number[];
      den: number[] | null;
      up: number;
      down: number;
    };

function planColumn(column: string, slots: Map<string, number>): ColumnPlan {
  if (isAttribute(column)) return { kind: 'attribute', column };
  if (isAdditive(column)) return { kind: 'sum', column, slot: slots.get(column)! };
  const { num, den, scale } = RATIOS[column];
  const slotsOf = (parts: readonly string[]) => parts.map((part) => slots.get(part)!);
  // Dividing by 1e6 rather than multiplying by 1e-6 keeps micro-to-unit values exact.
  const up = scale >= 1 ? scale : 1;
  const down = scale < 1 ? Math.round(1 / scale) : 1;
  return { kind: 'ratio', column, num: slotsOf(num), den: den && slotsOf(den), up, down };
}

/**
 * Adds the requested columns of one bucket to `row`; false when the row must be dropped because
 * every metric in it is zero. A ratio whose denominator is zero has no value and is left out.
 */
function fillRow(
  row: AnalyticsRow,
  plans: ColumnPlan[],
  values: number[],
  level: Level,
  lineage: Lineage,
): boolean {
  const sum = (slots: number[]) => slots.reduce((total, slot) => total + values[slot], 0);
  let metrics = 0;
  let nonZero = 0;
  for (const plan of plans) {
    if (plan.kind === 'attribute') {
      const value = attributeValue(plan.column, level, lineage);
      if (value !== undefined) row[plan.column] = value;
      continue;
    }
    metrics += 1;
    let value: number;
    if (plan.kind === 'sum') {
      value = values[plan.slot];
    } else {
      const denominator = plan.den ? sum(plan.den) : 1;
      if (denominator === 0) continue;
      value = (sum(plan.num) * plan.up) / (denominator * plan.down);
    }
    row[plan.column] = value;
    if (value !== 0) nonZero += 1;
  }
  return metrics === 0 || nonZero > 0;
}

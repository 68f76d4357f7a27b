// Compares a report tab with the sandbox's ground truth: the same rows (by date, account and
// campaign) with the same numbers, and no row twice.

import { addDays } from '../../src/core/dates';
import type { Runtime } from '../../dev/runtime/runtime';

/** Additive fields: conversions among them settle over days, so late arrivals show. */
export const TRUTH_COLUMNS = [
  'SPEND_IN_MICRO_DOLLAR',
  'PAID_IMPRESSION',
  'TOTAL_CLICKTHROUGH',
  'TOTAL_CONVERSIONS',
  'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
];

/**
 * A daily campaign report of the truth fields over the last 7 days, writing to a tab named
 * after its id; `extra` overrides any of it.
 */
export function campaignReport(id: string, accountIds: string[], extra: object = {}) {
  return {
    id,
    tabName: id,
    adAccountIds: accountIds,
    level: 'CAMPAIGN',
    columns: TRUTH_COLUMNS,
    dateRange: { preset: 'LAST_7_DAYS' },
    granularity: 'DAY',
    ...extra,
  };
}

function isoDate(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** A campaign-level tab as `date|account|campaign` → the truth columns' values. */
export function tabRows(runtime: Runtime, tab: string): Map<string, number[]> {
  const sheet = runtime.spreadsheet.getSheetByName(tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const [header, ...rows] = sheet.getDataRange().getValues();
  const first = header.indexOf('Spend');
  const map = new Map<string, number[]>();
  for (const row of rows) {
    const key = `${isoDate(row[0])}|${row[1]}|${row[4]}`;
    if (map.has(key)) throw new Error(`row ${key} is in the tab twice`);
    map.set(key, row.slice(first, first + TRUTH_COLUMNS.length) as number[]);
  }
  return map;
}

/** What the tab must hold for campaigns of `accountIds` from `start` to `end`, as of `asOf`. */
export function truthRows(
  world: any,
  accountIds: string[],
  start: string,
  end: string,
  asOf: string,
): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const accountId of accountIds) {
    const ids = world.campaigns
      .filter((campaign: any) => campaign.ad_account_id === accountId)
      .map((campaign: any) => campaign.id);
    const rows = world.analyticsRows('CAMPAIGN', accountId, ids, start, end, 'DAY', TRUTH_COLUMNS, {
      asOf,
    });
    for (const row of rows) {
      map.set(
        `${row.DATE}|${accountId}|${row.CAMPAIGN_ID}`,
        TRUTH_COLUMNS.map((column) => {
          const value = (row[column] as number | undefined) ?? 0;
          return column.endsWith('_IN_MICRO_DOLLAR') ? value / 1e6 : value;
        }),
      );
    }
  }
  return map;
}

/** The keys' dates, earliest and latest. */
export function dateSpan(rows: Map<string, unknown>): [string, string] {
  const dates = [...rows.keys()].map((key) => key.slice(0, 10)).sort();
  return [dates[0], dates[dates.length - 1]];
}

export { addDays };

// Shapes shared by the sandbox world, its analytics engine and its HTTP server.
// Entities keep the Pinterest API v5 field names so they can be served as they are.

import type { Level } from './columns';

export type { Level } from './columns';
export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'TOTAL';
export const GRANULARITIES: readonly Granularity[] = ['DAY', 'WEEK', 'MONTH', 'TOTAL'];

/** Any ad entity: the spec's fields, of which only `id` is always present. */
export interface Entity {
  id: string;
  name?: string | null;
  status?: string;
  [field: string]: unknown;
}

export interface AdAccount extends Entity {
  currency?: string;
  permissions?: string[];
  owner?: { id: string; username: string };
}

export interface Campaign extends Entity {
  ad_account_id: string;
}

export interface AdGroup extends Entity {
  ad_account_id: string;
  campaign_id: string;
}

export interface Ad extends Entity {
  ad_account_id: string;
  campaign_id: string;
  ad_group_id: string;
  pin_id?: string;
}

/** The token owner, as GET /v5/user_account returns it. */
export interface UserAccount {
  id: string;
  username: string;
  account_type: 'PINNER' | 'BUSINESS';
  [field: string]: unknown;
}

/** Additive counters of one entity on one day, keyed by column name. */
export type Bucket = Record<string, number>;

/** The conversion attribution parameters of the analytics endpoints. */
export interface Attribution {
  clickWindowDays?: number;
  engagementWindowDays?: number;
  viewWindowDays?: number;
  conversionReportTime?: 'TIME_OF_AD_ACTION' | 'TIME_OF_CONVERSION';
}

export interface AnalyticsOptions {
  attribution?: Attribution;
  /** aggregate_report_rows=true: one series for all requested entities, without their id. */
  aggregateRows?: boolean;
  /**
   * YYYY-MM-DD: answer as the endpoint does when this is the served today (no rows from that
   * day on, conversions settled as far as they are by then). Absent: the final numbers.
   */
  asOf?: string;
}

export type AnalyticsRow = Record<string, unknown>;

/** A deterministic ad world plus the ground truth of what the analytics endpoints return. */
export interface World {
  /** The date the world was built for: its history ends the day before. */
  readonly today: string;
  /** Days a day's conversions take to become final (0: final at once). */
  readonly settlingDays: number;
  readonly user: UserAccount;
  readonly adAccounts: AdAccount[];
  readonly campaigns: Campaign[];
  readonly adGroups: AdGroup[];
  readonly ads: Ad[];
  /**
   * Exactly the rows the sync analytics endpoint returns for this request, as of
   * `options.asOf` (the served today) or, without it, once every conversion has settled.
   * Throws a SandboxApiError (404) for an unknown ad account or ids outside it. The endpoint's
   * date limits (90 days back, 90-day range) are not applied here, so tests may ask for any
   * range.
   */
  analyticsRows(
    level: Level,
    adAccountId: string,
    ids: string[],
    startDate: string,
    endDate: string,
    granularity: Granularity,
    columns: string[],
    options?: AnalyticsOptions,
  ): AnalyticsRow[];
  /** The ad account with this id, if the world has it. */
  adAccount(id: string): AdAccount | undefined;
  /** The campaign, ad group or ad with this id at that level, if the world has it. */
  entity(level: Exclude<Level, 'AD_ACCOUNT'>, id: string): Campaign | AdGroup | Ad | undefined;
  /**
   * Archives campaigns, ad groups and ads (any mix of ids) on `day` (YYYY-MM-DD): status
   * ARCHIVED from now on, history kept, no delivery from that day on for them or anything under
   * them. Throws a SandboxApiError (404) naming unknown ids, and then changes nothing.
   */
  archive(ids: string[], day: string): Array<{ id: string; level: Level }>;
}

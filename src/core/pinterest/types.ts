// The parts of Pinterest API v5 objects the add-on reads, with the API's own field names.

import type { ConversionReportTime, Granularity, Level, WindowDays } from './limits';

export interface AdAccount {
  id: string;
  name?: string;
  currency?: string;
  country?: string;
}

/** A campaign, ad group or ad, as the list endpoints return it. */
export interface Entity {
  id: string;
  name?: string | null;
  status?: string;
  ad_account_id?: string;
  campaign_id?: string;
  ad_group_id?: string;
}

export interface Attribution {
  clickWindowDays: WindowDays;
  engagementWindowDays: WindowDays;
  viewWindowDays: WindowDays;
  conversionReportTime: ConversionReportTime;
}

/** One synchronous analytics request, within every documented limit. */
export interface AnalyticsRequest {
  adAccountId: string;
  level: Level;
  /** Entity ids; empty at the ad account level. */
  ids: string[];
  startDate: string;
  endDate: string;
  columns: string[];
  granularity: Granularity;
  attribution: Attribution;
}

/** A flat analytics row: requested columns plus DATE and the entity id key. */
export type AnalyticsRow = Record<string, unknown>;

// Pinterest API v5 limits and endpoints, kept as data: the planner and the client read these,
// so a changed limit or a new level is a one-line edit.

/** Reporting levels the synchronous analytics endpoints offer. */
export type Level = 'AD_ACCOUNT' | 'CAMPAIGN' | 'AD_GROUP' | 'AD';

export interface LevelEndpoints {
  /** Path (after the ad account) listing the level's entities; none for the account itself. */
  listPath?: string;
  /** Path (after the ad account) of the level's synchronous analytics. */
  analyticsPath: string;
  /** Query parameter carrying entity ids (repeated key per id). */
  idParam?: string;
  /** Key of the entity id in analytics rows. */
  idColumn: string;
  maxIdsPerRequest: number;
}

export const LEVELS: Record<Level, LevelEndpoints> = {
  AD_ACCOUNT: { analyticsPath: '/analytics', idColumn: 'AD_ACCOUNT_ID', maxIdsPerRequest: 1 },
  CAMPAIGN: {
    listPath: '/campaigns',
    analyticsPath: '/campaigns/analytics',
    idParam: 'campaign_ids',
    idColumn: 'CAMPAIGN_ID',
    maxIdsPerRequest: 250,
  },
  AD_GROUP: {
    listPath: '/ad_groups',
    analyticsPath: '/ad_groups/analytics',
    idParam: 'ad_group_ids',
    idColumn: 'AD_GROUP_ID',
    maxIdsPerRequest: 250,
  },
  AD: {
    listPath: '/ads',
    analyticsPath: '/ads/analytics',
    idParam: 'ad_ids',
    idColumn: 'AD_ID',
    maxIdsPerRequest: 250,
  },
};

export const LIMITS = {
  /** Synchronous analytics reach no further back than this many days before today (UTC). */
  syncMaxDaysBack: 90,
  /** Days one synchronous analytics request may cover, counting both ends. */
  syncMaxDaysPerRequest: 90,
  /** List endpoints' largest page. */
  maxPageSize: 250,
  /**
   * Apps Script refuses URLs over 2,082 characters; GET analytics carry ids and columns in the
   * query, so requests are packed to stay under this, with a margin for the host name.
   */
  maxUrlLength: 2000,
  /** Requests a minute per user for the ads_analytics category (Standard access). */
  analyticsPerMinute: 300,
} as const;

/** Entity statuses requested when listing, so archived entities' history is reported too. */
export const ALL_ENTITY_STATUSES = ['ACTIVE', 'PAUSED', 'ARCHIVED'] as const;

/** Attribution window values the API accepts, in days. */
export const WINDOW_DAYS = [0, 1, 7, 14, 30, 60] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];

export const CONVERSION_REPORT_TIMES = ['TIME_OF_AD_ACTION', 'TIME_OF_CONVERSION'] as const;
export type ConversionReportTime = (typeof CONVERSION_REPORT_TIMES)[number];

export const GRANULARITIES = ['DAY', 'WEEK', 'MONTH', 'TOTAL'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

// Attribute columns of the analytics endpoints: names, ids, statuses and budgets read from the
// entity a row describes and its parents. An attribute below the requested level (AD_NAME in a
// campaign report) has no value and, like any column without a value, is left out of the row.

import { LEVELS, type Level } from './columns';
import type { Ad, AdAccount, AdGroup, Campaign } from './types';

/** The entity a row describes and its parents; lower levels are absent above their level. */
export interface Lineage {
  account: AdAccount;
  campaign?: Campaign;
  adGroup?: AdGroup;
  ad?: Ad;
  /** Length in seconds of the ad's video, for VIDEO_LENGTH; only generated video ads have one. */
  videoLength?: number;
}

interface Attribute {
  level: Level;
  get(lineage: Lineage): unknown;
}

const micro = (value: unknown) => (typeof value === 'number' ? value / 1e6 : undefined);
const id = (entity: { id: string } | undefined) => entity?.id;

const ATTRIBUTES: Readonly<Record<string, Attribute>> = {
  AD_ACCOUNT_ID: { level: 'AD_ACCOUNT', get: (l) => l.account.id },
  ADVERTISER_ID: { level: 'AD_ACCOUNT', get: (l) => l.account.id },
  CAMPAIGN_ID: { level: 'CAMPAIGN', get: (l) => id(l.campaign) },
  CAMPAIGN_NAME: { level: 'CAMPAIGN', get: (l) => l.campaign?.name },
  CAMPAIGN_ENTITY_STATUS: { level: 'CAMPAIGN', get: (l) => l.campaign?.status },
  CAMPAIGN_OBJECTIVE_TYPE: { level: 'CAMPAIGN', get: (l) => l.campaign?.objective_type },
  CAMPAIGN_LIFETIME_SPEND_CAP: { level: 'CAMPAIGN', get: (l) => l.campaign?.lifetime_spend_cap },
  CAMPAIGN_DAILY_SPEND_CAP: { level: 'CAMPAIGN', get: (l) => l.campaign?.daily_spend_cap },
  CAMPAIGN_BUDGET_OPTIMIZATION: {
    level: 'CAMPAIGN',
    get: (l) => l.campaign?.is_campaign_budget_optimization,
  },
  IS_PREMIERE_CAMPAIGN: { level: 'CAMPAIGN', get: (l) => (l.campaign ? false : undefined) },
  ORDER_LINE_ID: { level: 'CAMPAIGN', get: (l) => l.campaign?.order_line_id },
  // The sandbox world has no brand labels, order line names, promotions or product groups.
  CAMPAIGN_BRAND_LABEL: { level: 'CAMPAIGN', get: () => undefined },
  ORDER_LINE_NAME: { level: 'CAMPAIGN', get: () => undefined },
  AD_GROUP_ID: { level: 'AD_GROUP', get: (l) => id(l.adGroup) },
  AD_GROUP_NAME: { level: 'AD_GROUP', get: (l) => l.adGroup?.name },
  AD_GROUP_ENTITY_STATUS: { level: 'AD_GROUP', get: (l) => l.adGroup?.status },
  AD_GROUP_BUDGET_TYPE: { level: 'AD_GROUP', get: (l) => l.adGroup?.budget_type },
  AD_GROUP_BUDGET_IN_LOCAL_CURRENCY: {
    level: 'AD_GROUP',
    get: (l) => micro(l.adGroup?.budget_in_micro_currency),
  },
  AD_GROUP_BID_MULTIPLIER: { level: 'AD_GROUP', get: (l) => l.adGroup?.bid_multiplier },
  AD_GROUP_OPTIMIZATION: { level: 'AD_GROUP', get: (l) => l.adGroup?.billable_event },
  PROMO_ID: { level: 'AD_GROUP', get: () => undefined },
  PROMO_NAME: { level: 'AD_GROUP', get: () => undefined },
  AD_ID: { level: 'AD', get: (l) => id(l.ad) },
  PIN_PROMOTION_ID: { level: 'AD', get: (l) => id(l.ad) },
  AD_NAME: { level: 'AD', get: (l) => l.ad?.name },
  PIN_ID: { level: 'AD', get: (l) => l.ad?.pin_id },
  VIDEO_LENGTH: { level: 'AD', get: (l) => l.videoLength },
  PRODUCT_GROUP_AD_IMAGE_TAG: { level: 'AD', get: () => undefined },
  PRODUCT_GROUP_AD_VIDEO_TAG: { level: 'AD', get: () => undefined },
};

export function isAttribute(column: string): boolean {
  return column in ATTRIBUTES;
}

/** The attribute's value for a row at `level`, or undefined when the row has none. */
export function attributeValue(column: string, level: Level, lineage: Lineage): unknown {
  const attribute = ATTRIBUTES[column];
  if (!attribute || LEVELS.indexOf(attribute.level) > LEVELS.indexOf(level)) return undefined;
  const value = attribute.get(lineage);
  return value === null ? undefined : value;
}

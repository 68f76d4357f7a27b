// The entities of the generated world: the user, four ad accounts, and campaigns, ad groups and
// ads with Pinterest's field names, statuses, budgets and lifetimes.

import type { AdProfile, Creative } from './metrics';
import { AD_GROUP_NAMES, AD_NAMES, PLAIN_CAMPAIGN_NAMES, TRICKY_CAMPAIGN_NAMES } from './names';
import { digitId, intBetween, pick } from './random';
import { daySeconds } from './dates';
import type { AdAccount, AdGroup, Campaign, UserAccount } from './types';

export interface AccountPlan {
  currency: string;
  country: string;
  name: string;
  idLength: number;
  shared: boolean;
  /** Roughly how many units of this currency one US dollar buys; scales budgets and spend. */
  perDollar: number;
}

export const ACCOUNT_PLANS: readonly AccountPlan[] = [
  {
    currency: 'USD',
    country: 'US',
    name: 'Acme Outdoor US',
    idLength: 12,
    shared: false,
    perDollar: 1,
  },
  {
    currency: 'EUR',
    country: 'DE',
    name: 'Acme Europe, GmbH',
    idLength: 12,
    shared: false,
    perDollar: 0.92,
  },
  {
    currency: 'JPY',
    country: 'JP',
    name: 'アクメ 日本',
    idLength: 15,
    shared: false,
    perDollar: 150,
  },
  {
    currency: 'GBP',
    country: 'GB',
    name: 'Acme UK "Agency"',
    idLength: 18,
    shared: true,
    perDollar: 0.79,
  },
];

const STATUS_CYCLE = ['ACTIVE', 'PAUSED', 'ARCHIVED'] as const;
const SUMMARY = {
  campaign: { ACTIVE: 'RUNNING', PAUSED: 'PAUSED', ARCHIVED: 'ARCHIVED' },
  ad: { ACTIVE: 'APPROVED', PAUSED: 'PAUSED', ARCHIVED: 'ARCHIVED' },
} as const;
const OBJECTIVES = ['AWARENESS', 'CONSIDERATION', 'WEB_CONVERSION', 'CATALOG_SALES'] as const;
const CREATIVE_CYCLE: readonly Creative[] = [
  'REGULAR',
  'VIDEO',
  'REGULAR',
  'CAROUSEL',
  'VIDEO',
  'IDEA',
  'REGULAR',
  'SHOWCASE',
  'QUIZ',
];

type Status = (typeof STATUS_CYCLE)[number];

/** The days an entity could deliver: from its creation until it was paused or archived. */
export interface Span {
  from: number;
  until: number;
}

export function makeUser(next: () => number): UserAccount {
  return {
    account_type: 'BUSINESS',
    id: digitId(next, 18),
    username: 'acme_outdoor',
    business_name: 'Acme Outdoor',
    profile_image: 'https://www.example.com/avatar.png',
    website_url: 'https://www.example.com',
    about: 'Garden, patio and outdoor gear.',
    board_count: 14,
    pin_count: 339,
    follower_count: 1280,
    following_count: 87,
    monthly_views: 45210,
  };
}

export function makeAccount(
  plan: AccountPlan,
  user: UserAccount,
  next: () => number,
  today: number,
) {
  const created = daySeconds(today - intBetween(next, 400, 900));
  const owner = plan.shared
    ? { id: digitId(next, 18), username: 'acme_uk_agency' }
    : { id: user.id, username: user.username };
  const account: AdAccount = {
    id: digitId(next, plan.idLength),
    name: plan.name,
    owner,
    country: plan.country,
    currency: plan.currency,
    permissions: plan.shared ? ['ANALYST'] : ['OWNER'],
    created_time: created,
    updated_time: created + intBetween(next, 1000, 9_000_000),
  };
  return account;
}

function lifecycle(status: Status, created: number, next: () => number, today: number): Span {
  if (status === 'ACTIVE') return { from: created, until: today - 1 };
  const latest = Math.max(created, today - 2);
  return { from: created, until: Math.min(latest, created + intBetween(next, 15, 140)) };
}

function timestamps(span: Span, status: Status, next: () => number) {
  const created = daySeconds(span.from) + intBetween(next, 0, 86_399);
  const changed = status === 'ACTIVE' ? span.from + 1 : span.until + 1;
  return { created_time: created, updated_time: daySeconds(changed) + intBetween(next, 0, 86_399) };
}

export function makeCampaign(
  account: AdAccount,
  plan: AccountPlan,
  index: number,
  nameIndex: number,
  next: () => number,
  today: number,
) {
  const status = STATUS_CYCLE[index % 3];
  const span = lifecycle(status, today - intBetween(next, 30, 150), next, today);
  const cap = Math.round(intBetween(next, 50, 500) * plan.perDollar) * 1_000_000;
  const name =
    nameIndex < TRICKY_CAMPAIGN_NAMES.length
      ? TRICKY_CAMPAIGN_NAMES[nameIndex]
      : pick(next, PLAIN_CAMPAIGN_NAMES);
  const times = timestamps(span, status, next);
  return {
    id: '',
    ad_account_id: account.id,
    name,
    status,
    lifetime_spend_cap: index % 2 === 1 ? cap * 30 : null,
    daily_spend_cap: index % 2 === 0 ? cap : null,
    order_line_id: null,
    tracking_urls: null,
    start_time: times.created_time,
    end_time: status === 'ARCHIVED' ? daySeconds(span.until + 1) : null,
    summary_status: SUMMARY.campaign[status],
    is_campaign_budget_optimization: index % 3 === 1,
    is_flexible_daily_budgets: false,
    is_performance_plus: false,
    is_automated_campaign: false,
    objective_type: OBJECTIVES[index % OBJECTIVES.length],
    ...times,
    type: 'campaign',
    span,
  };
}

export function makeAdGroup(
  campaign: Campaign & { span: Span },
  plan: AccountPlan,
  statusIndex: number,
  nameIndex: number,
  next: () => number,
  today: number,
) {
  const status = STATUS_CYCLE[statusIndex % 3];
  const created = Math.min(today - 5, campaign.span.from + intBetween(next, 0, 10));
  const span = lifecycle(status, created, next, today);
  const times = timestamps(span, status, next);
  return {
    id: '',
    ad_account_id: campaign.ad_account_id,
    campaign_id: campaign.id,
    parent: campaign,
    name: AD_GROUP_NAMES[nameIndex % AD_GROUP_NAMES.length],
    status,
    budget_in_micro_currency: Math.round(intBetween(next, 20, 200) * plan.perDollar) * 1_000_000,
    bid_in_micro_currency: null,
    budget_type: 'DAILY',
    start_time: times.created_time,
    end_time: null,
    targeting_spec: {
      AGE_BUCKET: ['25-34', '35-44'],
      GENDER: ['female'],
      LOCATION: [plan.country],
    },
    lifetime_frequency_cap: -1,
    tracking_urls: null,
    auto_targeting_enabled: true,
    placement_group: 'ALL',
    pacing_delivery_type: 'STANDARD',
    conversion_learning_mode_type: null,
    summary_status: SUMMARY.campaign[status],
    feed_profile_id: '0',
    billable_event: statusIndex % 2 === 0 ? 'CLICKTHROUGH' : 'IMPRESSION',
    bid_strategy_type: 'AUTOMATIC_BID',
    bid_multiplier: 1,
    is_creative_optimization: false,
    ...times,
    type: 'adgroup',
    span,
  };
}

export function makeAd(
  adGroup: AdGroup & { span: Span },
  plan: AccountPlan,
  statusIndex: number,
  index: number,
  next: () => number,
  today: number,
) {
  const status = STATUS_CYCLE[statusIndex % 3];
  const created = Math.min(today - 3, adGroup.span.from + intBetween(next, 0, 10));
  const span = lifecycle(status, created, next, today);
  const creative = CREATIVE_CYCLE[index % CREATIVE_CYCLE.length];
  const profile: AdProfile = {
    creative,
    impressions: intBetween(next, 300, 4000),
    ctr: 0.004 + 0.02 * next(),
    cpcMicro: Math.round((0.3 + 1.5 * next()) * 1e6 * plan.perDollar),
    conversionRate: 0.01 + 0.05 * next(),
    orderValueMicro: Math.round((20 + 80 * next()) * 1e6 * plan.perDollar),
  };
  return {
    id: '',
    ad_group_id: adGroup.id,
    ad_account_id: adGroup.ad_account_id,
    campaign_id: adGroup.campaign_id,
    parent: adGroup,
    pin_id: digitId(next, 18),
    name: AD_NAMES[index % AD_NAMES.length],
    status,
    creative_type: creative,
    destination_url: `https://www.example.com/p/${index + 1}?utm_source=pinterest`,
    click_tracking_url: null,
    view_tracking_url: null,
    android_deep_link: null,
    ios_deep_link: null,
    carousel_android_deep_links: null,
    carousel_destination_urls: null,
    carousel_ios_deep_links: null,
    is_pin_deleted: false,
    is_removable: false,
    lead_form_id: null,
    grid_click_type: 'CLOSEUP',
    customizable_cta_type: null,
    quiz_pin_data: null,
    tracking_urls: null,
    collection_items_destination_url_template: null,
    rejected_reasons: [],
    rejection_labels: [],
    review_status: 'APPROVED',
    summary_status: SUMMARY.ad[status],
    ...timestamps(span, status, next),
    type: 'pinpromotion',
    span,
    profile,
  };
}

/** Gives ids in creation order, so that a higher id is a newer entity, as on Pinterest. */

// How the sandbox answers each reporting column: daily counters stored per entity (leaves),
// totals of other counters, ratios of summed counters, and attributes read from the entities.
// Adding a column is one line in one of these tables.

export type Level = 'AD_ACCOUNT' | 'CAMPAIGN' | 'AD_GROUP' | 'AD';
export const LEVELS: readonly Level[] = ['AD_ACCOUNT', 'CAMPAIGN', 'AD_GROUP', 'AD'];

/** Which attribution window scales a conversion counter. */
export type Window = 'click' | 'view' | 'engagement';

const C = 'click' as const;
const V = 'view' as const;
const E = 'engagement' as const;

/**
 * Counters stored per entity per day. Conversion counters name the window that scales them;
 * a few counters outside the sync column set (e.g. TOTAL_SEARCH) exist so that the sync ratios
 * have components.
 */
export const LEAF_COLUMNS: Readonly<Record<string, Window | null>> = {
  SPEND_IN_MICRO_DOLLAR: null,
  IMPRESSION_1: null,
  IMPRESSION_1_GROSS: null,
  IMPRESSION_2: null,
  TOTAL_IMPRESSION_USER: null,
  CLICKTHROUGH_1: null,
  CLICKTHROUGH_1_GROSS: null,
  CLICKTHROUGH_2: null,
  OUTBOUND_CLICK_1: null,
  OUTBOUND_CLICK_2: null,
  REPIN_1: null,
  REPIN_2: null,
  ENGAGEMENT_1: null,
  ENGAGEMENT_2: null,
  WEB_SESSIONS_1: null,
  WEB_SESSIONS_2: null,
  TOTAL_CLICK_SIGNUP: C,
  TOTAL_CLICK_SIGNUP_VALUE_IN_MICRO_DOLLAR: C,
  TOTAL_CLICK_CHECKOUT: C,
  TOTAL_CLICK_CHECKOUT_VALUE_IN_MICRO_DOLLAR: C,
  TOTAL_CLICK_ADD_TO_CART: C,
  TOTAL_CLICK_LEAD: C,
  TOTAL_WEB_CLICK_CHECKOUT: C,
  TOTAL_WEB_CLICK_CHECKOUT_VALUE_IN_MICRO_DOLLAR: C,
  TOTAL_VIEW_SIGNUP: V,
  TOTAL_VIEW_SIGNUP_VALUE_IN_MICRO_DOLLAR: V,
  TOTAL_VIEW_CHECKOUT: V,
  TOTAL_VIEW_CHECKOUT_VALUE_IN_MICRO_DOLLAR: V,
  TOTAL_VIEW_ADD_TO_CART: V,
  TOTAL_VIEW_LEAD: V,
  TOTAL_WEB_VIEW_CHECKOUT: V,
  TOTAL_WEB_VIEW_CHECKOUT_VALUE_IN_MICRO_DOLLAR: V,
  TOTAL_ENGAGEMENT_SIGNUP: E,
  TOTAL_ENGAGEMENT_SIGNUP_VALUE_IN_MICRO_DOLLAR: E,
  TOTAL_ENGAGEMENT_CHECKOUT: E,
  TOTAL_ENGAGEMENT_CHECKOUT_VALUE_IN_MICRO_DOLLAR: E,
  TOTAL_ENGAGEMENT_LEAD: E,
  TOTAL_WEB_ENGAGEMENT_CHECKOUT: E,
  TOTAL_WEB_ENGAGEMENT_CHECKOUT_VALUE_IN_MICRO_DOLLAR: E,
  TOTAL_PAGE_VISIT: C,
  TOTAL_WEB_PAGE_VISIT_VALUE_IN_MICRO_DOLLAR: C,
  TOTAL_CUSTOM: C,
  TOTAL_CUSTOM_VALUE_IN_MICRO_DOLLAR: C,
  TOTAL_ADD_TO_WISHLIST: C,
  TOTAL_SUBSCRIBE: C,
  TOTAL_OFFLINE_CHECKOUT: C,
  TOTAL_INAPP_CHECKOUT: C,
  TOTAL_APP_INSTALL: C,
  TOTAL_INAPP_APP_INSTALL: C,
  TOTAL_VIEW_CATEGORY: C,
  TOTAL_SEARCH: C,
  TOTAL_WATCH_VIDEO: C,
  TOTAL_UNKNOWN: C,
  VIDEO_SPEND_IN_MICRO_DOLLAR: null,
  VIDEO_3SEC_VIEWS_1: null,
  VIDEO_3SEC_VIEWS_2: null,
  VIDEO_15SEC_UNIQUE_VIEWS_1: null,
  VIDEO_15SEC_UNIQUE_VIEWS_2: null,
  VIDEO_MRC_VIEWS_1: null,
  VIDEO_MRC_VIEWS_2: null,
  VIDEO_P0_COMBINED_1: null,
  VIDEO_P25_COMBINED_1: null,
  VIDEO_P50_COMBINED_1: null,
  VIDEO_P75_COMBINED_1: null,
  VIDEO_P95_COMBINED_1: null,
  VIDEO_P100_COMPLETE_1: null,
  VIDEO_P0_COMBINED_2: null,
  VIDEO_P25_COMBINED_2: null,
  VIDEO_P50_COMBINED_2: null,
  VIDEO_P75_COMBINED_2: null,
  VIDEO_P95_COMBINED_2: null,
  VIDEO_P100_COMPLETE_2: null,
  TOTAL_VIDEO_WATCHTIME_IN_SECOND: null,
  IDEA_PIN_PRODUCT_TAG_VISIT_1: null,
  IDEA_PIN_PRODUCT_TAG_VISIT_2: null,
  LEADS: null,
  QUIZ_COMPLETED: null,
  QUIZ_PIN_RESULT_OPEN: null,
  SHOWCASE_PIN_CLICKTHROUGH: null,
  SHOWCASE_SUBPAGE_CLICKTHROUGH: null,
  SHOWCASE_SUBPIN_CLICKTHROUGH: null,
  SHOWCASE_SUBPAGE_IMPRESSION: null,
  SHOWCASE_SUBPIN_IMPRESSION: null,
  SHOWCASE_SUBPAGE_SWIPE_LEFT: null,
  SHOWCASE_SUBPAGE_SWIPE_RIGHT: null,
  SHOWCASE_SUBPIN_SWIPE_LEFT: null,
  SHOWCASE_SUBPIN_SWIPE_RIGHT: null,
  SHOWCASE_SUBPAGE_REPIN: null,
  SHOWCASE_SUBPIN_REPIN: null,
  SHOWCASE_SUBPAGE_CLOSEUP: null,
  SHOWCASE_CARD_THUMBNAIL_SWIPE_FORWARD: null,
  SHOWCASE_CARD_THUMBNAIL_SWIPE_BACKWARD: null,
};

const paidAndEarned = (stem: string) => [`${stem}_1`, `${stem}_2`];
const byWindow = (kind: string, value = false) =>
  ['CLICK', 'VIEW', 'ENGAGEMENT'].map(
    (w) => `TOTAL_${w}_${kind}${value ? '_VALUE_IN_MICRO_DOLLAR' : ''}`,
  );
const webByWindow = (value: boolean) =>
  ['CLICK', 'VIEW', 'ENGAGEMENT'].map(
    (w) => `TOTAL_WEB_${w}_CHECKOUT${value ? '_VALUE_IN_MICRO_DOLLAR' : ''}`,
  );

/** Additive columns that are the sum of other additive columns (which may be totals too). */
export const TOTALS: Readonly<Record<string, readonly string[]>> = {
  PAID_IMPRESSION: ['IMPRESSION_1'],
  TOTAL_IMPRESSION: paidAndEarned('IMPRESSION'),
  TOTAL_CLICKTHROUGH: paidAndEarned('CLICKTHROUGH'),
  TOTAL_ENGAGEMENT: paidAndEarned('ENGAGEMENT'),
  TOTAL_WEB_SESSIONS: paidAndEarned('WEB_SESSIONS'),
  TOTAL_REPIN: paidAndEarned('REPIN'),
  TOTAL_OUTBOUND_CLICK: paidAndEarned('OUTBOUND_CLICK'),
  TOTAL_SIGNUP: byWindow('SIGNUP'),
  TOTAL_SIGNUP_VALUE_IN_MICRO_DOLLAR: byWindow('SIGNUP', true),
  TOTAL_CHECKOUT: byWindow('CHECKOUT'),
  TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR: byWindow('CHECKOUT', true),
  TOTAL_LEAD: byWindow('LEAD'),
  TOTAL_ADD_TO_CART: ['TOTAL_CLICK_ADD_TO_CART', 'TOTAL_VIEW_ADD_TO_CART'],
  TOTAL_WEB_CHECKOUT: webByWindow(false),
  TOTAL_WEB_CHECKOUT_VALUE_IN_MICRO_DOLLAR: webByWindow(true),
  TOTAL_CONVERSIONS: [
    'TOTAL_CHECKOUT',
    'TOTAL_SIGNUP',
    'TOTAL_LEAD',
    'TOTAL_ADD_TO_CART',
    'TOTAL_PAGE_VISIT',
    'TOTAL_CUSTOM',
    'TOTAL_ADD_TO_WISHLIST',
    'TOTAL_SUBSCRIBE',
    'TOTAL_VIEW_CATEGORY',
    'TOTAL_SEARCH',
    'TOTAL_WATCH_VIDEO',
    'TOTAL_APP_INSTALL',
    'TOTAL_UNKNOWN',
  ],
  TOTAL_VIDEO_3SEC_VIEWS: paidAndEarned('VIDEO_3SEC_VIEWS'),
  TOTAL_VIDEO_15SEC_UNIQUE_VIEWS: paidAndEarned('VIDEO_15SEC_UNIQUE_VIEWS'),
  TOTAL_VIDEO_MRC_VIEWS: paidAndEarned('VIDEO_MRC_VIEWS'),
  TOTAL_VIDEO_P0_COMBINED: paidAndEarned('VIDEO_P0_COMBINED'),
  TOTAL_VIDEO_P25_COMBINED: paidAndEarned('VIDEO_P25_COMBINED'),
  TOTAL_VIDEO_P50_COMBINED: paidAndEarned('VIDEO_P50_COMBINED'),
  TOTAL_VIDEO_P75_COMBINED: paidAndEarned('VIDEO_P75_COMBINED'),
  TOTAL_VIDEO_P95_COMBINED: paidAndEarned('VIDEO_P95_COMBINED'),
  TOTAL_VIDEO_P100_COMPLETE: paidAndEarned('VIDEO_P100_COMPLETE'),
  TOTAL_IDEA_PIN_PRODUCT_TAG_VISIT: paidAndEarned('IDEA_PIN_PRODUCT_TAG_VISIT'),
};

/** A derived column: sum(numerator) / sum(denominator) * scale; no denominator means 1. */
export interface Ratio {
  num: readonly string[];
  den: readonly string[] | null;
  scale: number;
}

const SPEND = ['SPEND_IN_MICRO_DOLLAR'];
const VIDEO_SPEND = ['VIDEO_SPEND_IN_MICRO_DOLLAR'];
const CLICKS = ['TOTAL_CLICKTHROUGH'];
const MICRO = 1e-6;
const ratio = (num: string, den: string | null, scale = 1): Ratio => ({
  num: [num],
  den: den === null ? null : [den],
  scale,
});
const perClick = (num: string) => ({ num: [num], den: CLICKS, scale: 1 });
const costPer = (den: string, spend = SPEND) => ({ num: spend, den: [den], scale: MICRO });
const roas = (value: string) => ({ num: [value], den: SPEND, scale: 1 });

/**
 * Ratio columns, computed from the bucket's summed components at the requested level and
 * granularity. Costs without a unit in their name (COST_PER_*, *_COST_PER_ACTION) are in whole
 * units of the account currency, like the *_IN_DOLLAR columns.
 */
export const RATIOS: Readonly<Record<string, Ratio>> = {
  SPEND_IN_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', null, MICRO),
  VIDEO_SPEND_IN_DOLLAR: ratio('VIDEO_SPEND_IN_MICRO_DOLLAR', null, MICRO),
  CPC_IN_MICRO_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', 'TOTAL_CLICKTHROUGH'),
  ECPC_IN_MICRO_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', 'CLICKTHROUGH_1'),
  ECPC_IN_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', 'CLICKTHROUGH_1', MICRO),
  CTR: ratio('TOTAL_CLICKTHROUGH', 'PAID_IMPRESSION'),
  ECTR: ratio('CLICKTHROUGH_1', 'IMPRESSION_1'),
  CTR_2: ratio('CLICKTHROUGH_2', 'IMPRESSION_2'),
  OUTBOUND_CTR_1: ratio('OUTBOUND_CLICK_1', 'IMPRESSION_1'),
  ECPE_IN_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', 'ENGAGEMENT_1', MICRO),
  ENGAGEMENT_RATE: ratio('TOTAL_ENGAGEMENT', 'TOTAL_IMPRESSION'),
  EENGAGEMENT_RATE: ratio('ENGAGEMENT_1', 'IMPRESSION_1'),
  ECPM_IN_MICRO_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', 'IMPRESSION_1', 1000),
  CPM_IN_MICRO_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', 'PAID_IMPRESSION', 1000),
  CPM_IN_DOLLAR: ratio('SPEND_IN_MICRO_DOLLAR', 'PAID_IMPRESSION', 1000 * MICRO),
  REPIN_RATE: ratio('REPIN_1', 'IMPRESSION_1'),
  TOTAL_REPIN_RATE: ratio('TOTAL_REPIN', 'TOTAL_IMPRESSION'),
  TOTAL_IMPRESSION_FREQUENCY: ratio('TOTAL_IMPRESSION', 'TOTAL_IMPRESSION_USER'),
  COST_PER_OUTBOUND_CLICK_IN_DOLLAR: costPer('TOTAL_OUTBOUND_CLICK'),
  COST_PER_OUTBOUND_CLICK_IN_DOLLAR_1: costPer('OUTBOUND_CLICK_1'),
  PAGE_VISIT_COST_PER_ACTION: costPer('TOTAL_PAGE_VISIT'),
  WEB_CHECKOUT_COST_PER_ACTION: costPer('TOTAL_WEB_CHECKOUT'),
  INAPP_CHECKOUT_COST_PER_ACTION: costPer('TOTAL_INAPP_CHECKOUT'),
  COST_PER_LEAD: costPer('LEADS'),
  PAGE_VISIT_ROAS: roas('TOTAL_WEB_PAGE_VISIT_VALUE_IN_MICRO_DOLLAR'),
  CHECKOUT_ROAS: roas('TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR'),
  CUSTOM_ROAS: roas('TOTAL_CUSTOM_VALUE_IN_MICRO_DOLLAR'),
  WEB_CHECKOUT_ROAS: roas('TOTAL_WEB_CHECKOUT_VALUE_IN_MICRO_DOLLAR'),
  PAID_VIDEO_VIEWABLE_RATE: ratio('VIDEO_MRC_VIEWS_1', 'IMPRESSION_1'),
  ECPV_IN_DOLLAR: costPer('VIDEO_3SEC_VIEWS_1', VIDEO_SPEND),
  ECPCV_IN_DOLLAR: costPer('VIDEO_P100_COMPLETE_1', VIDEO_SPEND),
  ECPCV_P95_IN_DOLLAR: costPer('VIDEO_P95_COMBINED_1', VIDEO_SPEND),
  TOTAL_VIDEO_AVG_WATCHTIME_IN_SECOND: ratio(
    'TOTAL_VIDEO_WATCHTIME_IN_SECOND',
    'TOTAL_VIDEO_P0_COMBINED',
  ),
  TOTAL_APP_INSTALL_CONVERSION_RATE: perClick('TOTAL_APP_INSTALL'),
  TOTAL_INAPP_APP_INSTALL_CONVERSION_RATE: perClick('TOTAL_INAPP_APP_INSTALL'),
  QUIZ_COMPLETION_RATE: perClick('QUIZ_COMPLETED'),
  SHOWCASE_AVERAGE_SUBPAGE_CLOSEUP_PER_SESSION: ratio(
    'SHOWCASE_SUBPAGE_CLOSEUP',
    'SHOWCASE_PIN_CLICKTHROUGH',
  ),
  TOTAL_CHECKOUT_CONVERSION_RATE: perClick('TOTAL_CHECKOUT'),
  TOTAL_VIEW_CATEGORY_CONVERSION_RATE: perClick('TOTAL_VIEW_CATEGORY'),
  TOTAL_ADD_TO_CART_CONVERSION_RATE: perClick('TOTAL_ADD_TO_CART'),
  TOTAL_SIGNUP_CONVERSION_RATE: perClick('TOTAL_SIGNUP'),
  TOTAL_PAGE_VISIT_CONVERSION_RATE: perClick('TOTAL_PAGE_VISIT'),
  TOTAL_LEAD_CONVERSION_RATE: perClick('TOTAL_LEAD'),
  TOTAL_SEARCH_CONVERSION_RATE: perClick('TOTAL_SEARCH'),
  TOTAL_WATCH_VIDEO_CONVERSION_RATE: perClick('TOTAL_WATCH_VIDEO'),
  TOTAL_UNKNOWN_CONVERSION_RATE: perClick('TOTAL_UNKNOWN'),
  TOTAL_CUSTOM_CONVERSION_RATE: perClick('TOTAL_CUSTOM'),
};

/** True for counters and totals: the columns whose values add up across days and children. */
export function isAdditive(column: string): boolean {
  return column in LEAF_COLUMNS || column in TOTALS;
}

/**
 * The window that scales a stored value. A total given directly (only world files do that)
 * is scaled like its conversion parts, by the click window.
 */
export function windowOf(column: string): Window | null {
  let window = windows.get(column);
  if (window === undefined) {
    const parts = TOTALS[column];
    if (column in LEAF_COLUMNS) window = LEAF_COLUMNS[column];
    else window = parts?.some((part) => windowOf(part) !== null) ? 'click' : null;
    windows.set(column, window);
  }
  return window;
}

const windows = new Map<string, Window | null>();

/** The additive columns needed to answer `columns` (their own names plus ratio parts). */
export function additiveNeeds(columns: readonly string[]): string[] {
  const needs = new Set<string>();
  for (const column of columns) {
    if (isAdditive(column)) needs.add(column);
    const r = RATIOS[column];
    if (r) [...r.num, ...(r.den ?? [])].forEach((part) => needs.add(part));
  }
  return [...needs];
}

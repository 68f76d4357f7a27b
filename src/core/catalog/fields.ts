// The field catalog: every synchronous analytics column of Pinterest API v5 with a label, a
// category and a unit. Adding a column is one row; test/unit/catalog.test.ts keeps it equal
// to the spec's `columns` enum.

/** How a column's value is measured, which decides conversion and the Sheet's number format. */
export type Unit =
  | 'count' // a whole number of events
  | 'money_micro' // millionths of the ad account's currency: divided by 1,000,000 when shaped
  | 'money' // whole units of the ad account's currency, as the API sends them
  | 'ratio' // a fraction (0.0123 = 1.23 %)
  | 'number' // any other decimal (ROAS, frequency, multipliers)
  | 'seconds'
  | 'id' // digits kept as text: ids reach 18 digits, beyond what a number keeps exactly
  | 'text';

export type Category =
  | 'attributes'
  | 'delivery'
  | 'clicks'
  | 'engagement'
  | 'cost'
  | 'conversions'
  | 'conversion_value'
  | 'video'
  | 'showcase'
  | 'quiz'
  | 'idea_pins';

export interface Field {
  /** The API's column name, as the API spells it. */
  column: string;
  label: string;
  category: Category;
  unit: Unit;
}

type Row = [column: string, label: string, category: Category, unit: Unit];

// Order follows the spec's enum. Labels are unique: they become column headers.
const ROWS: Row[] = [
  ['SPEND_IN_MICRO_DOLLAR', 'Spend', 'cost', 'money_micro'],
  ['PAID_IMPRESSION', 'Paid impression', 'delivery', 'count'],
  ['SPEND_IN_DOLLAR', 'Spend (units)', 'cost', 'money'],
  ['CPC_IN_MICRO_DOLLAR', 'CPC', 'cost', 'money_micro'],
  ['ECPC_IN_MICRO_DOLLAR', 'ECPC', 'cost', 'money_micro'],
  ['ECPC_IN_DOLLAR', 'ECPC (units)', 'cost', 'money'],
  ['CTR', 'CTR', 'clicks', 'ratio'],
  ['ECTR', 'Effective CTR', 'clicks', 'ratio'],
  ['OUTBOUND_CTR_1', 'Outbound CTR (paid)', 'clicks', 'ratio'],
  ['CAMPAIGN_NAME', 'Campaign name', 'attributes', 'text'],
  ['CAMPAIGN_BRAND_LABEL', 'Campaign brand label', 'attributes', 'text'],
  ['PIN_ID', 'Pin ID', 'attributes', 'id'],
  ['TOTAL_ENGAGEMENT', 'Total engagement', 'engagement', 'count'],
  ['ENGAGEMENT_1', 'Engagement (paid)', 'engagement', 'count'],
  ['ENGAGEMENT_2', 'Engagement (earned)', 'engagement', 'count'],
  ['ECPE_IN_DOLLAR', 'ECPE (units)', 'cost', 'money'],
  ['ENGAGEMENT_RATE', 'Engagement rate', 'engagement', 'ratio'],
  ['EENGAGEMENT_RATE', 'Effective engagement rate', 'engagement', 'ratio'],
  ['ECPM_IN_MICRO_DOLLAR', 'ECPM', 'cost', 'money_micro'],
  ['REPIN_RATE', 'Save rate', 'engagement', 'ratio'],
  ['CTR_2', 'CTR (earned)', 'clicks', 'ratio'],
  ['CAMPAIGN_ID', 'Campaign ID', 'attributes', 'id'],
  ['ADVERTISER_ID', 'Advertiser ID', 'attributes', 'id'],
  ['AD_ACCOUNT_ID', 'Ad account ID', 'attributes', 'id'],
  ['PIN_PROMOTION_ID', 'Pin promotion ID', 'attributes', 'id'],
  ['AD_ID', 'Ad ID', 'attributes', 'id'],
  ['AD_GROUP_ID', 'Ad group ID', 'attributes', 'id'],
  ['CAMPAIGN_ENTITY_STATUS', 'Campaign status', 'attributes', 'text'],
  ['CAMPAIGN_OBJECTIVE_TYPE', 'Campaign objective', 'attributes', 'text'],
  ['CPM_IN_MICRO_DOLLAR', 'CPM', 'cost', 'money_micro'],
  ['CPM_IN_DOLLAR', 'CPM (units)', 'cost', 'money'],
  ['AD_GROUP_NAME', 'Ad group name', 'attributes', 'text'],
  ['AD_GROUP_BUDGET_TYPE', 'Ad group budget type', 'attributes', 'text'],
  ['AD_GROUP_BUDGET_IN_LOCAL_CURRENCY', 'Ad group budget', 'attributes', 'money'],
  ['AD_GROUP_ENTITY_STATUS', 'Ad group status', 'attributes', 'text'],
  ['AD_GROUP_BID_MULTIPLIER', 'Ad group bid multiplier', 'attributes', 'number'],
  ['PROMO_ID', 'Promo ID', 'attributes', 'id'],
  ['PROMO_NAME', 'Promo name', 'attributes', 'text'],
  ['ORDER_LINE_ID', 'Order line ID', 'attributes', 'id'],
  ['ORDER_LINE_NAME', 'Order line name', 'attributes', 'text'],
  ['CLICKTHROUGH_1', 'Clickthrough (paid)', 'clicks', 'count'],
  ['REPIN_1', 'Save (paid)', 'engagement', 'count'],
  ['IMPRESSION_1', 'Impression (paid)', 'delivery', 'count'],
  ['IMPRESSION_1_GROSS', 'Impression gross (paid)', 'delivery', 'count'],
  ['CLICKTHROUGH_1_GROSS', 'Clickthrough gross (paid)', 'clicks', 'count'],
  ['OUTBOUND_CLICK_1', 'Outbound click (paid)', 'clicks', 'count'],
  ['CLICKTHROUGH_2', 'Clickthrough (earned)', 'clicks', 'count'],
  ['REPIN_2', 'Save (earned)', 'engagement', 'count'],
  ['IMPRESSION_2', 'Impression (earned)', 'delivery', 'count'],
  ['OUTBOUND_CLICK_2', 'Outbound click (earned)', 'clicks', 'count'],
  ['TOTAL_CLICKTHROUGH', 'Total clickthrough', 'clicks', 'count'],
  ['TOTAL_IMPRESSION', 'Total impression', 'delivery', 'count'],
  ['TOTAL_IMPRESSION_USER', 'Total impression user', 'delivery', 'count'],
  ['TOTAL_IMPRESSION_FREQUENCY', 'Total impression frequency', 'delivery', 'number'],
  ['COST_PER_OUTBOUND_CLICK_IN_DOLLAR', 'Cost per outbound click (units)', 'cost', 'money'],
  [
    'COST_PER_OUTBOUND_CLICK_IN_DOLLAR_1',
    'Cost per outbound click (paid) (units)',
    'cost',
    'money',
  ],
  ['TOTAL_ENGAGEMENT_SIGNUP', 'Total engagement sign-up', 'conversions', 'count'],
  ['TOTAL_ENGAGEMENT_CHECKOUT', 'Total engagement checkout', 'conversions', 'count'],
  ['TOTAL_ENGAGEMENT_LEAD', 'Total engagement lead', 'conversions', 'count'],
  ['TOTAL_CLICK_SIGNUP', 'Total click sign-up', 'conversions', 'count'],
  ['TOTAL_CLICK_CHECKOUT', 'Total click checkout', 'conversions', 'count'],
  ['TOTAL_CLICK_ADD_TO_CART', 'Total click add to cart', 'conversions', 'count'],
  ['TOTAL_CLICK_LEAD', 'Total click lead', 'conversions', 'count'],
  ['TOTAL_VIEW_SIGNUP', 'Total view sign-up', 'conversions', 'count'],
  ['TOTAL_VIEW_CHECKOUT', 'Total view checkout', 'conversions', 'count'],
  ['TOTAL_VIEW_ADD_TO_CART', 'Total view add to cart', 'conversions', 'count'],
  ['TOTAL_VIEW_LEAD', 'Total view lead', 'conversions', 'count'],
  ['TOTAL_CONVERSIONS', 'Total conversions', 'conversions', 'count'],
  [
    'TOTAL_ENGAGEMENT_SIGNUP_VALUE_IN_MICRO_DOLLAR',
    'Total engagement sign-up value',
    'conversion_value',
    'money_micro',
  ],
  [
    'TOTAL_ENGAGEMENT_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total engagement checkout value',
    'conversion_value',
    'money_micro',
  ],
  [
    'TOTAL_CLICK_SIGNUP_VALUE_IN_MICRO_DOLLAR',
    'Total click sign-up value',
    'conversion_value',
    'money_micro',
  ],
  [
    'TOTAL_CLICK_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total click checkout value',
    'conversion_value',
    'money_micro',
  ],
  [
    'TOTAL_VIEW_SIGNUP_VALUE_IN_MICRO_DOLLAR',
    'Total view sign-up value',
    'conversion_value',
    'money_micro',
  ],
  [
    'TOTAL_VIEW_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total view checkout value',
    'conversion_value',
    'money_micro',
  ],
  ['TOTAL_WEB_SESSIONS', 'Total web sessions', 'conversions', 'count'],
  ['WEB_SESSIONS_1', 'Web sessions (paid)', 'conversions', 'count'],
  ['WEB_SESSIONS_2', 'Web sessions (earned)', 'conversions', 'count'],
  ['AD_NAME', 'Ad name', 'attributes', 'text'],
  ['CAMPAIGN_LIFETIME_SPEND_CAP', 'Campaign lifetime spend cap', 'attributes', 'money_micro'],
  ['AD_GROUP_OPTIMIZATION', 'Ad group optimization', 'attributes', 'text'],
  ['CAMPAIGN_DAILY_SPEND_CAP', 'Campaign daily spend cap', 'attributes', 'money_micro'],
  ['CAMPAIGN_BUDGET_OPTIMIZATION', 'Campaign budget optimization', 'attributes', 'text'],
  ['IS_PREMIERE_CAMPAIGN', 'Premiere campaign', 'attributes', 'text'],
  ['TOTAL_PAGE_VISIT', 'Total page visit', 'conversions', 'count'],
  ['TOTAL_SIGNUP', 'Total sign-up', 'conversions', 'count'],
  ['TOTAL_CHECKOUT', 'Total checkout', 'conversions', 'count'],
  ['TOTAL_CUSTOM', 'Total custom', 'conversions', 'count'],
  ['TOTAL_LEAD', 'Total lead', 'conversions', 'count'],
  ['TOTAL_ADD_TO_WISHLIST', 'Total add to wishlist', 'conversions', 'count'],
  ['TOTAL_SUBSCRIBE', 'Total subscribe', 'conversions', 'count'],
  ['TOTAL_SIGNUP_VALUE_IN_MICRO_DOLLAR', 'Total sign-up value', 'conversion_value', 'money_micro'],
  [
    'TOTAL_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total checkout value',
    'conversion_value',
    'money_micro',
  ],
  ['TOTAL_CUSTOM_VALUE_IN_MICRO_DOLLAR', 'Total custom value', 'conversion_value', 'money_micro'],
  ['PAGE_VISIT_COST_PER_ACTION', 'Page visit cost per action', 'conversions', 'money'],
  ['PAGE_VISIT_ROAS', 'Page visit ROAS', 'conversion_value', 'number'],
  ['CHECKOUT_ROAS', 'Checkout ROAS', 'conversion_value', 'number'],
  ['CUSTOM_ROAS', 'Custom ROAS', 'conversion_value', 'number'],
  ['PRODUCT_GROUP_AD_IMAGE_TAG', 'Product group ad image tag', 'attributes', 'text'],
  ['PRODUCT_GROUP_AD_VIDEO_TAG', 'Product group ad video tag', 'attributes', 'text'],
  ['VIDEO_3SEC_VIEWS_1', 'Video 3-second views (paid)', 'video', 'count'],
  ['VIDEO_15SEC_UNIQUE_VIEWS_1', 'Video 15-second unique views (paid)', 'video', 'count'],
  ['VIDEO_MRC_VIEWS_1', 'Video MRC views (paid)', 'video', 'count'],
  ['VIDEO_3SEC_VIEWS_2', 'Video 3-second views (earned)', 'video', 'count'],
  ['VIDEO_15SEC_UNIQUE_VIEWS_2', 'Video 15-second unique views (earned)', 'video', 'count'],
  ['VIDEO_P100_COMPLETE_2', 'Video 100% complete (earned)', 'video', 'count'],
  ['VIDEO_P0_COMBINED_2', 'Video 0% combined (earned)', 'video', 'count'],
  ['VIDEO_P25_COMBINED_2', 'Video 25% combined (earned)', 'video', 'count'],
  ['VIDEO_P50_COMBINED_2', 'Video 50% combined (earned)', 'video', 'count'],
  ['VIDEO_P75_COMBINED_2', 'Video 75% combined (earned)', 'video', 'count'],
  ['VIDEO_P95_COMBINED_2', 'Video 95% combined (earned)', 'video', 'count'],
  ['VIDEO_MRC_VIEWS_2', 'Video MRC views (earned)', 'video', 'count'],
  ['PAID_VIDEO_VIEWABLE_RATE', 'Paid video viewable rate', 'video', 'ratio'],
  ['VIDEO_LENGTH', 'Video length (s)', 'attributes', 'number'],
  ['VIDEO_SPEND_IN_DOLLAR', 'Video spend (units)', 'video', 'money'],
  ['ECPV_IN_DOLLAR', 'ECPV (units)', 'cost', 'money'],
  ['ECPCV_IN_DOLLAR', 'ECPCV (units)', 'cost', 'money'],
  ['ECPCV_P95_IN_DOLLAR', 'ECPCV 95% (units)', 'cost', 'money'],
  ['TOTAL_VIDEO_3SEC_VIEWS', 'Total video 3-second views', 'video', 'count'],
  ['TOTAL_VIDEO_15SEC_UNIQUE_VIEWS', 'Total video 15-second unique views', 'video', 'count'],
  ['TOTAL_VIDEO_P100_COMPLETE', 'Total video 100% complete', 'video', 'count'],
  ['TOTAL_VIDEO_P0_COMBINED', 'Total video 0% combined', 'video', 'count'],
  ['TOTAL_VIDEO_P25_COMBINED', 'Total video 25% combined', 'video', 'count'],
  ['TOTAL_VIDEO_P50_COMBINED', 'Total video 50% combined', 'video', 'count'],
  ['TOTAL_VIDEO_P75_COMBINED', 'Total video 75% combined', 'video', 'count'],
  ['TOTAL_VIDEO_P95_COMBINED', 'Total video 95% combined', 'video', 'count'],
  ['TOTAL_VIDEO_MRC_VIEWS', 'Total video MRC views', 'video', 'count'],
  ['TOTAL_VIDEO_AVG_WATCHTIME_IN_SECOND', 'Total video average watch time', 'video', 'seconds'],
  ['TOTAL_REPIN_RATE', 'Total save rate', 'engagement', 'ratio'],
  ['WEB_CHECKOUT_COST_PER_ACTION', 'Web checkout cost per action', 'conversions', 'money'],
  ['WEB_CHECKOUT_ROAS', 'Web checkout ROAS', 'conversion_value', 'number'],
  ['TOTAL_WEB_CHECKOUT', 'Total web checkout', 'conversions', 'count'],
  [
    'TOTAL_WEB_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total web checkout value',
    'conversion_value',
    'money_micro',
  ],
  ['TOTAL_WEB_CLICK_CHECKOUT', 'Total web click checkout', 'conversions', 'count'],
  [
    'TOTAL_WEB_CLICK_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total web click checkout value',
    'conversion_value',
    'money_micro',
  ],
  ['TOTAL_WEB_ENGAGEMENT_CHECKOUT', 'Total web engagement checkout', 'conversions', 'count'],
  [
    'TOTAL_WEB_ENGAGEMENT_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total web engagement checkout value',
    'conversion_value',
    'money_micro',
  ],
  ['TOTAL_WEB_VIEW_CHECKOUT', 'Total web view checkout', 'conversions', 'count'],
  [
    'TOTAL_WEB_VIEW_CHECKOUT_VALUE_IN_MICRO_DOLLAR',
    'Total web view checkout value',
    'conversion_value',
    'money_micro',
  ],
  ['INAPP_CHECKOUT_COST_PER_ACTION', 'In-app checkout cost per action', 'conversions', 'money'],
  ['TOTAL_OFFLINE_CHECKOUT', 'Total offline checkout', 'conversions', 'count'],
  [
    'TOTAL_APP_INSTALL_CONVERSION_RATE',
    'Total app install conversion rate',
    'conversions',
    'ratio',
  ],
  [
    'TOTAL_INAPP_APP_INSTALL_CONVERSION_RATE',
    'Total in-app app install conversion rate',
    'conversions',
    'ratio',
  ],
  ['IDEA_PIN_PRODUCT_TAG_VISIT_1', 'Idea Pin product tag visit (paid)', 'idea_pins', 'count'],
  ['IDEA_PIN_PRODUCT_TAG_VISIT_2', 'Idea Pin product tag visit (earned)', 'idea_pins', 'count'],
  ['TOTAL_IDEA_PIN_PRODUCT_TAG_VISIT', 'Total Idea Pin product tag visit', 'idea_pins', 'count'],
  ['LEADS', 'Leads', 'conversions', 'count'],
  ['COST_PER_LEAD', 'Cost per lead', 'conversions', 'money'],
  ['QUIZ_COMPLETED', 'Quiz completed', 'quiz', 'count'],
  ['QUIZ_PIN_RESULT_OPEN', 'Quiz Pin result open', 'quiz', 'count'],
  ['QUIZ_COMPLETION_RATE', 'Quiz completion rate', 'quiz', 'ratio'],
  ['SHOWCASE_PIN_CLICKTHROUGH', 'Showcase Pin clickthrough', 'showcase', 'count'],
  ['SHOWCASE_SUBPAGE_CLICKTHROUGH', 'Showcase subpage clickthrough', 'showcase', 'count'],
  ['SHOWCASE_SUBPIN_CLICKTHROUGH', 'Showcase subpin clickthrough', 'showcase', 'count'],
  ['SHOWCASE_SUBPAGE_IMPRESSION', 'Showcase subpage impression', 'showcase', 'count'],
  ['SHOWCASE_SUBPIN_IMPRESSION', 'Showcase subpin impression', 'showcase', 'count'],
  ['SHOWCASE_SUBPAGE_SWIPE_LEFT', 'Showcase subpage swipe left', 'showcase', 'count'],
  ['SHOWCASE_SUBPAGE_SWIPE_RIGHT', 'Showcase subpage swipe right', 'showcase', 'count'],
  ['SHOWCASE_SUBPIN_SWIPE_LEFT', 'Showcase subpin swipe left', 'showcase', 'count'],
  ['SHOWCASE_SUBPIN_SWIPE_RIGHT', 'Showcase subpin swipe right', 'showcase', 'count'],
  ['SHOWCASE_SUBPAGE_REPIN', 'Showcase subpage save', 'showcase', 'count'],
  ['SHOWCASE_SUBPIN_REPIN', 'Showcase subpin save', 'showcase', 'count'],
  ['SHOWCASE_SUBPAGE_CLOSEUP', 'Showcase subpage closeup', 'showcase', 'count'],
  [
    'SHOWCASE_CARD_THUMBNAIL_SWIPE_FORWARD',
    'Showcase card thumbnail swipe forward',
    'showcase',
    'count',
  ],
  [
    'SHOWCASE_CARD_THUMBNAIL_SWIPE_BACKWARD',
    'Showcase card thumbnail swipe backward',
    'showcase',
    'count',
  ],
  [
    'SHOWCASE_AVERAGE_SUBPAGE_CLOSEUP_PER_SESSION',
    'Showcase average subpage closeup per session',
    'showcase',
    'number',
  ],
  ['TOTAL_CHECKOUT_CONVERSION_RATE', 'Total checkout conversion rate', 'conversions', 'ratio'],
  [
    'TOTAL_VIEW_CATEGORY_CONVERSION_RATE',
    'Total view category conversion rate',
    'conversions',
    'ratio',
  ],
  [
    'TOTAL_ADD_TO_CART_CONVERSION_RATE',
    'Total add to cart conversion rate',
    'conversions',
    'ratio',
  ],
  ['TOTAL_SIGNUP_CONVERSION_RATE', 'Total sign-up conversion rate', 'conversions', 'ratio'],
  ['TOTAL_PAGE_VISIT_CONVERSION_RATE', 'Total page visit conversion rate', 'conversions', 'ratio'],
  ['TOTAL_LEAD_CONVERSION_RATE', 'Total lead conversion rate', 'conversions', 'ratio'],
  ['TOTAL_SEARCH_CONVERSION_RATE', 'Total search conversion rate', 'conversions', 'ratio'],
  ['TOTAL_WATCH_VIDEO_CONVERSION_RATE', 'Total watch video conversion rate', 'video', 'ratio'],
  ['TOTAL_UNKNOWN_CONVERSION_RATE', 'Total unknown conversion rate', 'conversions', 'ratio'],
  ['TOTAL_CUSTOM_CONVERSION_RATE', 'Total custom conversion rate', 'conversions', 'ratio'],
];

/** Every synchronous column, in the spec's order. */
export const SYNC_FIELDS: readonly Field[] = ROWS.map(([column, label, category, unit]) => ({
  column,
  label,
  category,
  unit,
}));

const BY_COLUMN = new Map(SYNC_FIELDS.map((field) => [field.column, field]));

/** The catalog entry for an API column name, or undefined when the API does not offer it. */
export function findField(column: string): Field | undefined {
  return BY_COLUMN.get(column);
}

/** Whether a column's values add up across entities and days (so totals are sums). */
export function isAdditive(field: Field): boolean {
  return field.unit === 'count' || (field.unit === 'money_micro' && !isRateLike(field.column));
}

function isRateLike(column: string): boolean {
  return /^(E?CP[CMV]|CPCV|ECPE|COST_PER)/.test(column) || /_SPEND_CAP$/.test(column);
}

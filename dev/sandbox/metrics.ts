// Synthetic daily counters for one ad: plausible, correlated integers (clicks follow
// impressions, spend follows clicks, conversions follow clicks and views) from a seeded stream.

import type { Bucket } from './types';

/** Creative types the generated world uses; some unlock their own counters. */
export type Creative = 'REGULAR' | 'VIDEO' | 'CAROUSEL' | 'SHOWCASE' | 'QUIZ' | 'IDEA';

/** What makes one ad's days look alike; money is in micro-units of the account currency. */
export interface AdProfile {
  creative: Creative;
  impressions: number;
  ctr: number;
  cpcMicro: number;
  conversionRate: number;
  orderValueMicro: number;
}

/** Share of an ad's active days on which it gets no delivery at all (so no report row). */
export const IDLE_DAY_SHARE = 0.08;

/** The day's counters; only non-zero ones are kept. */
export function dailyLeaves(profile: AdProfile, next: () => number): Bucket {
  const bucket: Bucket = {};
  const put = (column: string, value: number) => {
    if (value > 0) bucket[column] = value;
  };
  const about = (x: number, spread = 0.4) => x * (1 - spread + 2 * spread * next());
  const count = (x: number) => Math.max(0, Math.round(about(x)));

  const imp1 = count(profile.impressions);
  const imp2 = Math.round(imp1 * (0.05 + 0.25 * next()));
  const click1 = count(imp1 * profile.ctr);
  const click2 = Math.round(imp2 * profile.ctr * 0.7 * next());
  const repin1 = count(imp1 * 0.002);
  const repin2 = count(imp2 * 0.003);
  const spend = Math.round(click1 * about(profile.cpcMicro, 0.2) + imp1 * profile.cpcMicro * 0.002);
  put('IMPRESSION_1', imp1);
  put('IMPRESSION_1_GROSS', imp1 + count(imp1 * 0.02));
  put('IMPRESSION_2', imp2);
  put('TOTAL_IMPRESSION_USER', Math.round((imp1 + imp2) / (1.1 + 0.8 * next())));
  put('CLICKTHROUGH_1', click1);
  put('CLICKTHROUGH_1_GROSS', click1 + count(click1 * 0.03));
  put('CLICKTHROUGH_2', click2);
  put('OUTBOUND_CLICK_1', Math.round(click1 * (0.5 + 0.4 * next())));
  put('OUTBOUND_CLICK_2', Math.round(click2 * (0.4 + 0.4 * next())));
  put('REPIN_1', repin1);
  put('REPIN_2', repin2);
  put('ENGAGEMENT_1', click1 + repin1 + count(imp1 * 0.004));
  put('ENGAGEMENT_2', click2 + repin2 + count(imp2 * 0.004));
  put('SPEND_IN_MICRO_DOLLAR', spend);
  put('WEB_SESSIONS_1', Math.round(click1 * (0.4 + 0.4 * next())));
  put('WEB_SESSIONS_2', Math.round(click2 * (0.3 + 0.4 * next())));
  putConversions(put, count, profile, { click1, imp1, engagement: click1 + repin1 });
  putCreativeCounters(put, count, profile, { imp1, imp2, click1, spend });
  return bucket;
}

type Put = (column: string, value: number) => void;
type Count = (x: number) => number;

function putConversions(
  put: Put,
  count: Count,
  profile: AdProfile,
  base: { click1: number; imp1: number; engagement: number },
) {
  const rate = profile.conversionRate;
  const value = (n: number, share = 1) => n * Math.round(profile.orderValueMicro * share);
  const windows = [
    ['CLICK', base.click1 * rate],
    ['VIEW', base.imp1 * rate * 0.01],
    ['ENGAGEMENT', base.engagement * rate * 0.2],
  ] as const;
  for (const [window, expected] of windows) {
    const checkout = count(expected);
    const signup = count(expected * 0.6);
    put(`TOTAL_${window}_CHECKOUT`, checkout);
    put(`TOTAL_${window}_CHECKOUT_VALUE_IN_MICRO_DOLLAR`, value(checkout));
    put(`TOTAL_${window}_SIGNUP`, signup);
    put(`TOTAL_${window}_SIGNUP_VALUE_IN_MICRO_DOLLAR`, value(signup, 0.1));
    put(`TOTAL_${window}_LEAD`, count(expected * 0.3));
    const webCheckout = Math.round(checkout * 0.85);
    put(`TOTAL_WEB_${window}_CHECKOUT`, webCheckout);
    put(`TOTAL_WEB_${window}_CHECKOUT_VALUE_IN_MICRO_DOLLAR`, value(webCheckout));
    if (window !== 'ENGAGEMENT') put(`TOTAL_${window}_ADD_TO_CART`, count(expected * 2));
  }
  const clicks = base.click1 * rate;
  const pageVisits = count(clicks * 6);
  put('TOTAL_PAGE_VISIT', pageVisits);
  put('TOTAL_WEB_PAGE_VISIT_VALUE_IN_MICRO_DOLLAR', value(pageVisits, 0.02));
  const custom = count(clicks * 0.5);
  put('TOTAL_CUSTOM', custom);
  put('TOTAL_CUSTOM_VALUE_IN_MICRO_DOLLAR', value(custom, 0.5));
  put('TOTAL_ADD_TO_WISHLIST', count(clicks * 0.4));
  put('TOTAL_SUBSCRIBE', count(clicks * 0.2));
  put('TOTAL_OFFLINE_CHECKOUT', count(clicks * 0.1));
  put('TOTAL_INAPP_CHECKOUT', count(clicks * 0.3));
  put('TOTAL_APP_INSTALL', count(clicks * 0.2));
  put('TOTAL_INAPP_APP_INSTALL', count(clicks * 0.1));
  put('TOTAL_VIEW_CATEGORY', count(clicks * 3));
  put('TOTAL_SEARCH', count(clicks * 1.5));
  put('TOTAL_WATCH_VIDEO', count(clicks * 0.5));
  put('TOTAL_UNKNOWN', count(clicks * 0.1));
  put('LEADS', count(clicks * 0.25));
}

function putCreativeCounters(
  put: Put,
  count: Count,
  profile: AdProfile,
  base: { imp1: number; imp2: number; click1: number; spend: number },
) {
  const { imp1, imp2, click1 } = base;
  if (profile.creative === 'VIDEO') {
    put('VIDEO_SPEND_IN_MICRO_DOLLAR', base.spend);
    for (const [suffix, impressions] of [
      ['1', imp1],
      ['2', imp2],
    ] as const) {
      const started = count(impressions * 0.6);
      put(`VIDEO_3SEC_VIEWS_${suffix}`, count(started * 0.5));
      put(`VIDEO_15SEC_UNIQUE_VIEWS_${suffix}`, count(started * 0.2));
      put(`VIDEO_MRC_VIEWS_${suffix}`, count(started * 0.4));
      put(`VIDEO_P0_COMBINED_${suffix}`, started);
      put(`VIDEO_P25_COMBINED_${suffix}`, Math.round(started * 0.55));
      put(`VIDEO_P50_COMBINED_${suffix}`, Math.round(started * 0.35));
      put(`VIDEO_P75_COMBINED_${suffix}`, Math.round(started * 0.22));
      put(`VIDEO_P95_COMBINED_${suffix}`, Math.round(started * 0.14));
      put(`VIDEO_P100_COMPLETE_${suffix}`, Math.round(started * 0.1));
    }
    put('TOTAL_VIDEO_WATCHTIME_IN_SECOND', count((imp1 + imp2) * 0.6 * 4.5));
  }
  if (profile.creative === 'IDEA') {
    put('IDEA_PIN_PRODUCT_TAG_VISIT_1', count(click1 * 0.3));
    put('IDEA_PIN_PRODUCT_TAG_VISIT_2', count(imp2 * 0.002));
  }
  if (profile.creative === 'QUIZ') {
    const opened = count(click1 * 0.5);
    put('QUIZ_PIN_RESULT_OPEN', opened);
    put('QUIZ_COMPLETED', count(opened * 0.6));
  }
  if (profile.creative === 'SHOWCASE') putShowcase(put, count, click1, imp1);
}

function putShowcase(put: Put, count: Count, click1: number, imp1: number) {
  const sessions = count(click1 * 0.8);
  put('SHOWCASE_PIN_CLICKTHROUGH', sessions);
  put('SHOWCASE_SUBPAGE_IMPRESSION', count(sessions * 3));
  put('SHOWCASE_SUBPIN_IMPRESSION', count(sessions * 5));
  put('SHOWCASE_SUBPAGE_CLICKTHROUGH', count(sessions * 0.4));
  put('SHOWCASE_SUBPIN_CLICKTHROUGH', count(sessions * 0.3));
  put('SHOWCASE_SUBPAGE_SWIPE_LEFT', count(sessions * 1.2));
  put('SHOWCASE_SUBPAGE_SWIPE_RIGHT', count(sessions * 0.6));
  put('SHOWCASE_SUBPIN_SWIPE_LEFT', count(sessions * 1.5));
  put('SHOWCASE_SUBPIN_SWIPE_RIGHT', count(sessions * 0.7));
  put('SHOWCASE_SUBPAGE_REPIN', count(sessions * 0.05));
  put('SHOWCASE_SUBPIN_REPIN', count(sessions * 0.08));
  put('SHOWCASE_SUBPAGE_CLOSEUP', count(sessions * 1.8));
  put('SHOWCASE_CARD_THUMBNAIL_SWIPE_FORWARD', count(imp1 * 0.01));
  put('SHOWCASE_CARD_THUMBNAIL_SWIPE_BACKWARD', count(imp1 * 0.004));
}

// Builds the generated sandbox world from a seed: ad accounts in four currencies, campaigns,
// ad groups and ads with every status, and 120 days of daily counters per ad.

import {
  ACCOUNT_PLANS,
  makeAccount,
  makeAd,
  makeAdGroup,
  makeCampaign,
  makeUser,
  type Span,
} from './entities';
import { dailyLeaves, IDLE_DAY_SHARE, type AdProfile } from './metrics';
import { ascendingIds, intBetween, streamFor } from './random';
import type { Ad, AdGroup, Bucket, Campaign } from './types';
import type { WorldData } from './world-data';

/** Days of history generated before today. */
export const HISTORY_DAYS = 120;

export interface GenerateOptions {
  seed: number;
  /** Today's day number; history ends yesterday. */
  today: number;
  /** Multiplies the number of campaigns per account (default 1). */
  scale?: number;
}

/** The whole generated world, deterministic for (seed, today, scale). */
export function generateWorld({
  seed,
  today,
  scale = 1,
}: GenerateOptions): Omit<WorldData, 'today'> {
  const next = streamFor(seed, 'world');
  const user = makeUser(next);
  const adAccounts = ACCOUNT_PLANS.map((plan) => makeAccount(plan, user, next, today));
  const campaigns: Array<Campaign & { span: Span }> = [];
  const adGroups: Array<AdGroup & { span: Span }> = [];
  const ads: Array<Ad & { span: Span; profile: AdProfile }> = [];

  adAccounts.forEach((account, a) => {
    const plan = ACCOUNT_PLANS[a];
    const campaignCount = intBetween(next, 3, 5) * Math.max(1, Math.round(scale));
    for (let c = 0; c < campaignCount; c += 1) {
      const nameIndex = c * ACCOUNT_PLANS.length + a;
      const campaign = makeCampaign(account, plan, c, nameIndex, next, today);
      campaigns.push(campaign);
      const groupCount = intBetween(next, 2, 3);
      for (let g = 0; g < groupCount; g += 1) {
        const adGroup = makeAdGroup(campaign, plan, c + g, adGroups.length, next, today);
        adGroups.push(adGroup);
        const adCount = intBetween(next, 2, 3);
        for (let n = 0; n < adCount; n += 1) {
          ads.push(makeAd(adGroup, plan, c + g + n, ads.length, next, today));
        }
      }
    }
  });

  assignIds(campaigns, 13, next);
  assignIds(adGroups, 13, next);
  assignIds(ads, 18, next);
  linkParents(adGroups, ads);

  const daily = new Map<string, Map<number, Bucket>>();
  const videoLengths = new Map<string, number>();
  const spanOf = new Map<string, Span>([...campaigns, ...adGroups].map((e) => [e.id, e.span]));
  for (const ad of ads) {
    const spans = [ad.span, spanOf.get(ad.ad_group_id)!, spanOf.get(ad.campaign_id)!];
    daily.set(`AD:${ad.id}`, adDays(seed, ad.id, ad.profile, spans, today));
    if (ad.profile.creative === 'VIDEO') videoLengths.set(ad.id, intBetween(next, 6, 60));
  }

  return {
    user,
    adAccounts,
    campaigns: campaigns.map(({ span: _span, ...rest }) => rest as Campaign),
    adGroups: adGroups.map(({ span: _span, ...rest }) => rest as AdGroup),
    ads: ads.map(({ span: _span, profile: _profile, ...rest }) => rest as Ad),
    daily,
    videoLengths,
  };
}

function adDays(seed: number, adId: string, profile: AdProfile, spans: Span[], today: number) {
  const days = new Map<number, Bucket>();
  const from = Math.max(today - HISTORY_DAYS, ...spans.map((s) => s.from));
  const until = Math.min(today - 1, ...spans.map((s) => s.until));
  for (let day = from; day <= until; day += 1) {
    const next = streamFor(seed, adId, day);
    if (next() < IDLE_DAY_SHARE) continue;
    const bucket = dailyLeaves(profile, next);
    if (Object.keys(bucket).length > 0) days.set(day, bucket);
  }
  return days;
}

function assignIds(
  entities: Array<{ id: string; created_time?: unknown }>,
  length: number,
  next: () => number,
) {
  const ids = ascendingIds(next, entities.length, length);
  const byAge = [...entities].sort((a, b) => Number(a.created_time) - Number(b.created_time));
  byAge.forEach((entity, i) => (entity.id = ids[i]));
}

/** Parent ids are only known after assignIds; children kept a reference to their parent. */
function linkParents(
  adGroups: Array<AdGroup & { parent?: Campaign }>,
  ads: Array<Ad & { parent?: AdGroup }>,
) {
  for (const group of adGroups) {
    group.campaign_id = group.parent!.id;
    delete group.parent;
  }
  for (const ad of ads) {
    ad.ad_group_id = ad.parent!.id;
    ad.campaign_id = ad.parent!.campaign_id;
    delete ad.parent;
  }
}

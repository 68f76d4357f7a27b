// Lookups over a world's data: entities by id, children by parent, stored daily counters and
// the parent chain of a row, and when archived entities stopped delivering. Built once per world.

import type { Lineage } from './attributes';
import type { Level } from './columns';
import type { Ad, AdAccount, AdGroup, Bucket, Campaign } from './types';
import type { WorldData } from './world-data';

type ChildRef = [Level, string];

export class WorldIndex {
  private readonly accounts = new Map<string, AdAccount>();
  private readonly campaigns = new Map<string, Campaign>();
  private readonly adGroups = new Map<string, AdGroup>();
  private readonly ads = new Map<string, Ad>();
  private readonly childRefs = new Map<string, ChildRef[]>();
  /** First day without delivery, per `LEVEL:id`, for entities archived during a run. */
  private readonly stops = new Map<string, number>();

  constructor(private readonly data: WorldData) {
    data.adAccounts.forEach((a) => this.accounts.set(a.id, a));
    data.campaigns.forEach((c) => {
      this.campaigns.set(c.id, c);
      this.addChild(`AD_ACCOUNT:${c.ad_account_id}`, ['CAMPAIGN', c.id]);
    });
    data.adGroups.forEach((g) => {
      this.adGroups.set(g.id, g);
      this.addChild(`CAMPAIGN:${g.campaign_id}`, ['AD_GROUP', g.id]);
    });
    data.ads.forEach((ad) => {
      this.ads.set(ad.id, ad);
      this.addChild(`AD_GROUP:${ad.ad_group_id}`, ['AD', ad.id]);
    });
  }

  private addChild(parentKey: string, child: ChildRef) {
    const list = this.childRefs.get(parentKey);
    if (list) list.push(child);
    else this.childRefs.set(parentKey, [child]);
  }

  adAccount(id: string): AdAccount | undefined {
    return this.accounts.get(id);
  }

  entity(level: Level, id: string): Campaign | AdGroup | Ad | undefined {
    if (level === 'CAMPAIGN') return this.campaigns.get(id);
    if (level === 'AD_GROUP') return this.adGroups.get(id);
    if (level === 'AD') return this.ads.get(id);
    return undefined;
  }

  children(level: Level, id: string): ChildRef[] {
    return this.childRefs.get(`${level}:${id}`) ?? [];
  }

  /** The entity's own stored counters, or undefined when it answers with its children's sums. */
  daily(level: Level, id: string): Map<number, Bucket> | undefined {
    return this.data.daily.get(`${level}:${id}`);
  }

  /** The first day on which the entity delivers nothing because it or a parent was archived. */
  stopDay(level: Level, id: string): number | undefined {
    return this.stops.get(`${level}:${id}`);
  }

  /** Stops the delivery of an entity and everything under it from `day` on. */
  stopFrom(level: Level, id: string, day: number): void {
    const key = `${level}:${id}`;
    this.stops.set(key, Math.min(day, this.stops.get(key) ?? Infinity));
    for (const [childLevel, childId] of this.children(level, id)) {
      this.stopFrom(childLevel, childId, day);
    }
  }

  lineage(level: Level, id: string): Lineage {
    const ad = level === 'AD' ? this.ads.get(id) : undefined;
    const adGroup =
      level === 'AD_GROUP' ? this.adGroups.get(id) : this.adGroups.get(ad?.ad_group_id ?? '');
    const campaignId = level === 'CAMPAIGN' ? id : adGroup?.campaign_id;
    const campaign = this.campaigns.get(campaignId ?? '');
    const accountId = level === 'AD_ACCOUNT' ? id : (campaign?.ad_account_id ?? ad?.ad_account_id);
    return {
      account: this.accounts.get(accountId ?? '')!,
      campaign,
      adGroup,
      ad,
      videoLength: ad ? this.data.videoLengths.get(ad.id) : undefined,
    };
  }
}

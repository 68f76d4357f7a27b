// The plain data behind a World, whether generated from a seed or read from a world file.

import type { Ad, AdAccount, AdGroup, Bucket, Campaign, UserAccount } from './types';

export interface WorldData {
  today: string;
  user: UserAccount;
  adAccounts: AdAccount[];
  campaigns: Campaign[];
  adGroups: AdGroup[];
  ads: Ad[];
  /**
   * Counters keyed by `LEVEL:id`, then by day number. An entity with no key here answers with
   * the sums of its children.
   */
  daily: Map<string, Map<number, Bucket>>;
  /** Video length in seconds per ad id (VIDEO_LENGTH column). */
  videoLengths: Map<string, number>;
}

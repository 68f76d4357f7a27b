// The sandbox world: entities plus the ground-truth analytics API that the server and the
// integration tests share. createWorld builds one from a seed; loadWorld reads a world file.

import { analyticsRows } from './analytics';
import type { Level } from './columns';
import { parseDay, utcToday } from './dates';
import { generateWorld } from './generate';
import type { AnalyticsOptions, AnalyticsRow, Granularity, UserAccount, World } from './types';
import type { WorldData } from './world-data';
import { parseWorldFile } from './world-file';
import { WorldIndex } from './world-index';

export type { World } from './types';

export interface CreateWorldOptions {
  /** Same seed and today, same world (default 1). */
  seed?: number;
  /** YYYY-MM-DD; history ends the day before (default: today in UTC). */
  today?: string;
  /** Multiplies the campaigns per account for larger worlds (default 1). */
  scale?: number;
}

class SandboxWorld implements World {
  private readonly index: WorldIndex;

  constructor(private readonly data: WorldData) {
    this.index = new WorldIndex(data);
  }

  get today(): string {
    return this.data.today;
  }
  get user(): UserAccount {
    return this.data.user;
  }
  get adAccounts() {
    return this.data.adAccounts;
  }
  get campaigns() {
    return this.data.campaigns;
  }
  get adGroups() {
    return this.data.adGroups;
  }
  get ads() {
    return this.data.ads;
  }

  analyticsRows(
    level: Level,
    adAccountId: string,
    ids: string[],
    startDate: string,
    endDate: string,
    granularity: Granularity,
    columns: string[],
    options?: AnalyticsOptions,
  ): AnalyticsRow[] {
    return analyticsRows(
      this.index,
      level,
      adAccountId,
      ids,
      startDate,
      endDate,
      granularity,
      columns,
      options,
    );
  }

  adAccount(id: string) {
    return this.index.adAccount(id);
  }

  entity(level: Exclude<Level, 'AD_ACCOUNT'>, id: string) {
    return this.index.entity(level, id);
  }
}

function checkToday(today: string): number {
  const day = parseDay(today);
  if (day === null) throw new Error(`today must be a date written YYYY-MM-DD, got "${today}".`);
  return day;
}

/** A generated world, deterministic for (seed, today, scale). */
export function createWorld(options: CreateWorldOptions = {}): World {
  const today = options.today ?? utcToday();
  const data = generateWorld({
    seed: options.seed ?? 1,
    today: checkToday(today),
    scale: options.scale,
  });
  return new SandboxWorld({ today, ...data });
}

/**
 * A world read from a world file (parsed JSON or its text). Throws an Error naming the bad
 * field and what to write instead.
 */
export function loadWorld(json: unknown, today: string = utcToday()): World {
  checkToday(today);
  const parsed = typeof json === 'string' ? parseJson(json) : json;
  return new SandboxWorld({ today, ...parseWorldFile(parsed) });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`world file is not valid JSON: ${(error as Error).message}`);
  }
}

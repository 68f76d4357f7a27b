// The sandbox world: entities plus the ground-truth analytics API that the server and the
// integration tests share. createWorld builds one from a seed; loadWorld reads a world file.

import { analyticsRows } from './analytics';
import type { Level } from './columns';
import { daySeconds, parseDay, utcToday } from './dates';
import { notFound } from './errors';
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
  /** Days a day's conversions take to become final (default 0: final at once). */
  settlingDays?: number;
}

const ENTITY_LEVELS = ['CAMPAIGN', 'AD_GROUP', 'AD'] as const;

class SandboxWorld implements World {
  private readonly index: WorldIndex;

  constructor(
    private readonly data: WorldData,
    readonly settlingDays = 0,
  ) {
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
      this.settlingDays,
    );
  }

  adAccount(id: string) {
    return this.index.adAccount(id);
  }

  entity(level: Exclude<Level, 'AD_ACCOUNT'>, id: string) {
    return this.index.entity(level, id);
  }

  archive(ids: string[], day: string): Array<{ id: string; level: Level }> {
    const dayNumber = checkToday(day);
    const found = ids.map((id) => {
      const level = ENTITY_LEVELS.find((candidate) => this.index.entity(candidate, id));
      return { id, level };
    });
    const unknown = found.filter((entry) => !entry.level).map((entry) => entry.id);
    if (unknown.length > 0) {
      throw notFound(
        `No campaign, ad group or ad has the id ${unknown.join(', ')}; nothing was archived.`,
      );
    }
    return found.map(({ id, level }) => {
      const entity = this.index.entity(level!, id)!;
      entity.status = 'ARCHIVED';
      entity.summary_status = 'ARCHIVED';
      const seconds = daySeconds(dayNumber);
      if (typeof entity.updated_time !== 'number' || entity.updated_time < seconds) {
        entity.updated_time = seconds;
      }
      this.index.stopFrom(level!, id, dayNumber);
      return { id, level: level! };
    });
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
  return new SandboxWorld({ today, ...data }, checkSettlingDays(options.settlingDays));
}

/**
 * A world read from a world file (parsed JSON or its text). Throws an Error naming the bad
 * field and what to write instead.
 */
export function loadWorld(
  json: unknown,
  today: string = utcToday(),
  options: { settlingDays?: number } = {},
): World {
  checkToday(today);
  const parsed = typeof json === 'string' ? parseJson(json) : json;
  const settlingDays = checkSettlingDays(options.settlingDays);
  return new SandboxWorld({ today, ...parseWorldFile(parsed) }, settlingDays);
}

function checkSettlingDays(days: number | undefined): number {
  if (days === undefined) return 0;
  if (!Number.isInteger(days) || days < 0 || days > 365) {
    throw new Error(`settlingDays must be a whole number from 0 to 365, got ${days}.`);
  }
  return days;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`world file is not valid JSON: ${(error as Error).message}`);
  }
}

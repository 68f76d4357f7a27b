// Reads and checks a world file: entities with the spec's field names plus daily metrics rows.
// Every problem is reported with the path of the bad field and what to write instead.

import { RATIOS, isAdditive, type Level } from './columns';
import { isAttribute } from './attributes';
import { parseDay } from './dates';
import type { Ad, AdAccount, AdGroup, Bucket, Campaign, Entity, UserAccount } from './types';
import type { WorldData } from './world-data';

const ENTITY_STATUSES = ['ACTIVE', 'PAUSED', 'ARCHIVED', 'DRAFT', 'DELETED_DRAFT'];
const METRIC_LEVELS: readonly Level[] = ['AD_ACCOUNT', 'CAMPAIGN', 'AD_GROUP', 'AD'];
// Ad entity ids fit the spec's maxLength 18; user and Pin ids may run longer.
const ID_PATTERN = /^[1-9]\d{0,17}$/;
const LONG_ID_PATTERN = /^[1-9]\d{0,24}$/;

type Json = Record<string, unknown>;

function fail(path: string, problem: string): never {
  throw new Error(`world file: ${path} ${problem}`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(root: Json, key: string, required: boolean): Json[] {
  const value = root[key];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) fail(key, 'must be an array of objects.');
  value.forEach((item, i) => {
    if (!isObject(item)) fail(`${key}[${i}]`, 'must be an object.');
  });
  return value as Json[];
}

function digitString(item: Json, field: string, path: string, pattern = ID_PATTERN): string {
  const value = item[field];
  if (typeof value === 'number') {
    fail(
      `${path}.${field}`,
      'must be a string of digits in quotes: ids longer than 15 digits ' +
        'lose digits as JSON numbers.',
    );
  }
  if (typeof value !== 'string' || !pattern.test(value)) {
    const most = pattern === ID_PATTERN ? '18' : '25';
    fail(
      `${path}.${field}`,
      `must be a string of 1 to ${most} digits (e.g. "549755885175"), ` +
        `got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

/** Checks the fields every entity shares and fills in a missing status with ACTIVE. */
function entity<T extends Entity>(item: Json, path: string, seen: Set<string>): T {
  const id = digitString(item, 'id', path);
  if (seen.has(id)) fail(`${path}.id`, `repeats id ${id}; every id in a list must be unique.`);
  seen.add(id);
  if (item.name !== undefined && item.name !== null && typeof item.name !== 'string') {
    fail(`${path}.name`, 'must be a string.');
  }
  if (item.status === undefined) return { ...item, status: 'ACTIVE' } as T;
  if (typeof item.status !== 'string' || !ENTITY_STATUSES.includes(item.status)) {
    fail(`${path}.status`, `must be one of ${ENTITY_STATUSES.join(', ')}.`);
  }
  return { ...item } as T;
}

/** Checks a parent reference, or fills it in from `derived` when the file leaves it out. */
function parent(
  item: Json,
  field: string,
  path: string,
  known: Map<string, unknown>,
  derived?: string,
): string {
  if (item[field] === undefined && derived !== undefined) return derived;
  const id = digitString(item, field, path);
  if (!known.has(id)) {
    const some = [...known.keys()].slice(0, 5).join(', ') || '(none)';
    fail(`${path}.${field}`, `"${id}" matches no entity listed before it; use one of: ${some}.`);
  }
  if (derived !== undefined && id !== derived) {
    fail(`${path}.${field}`, `is "${id}" but its parent belongs to "${derived}"; make them agree.`);
  }
  return id;
}

/** The world data of a parsed world file. */
export function parseWorldFile(root: unknown): Omit<WorldData, 'today'> {
  if (!isObject(root))
    fail(
      '(top level)',
      'must be an object with ad_accounts, campaigns, ' + 'ad_groups, ads and metrics.',
    );
  const accountSeen = new Set<string>();
  const adAccounts = list(root, 'ad_accounts', true).map((item, i) =>
    entity<AdAccount>(item, `ad_accounts[${i}]`, accountSeen),
  );
  if (adAccounts.length === 0) fail('ad_accounts', 'must list at least one ad account.');
  const accounts = new Map(adAccounts.map((a) => [a.id, a]));

  const campaignSeen = new Set<string>();
  const campaigns = list(root, 'campaigns', false).map((item, i) => {
    const path = `campaigns[${i}]`;
    const campaign = entity<Campaign>(item, path, campaignSeen);
    campaign.ad_account_id = parent(item, 'ad_account_id', path, accounts);
    return campaign;
  });
  const campaignById = new Map(campaigns.map((c) => [c.id, c]));

  const groupSeen = new Set<string>();
  const adGroups = list(root, 'ad_groups', false).map((item, i) => {
    const path = `ad_groups[${i}]`;
    const group = entity<AdGroup>(item, path, groupSeen);
    group.campaign_id = parent(item, 'campaign_id', path, campaignById);
    const owner = campaignById.get(group.campaign_id)!.ad_account_id;
    group.ad_account_id = parent(item, 'ad_account_id', path, accounts, owner);
    return group;
  });
  const groupById = new Map(adGroups.map((g) => [g.id, g]));

  const adSeen = new Set<string>();
  const ads = list(root, 'ads', false).map((item, i) => {
    const path = `ads[${i}]`;
    const ad = entity<Ad>(item, path, adSeen);
    ad.ad_group_id = parent(item, 'ad_group_id', path, groupById);
    const group = groupById.get(ad.ad_group_id)!;
    ad.campaign_id = parent(item, 'campaign_id', path, campaignById, group.campaign_id);
    ad.ad_account_id = parent(item, 'ad_account_id', path, accounts, group.ad_account_id);
    if (ad.pin_id !== undefined) digitString(item, 'pin_id', path, LONG_ID_PATTERN);
    return ad;
  });

  const known: Record<Level, Map<string, unknown>> = {
    AD_ACCOUNT: accounts,
    CAMPAIGN: campaignById,
    AD_GROUP: groupById,
    AD: new Map(ads.map((ad) => [ad.id, ad])),
  };
  return {
    user: parseUser(root.user),
    adAccounts,
    campaigns,
    adGroups,
    ads,
    daily: parseMetrics(list(root, 'metrics', false), known),
    videoLengths: new Map(),
  };
}

function parseUser(value: unknown): UserAccount {
  const fallback: UserAccount = {
    id: '1000000000000001',
    username: 'sandbox_user',
    account_type: 'BUSINESS',
  };
  if (value === undefined) return fallback;
  if (!isObject(value)) fail('user', 'must be an object like {"id": "…", "username": "…"}.');
  const id = digitString(value, 'id', 'user', LONG_ID_PATTERN);
  return { ...fallback, ...value, id } as UserAccount;
}

function parseMetrics(rows: Json[], known: Record<Level, Map<string, unknown>>) {
  const daily = new Map<string, Map<number, Bucket>>();
  rows.forEach((row, i) => {
    const path = `metrics[${i}]`;
    const level = row.level as Level;
    if (!METRIC_LEVELS.includes(level)) {
      fail(`${path}.level`, `must be one of ${METRIC_LEVELS.join(', ')}.`);
    }
    const id = digitString(row, 'id', path);
    if (!known[level].has(id)) fail(`${path}.id`, `"${id}" is not a ${level} listed in the file.`);
    const day = typeof row.date === 'string' ? parseDay(row.date) : null;
    if (day === null) fail(`${path}.date`, 'must be a date written YYYY-MM-DD.');
    if (!isObject(row.values)) fail(`${path}.values`, 'must be an object of COLUMN: number.');
    const bucket: Bucket = {};
    for (const [column, value] of Object.entries(row.values)) {
      checkMetricColumn(`${path}.values.${column}`, column);
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        fail(`${path}.values.${column}`, 'must be a finite number.');
      }
      bucket[column] = value;
    }
    const key = `${level}:${id}`;
    const days = daily.get(key) ?? new Map<number, Bucket>();
    if (days.has(day)) fail(path, `repeats ${level} ${id} on ${row.date}; give one row per day.`);
    days.set(day, bucket);
    daily.set(key, days);
  });
  return daily;
}

function checkMetricColumn(path: string, column: string) {
  if (isAdditive(column)) return;
  const ratio = RATIOS[column];
  if (ratio) {
    const parts = [...ratio.num, ...(ratio.den ?? [])].join(', ');
    fail(path, `is computed by the sandbox from other columns; give ${parts} instead.`);
  }
  if (isAttribute(column))
    fail(path, 'comes from the entity fields; set it on the entity instead.');
  fail(
    path,
    'is not a known metric column; use an additive sync column such as SPEND_IN_MICRO_DOLLAR.',
  );
}

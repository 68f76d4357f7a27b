// Handlers of the read endpoints for the user, ad accounts, campaigns, ad groups and ads:
// filters, Pinterest's default of hiding archived entities, id order and bookmark paging.

import { invalidParameters, notFound } from './errors';
import { page, type Params } from './params';
import { compareIds } from './random';
import type { AdAccount, Entity, World } from './types';

const ENTITY_STATUSES = ['ACTIVE', 'PAUSED', 'ARCHIVED', 'DRAFT', 'DELETED_DRAFT'] as const;
const ORDERS = ['ASCENDING', 'DESCENDING'] as const;

/** Handler input: the world, the query, the path's {placeholders} and the served today. */
export interface ResourceRequest {
  world: World;
  params: Params;
  path: Record<string, string>;
  /** YYYY-MM-DD: the date the sandbox answers as of (see clock.ts). */
  today: string;
}

export function userAccount({ world, params }: ResourceRequest): unknown {
  const accountId = params.one('ad_account_id');
  if (accountId === undefined) return world.user;
  const owner = knownAccount(world, accountId).owner;
  if (!owner) return world.user;
  return { id: owner.id, username: owner.username, account_type: 'BUSINESS' };
}

export function listAdAccounts({ world, params }: ResourceRequest): unknown {
  const shared = params.bool('include_shared_accounts', true);
  const accounts = world.adAccounts
    .filter((account) => shared || isOwned(account))
    .sort((a, b) => compareIds(a.id, b.id));
  return page(accounts, params);
}

export function getAdAccount({ world, path }: ResourceRequest): unknown {
  return knownAccount(world, path.ad_account_id);
}

export function listCampaigns({ world, params, path }: ResourceRequest): unknown {
  knownAccount(world, path.ad_account_id);
  const campaignIds = params.ids('campaign_ids');
  return listEntities(world.campaigns, params, path.ad_account_id, (campaign) =>
    matches(campaignIds, campaign.id),
  );
}

export function listAdGroups({ world, params, path }: ResourceRequest): unknown {
  knownAccount(world, path.ad_account_id);
  const campaignIds = params.ids('campaign_ids');
  const adGroupIds = params.ids('ad_group_ids');
  if (campaignIds && adGroupIds) {
    throw invalidParameters('give campaign_ids or ad_group_ids, not both.');
  }
  return listEntities(
    world.adGroups,
    params,
    path.ad_account_id,
    (group) => matches(campaignIds, group.campaign_id) && matches(adGroupIds, group.id),
  );
}

export function listAds({ world, params, path }: ResourceRequest): unknown {
  knownAccount(world, path.ad_account_id);
  const campaignIds = params.ids('campaign_ids');
  const adGroupIds = params.ids('ad_group_ids');
  const adIds = params.ids('ad_ids');
  if ([campaignIds, adGroupIds, adIds].filter(Boolean).length > 1) {
    throw invalidParameters('give only one of campaign_ids, ad_group_ids or ad_ids.');
  }
  return listEntities(
    world.ads,
    params,
    path.ad_account_id,
    (ad) =>
      matches(campaignIds, ad.campaign_id) &&
      matches(adGroupIds, ad.ad_group_id) &&
      matches(adIds, ad.id),
  );
}

/** GET of one campaign, ad group or ad; 404 unless it belongs to the ad account in the path. */
export function getEntity(level: 'CAMPAIGN' | 'AD_GROUP' | 'AD', key: string) {
  return ({ world, path }: ResourceRequest): unknown => {
    knownAccount(world, path.ad_account_id);
    const entity = world.entity(level, path[key]);
    if (!entity || entity.ad_account_id !== path.ad_account_id) {
      const word = { CAMPAIGN: 'Campaign', AD_GROUP: 'Ad group', AD: 'Ad' }[level];
      throw notFound(`${word} ${path[key]} not found in ad account ${path.ad_account_id}.`);
    }
    return entity;
  };
}

/** The ad account, or a 404 naming it. */
export function knownAccount(world: World, id: string): AdAccount {
  const account = world.adAccount(id);
  if (!account) throw notFound(`Ad account ${id} not found.`);
  return account;
}

function isOwned(account: AdAccount): boolean {
  return !account.permissions || account.permissions.includes('OWNER');
}

function matches(ids: string[] | undefined, id: string): boolean {
  return !ids || ids.includes(id);
}

function listEntities<T extends Entity>(
  entities: T[],
  params: Params,
  adAccountId: string,
  filter: (entity: T) => boolean,
) {
  // Pinterest leaves archived entities out unless entity_statuses asks for them.
  const statuses = params.list('entity_statuses') ?? ['ACTIVE', 'PAUSED'];
  const unknown = statuses.find((s) => !(ENTITY_STATUSES as readonly string[]).includes(s));
  if (unknown !== undefined) {
    throw invalidParameters(
      `entity_statuses ${JSON.stringify(unknown)} must be one of ` +
        `${ENTITY_STATUSES.join(', ')}; repeat the parameter for several statuses.`,
    );
  }
  const order = params.choice('order', ORDERS, 'ASCENDING');
  const selected = entities
    .filter((e) => e.ad_account_id === adAccountId && statuses.includes(String(e.status)))
    .filter(filter)
    .sort((a, b) => (order === 'ASCENDING' ? 1 : -1) * compareIds(a.id, b.id));
  return page(selected, params);
}

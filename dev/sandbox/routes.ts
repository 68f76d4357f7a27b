// The endpoints the sandbox serves, as data: method, spec path, operationId, required scope,
// rate-limit category and handler. Adding an endpoint is one row.

import { analyticsHandler, metricsReadyState } from './analytics-endpoint';
import {
  getAdAccount,
  getEntity,
  listAdAccounts,
  listAdGroups,
  listAds,
  listCampaigns,
  userAccount,
  type ResourceRequest,
} from './resources';

export interface Route {
  method: 'GET' | 'POST';
  /** Path relative to /v5 as the spec writes it, with {placeholders}. */
  template: string;
  operationId: string;
  /** Scope the bearer token must carry; absent for the token endpoint (Basic auth). */
  scope?: string;
  /** In the ads_analytics rate-limit category: counts against its per-minute and daily quotas. */
  analytics?: boolean;
  handle?: (request: ResourceRequest) => unknown;
}

const ADS = 'ads:read';
const ACCOUNT = '/ad_accounts/{ad_account_id}';

export const ROUTES: readonly Route[] = [
  { method: 'POST', template: '/oauth/token', operationId: 'oauth/token' },
  {
    method: 'GET',
    template: '/user_account',
    operationId: 'user_account/get',
    scope: 'user_accounts:read',
    handle: userAccount,
  },
  {
    method: 'GET',
    template: '/ad_accounts',
    operationId: 'ad_accounts/list',
    scope: ADS,
    handle: listAdAccounts,
  },
  {
    method: 'GET',
    template: ACCOUNT,
    operationId: 'ad_accounts/get',
    scope: ADS,
    handle: getAdAccount,
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/campaigns`,
    operationId: 'campaigns/list',
    scope: ADS,
    handle: listCampaigns,
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/ad_groups`,
    operationId: 'ad_groups/list',
    scope: ADS,
    handle: listAdGroups,
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/ads`,
    operationId: 'ads/list',
    scope: ADS,
    handle: listAds,
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/analytics`,
    operationId: 'ad_account/analytics',
    scope: ADS,
    analytics: true,
    handle: analyticsHandler('AD_ACCOUNT'),
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/campaigns/analytics`,
    operationId: 'campaigns/analytics',
    scope: ADS,
    analytics: true,
    handle: analyticsHandler('CAMPAIGN'),
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/ad_groups/analytics`,
    operationId: 'ad_groups/analytics',
    scope: ADS,
    analytics: true,
    handle: analyticsHandler('AD_GROUP'),
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/ads/analytics`,
    operationId: 'ads/analytics',
    scope: ADS,
    analytics: true,
    handle: analyticsHandler('AD'),
  },
  {
    method: 'GET',
    template: '/resources/metrics_ready_state',
    operationId: 'metrics_ready_state/get',
    scope: ADS,
    analytics: true,
    handle: metricsReadyState,
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/campaigns/{campaign_id}`,
    operationId: 'campaigns/get',
    scope: ADS,
    handle: getEntity('CAMPAIGN', 'campaign_id'),
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/ad_groups/{ad_group_id}`,
    operationId: 'ad_groups/get',
    scope: ADS,
    handle: getEntity('AD_GROUP', 'ad_group_id'),
  },
  {
    method: 'GET',
    template: `${ACCOUNT}/ads/{ad_id}`,
    operationId: 'ads/get',
    scope: ADS,
    handle: getEntity('AD', 'ad_id'),
  },
];

const COMPILED = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, names, pattern: new RegExp(`^${source}$`) };
});

/** The route serving `method path` (path relative to /v5) and its path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  // Literal segments win over placeholders: analytics before {campaign_id}.
  for (const { route, names, pattern } of COMPILED) {
    if (route.method !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])));
    return { route, params };
  }
  return null;
}

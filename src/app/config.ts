// Deployment settings, read from script properties (set by whoever deploys the add-on).

import { AddonError } from '../core/errors';
import type { KeyValueStore } from '../ports';

export const PROPERTY = {
  clientId: 'PINTEREST_CLIENT_ID',
  clientSecret: 'PINTEREST_CLIENT_SECRET',
  /** Optional: points the add-on at a Pinterest-compatible server (the local sandbox). */
  apiBase: 'PINTEREST_API_BASE_URL',
  authorizeUrl: 'PINTEREST_AUTHORIZE_URL',
} as const;

export const PINTEREST_API_BASE = 'https://api.pinterest.com/v5';
export const PINTEREST_AUTHORIZE_URL = 'https://www.pinterest.com/oauth/';
/** Read-only: ad accounts, their entities and analytics, and the user's own profile. */
export const PINTEREST_SCOPES = ['ads:read', 'user_accounts:read'];

export interface Config {
  clientId: string;
  clientSecret: string;
  apiBase: string;
  authorizeUrl: string;
}

/** The deployment's settings; throws CONFIG_MISSING naming the property to set. */
export function readConfig(scriptProperties: KeyValueStore): Config {
  const clientId = scriptProperties.get(PROPERTY.clientId) ?? '';
  const clientSecret = scriptProperties.get(PROPERTY.clientSecret) ?? '';
  const missing = [
    clientId ? '' : PROPERTY.clientId,
    clientSecret ? '' : PROPERTY.clientSecret,
  ].filter(Boolean);
  if (missing.length) {
    throw new AddonError(
      'CONFIG_MISSING',
      `The add-on is not set up yet: its owner must set the script propert` +
        `${missing.length > 1 ? 'ies' : 'y'} ${missing.join(' and ')} (Project Settings → ` +
        'Script properties) to the Pinterest app id and secret.',
    );
  }
  return {
    clientId,
    clientSecret,
    apiBase: (scriptProperties.get(PROPERTY.apiBase) ?? PINTEREST_API_BASE).replace(/\/+$/, ''),
    authorizeUrl: scriptProperties.get(PROPERTY.authorizeUrl) ?? PINTEREST_AUTHORIZE_URL,
  };
}

// The PinterestAuth port on the OAuth2 for Apps Script library: tokens in user properties with
// the user cache and user lock, HTTP Basic client authentication as Pinterest requires.

import { AddonError } from '../core/errors';
import type { Config } from '../app/config';
import { PINTEREST_SCOPES } from '../app/config';
import type { Logger, PinterestAuth } from '../ports';

const SERVICE_NAME = 'pinterest';
/** The top-level function Google calls at /usercallback. */
export const CALLBACK_FUNCTION = 'authCallback';

function oauthLibrary(): typeof OAuth2 {
  if (typeof OAuth2 === 'undefined') {
    throw new AddonError(
      'CONFIG_MISSING',
      'The OAuth2 library the add-on uses to connect to Pinterest did not load. Reload the ' +
        'spreadsheet; if this persists, reinstall the add-on.',
    );
  }
  return OAuth2;
}

function createService(config: Config): GoogleAppsScriptOAuth2.OAuth2Service {
  const library = oauthLibrary();
  const basic = Utilities.base64Encode(`${config.clientId}:${config.clientSecret}`);
  return library
    .createService(SERVICE_NAME)
    .setAuthorizationBaseUrl(config.authorizeUrl)
    .setTokenUrl(`${config.apiBase}/oauth/token`)
    .setClientId(config.clientId)
    .setClientSecret(config.clientSecret)
    .setCallbackFunction(CALLBACK_FUNCTION)
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(LockService.getUserLock())
    .setScope(PINTEREST_SCOPES, ',')
    .setTokenHeaders({ Authorization: `Basic ${basic}` })
    .setTokenPayloadHandler(withoutBodyCredentials);
}

/**
 * Pinterest authenticates the app with the Basic header; the library also puts the id and
 * secret in the form body, which is dropped so the secret travels once.
 */
function withoutBodyCredentials(
  payload: GoogleAppsScriptOAuth2.TokenPayload,
): GoogleAppsScriptOAuth2.TokenPayload {
  const copy = { ...payload } as Record<string, unknown>;
  delete copy.client_id;
  delete copy.client_secret;
  return copy as unknown as GoogleAppsScriptOAuth2.TokenPayload;
}

export function oauthPinterestAuth(config: () => Config, logger: Logger): PinterestAuth {
  let service: GoogleAppsScriptOAuth2.OAuth2Service | undefined;
  const get = () => (service ??= createService(config()));

  return {
    isConnected: () => get().hasAccess(),
    authorizationUrl: () => get().getAuthorizationUrl(),
    handleCallback: (request) => get().handleCallback(request),
    disconnect: () => get().reset(),
    lastError: () => {
      const error = get().getLastError() as unknown;
      return error ? String(error) : undefined;
    },
    tokens: {
      accessToken: () => {
        if (!get().hasAccess()) {
          throw new AddonError(
            'NOT_CONNECTED',
            'Pinterest is not connected, or the connection has expired. Open the add-on and ' +
              'connect Pinterest.',
          );
        }
        return get().getAccessToken();
      },
      refresh: () => {
        try {
          get().refresh();
          return true;
        } catch (error) {
          // The library's message names the provider's answer, never the token itself.
          logger.warn(`Pinterest token refresh failed: ${String(error)}`);
          return false;
        }
      },
    },
  };
}

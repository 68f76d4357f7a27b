// Token endpoint calls and expiry rules of the OAuth2 stand-in: the POST through UrlFetchApp with
// the service's headers and payload handler, parsing with granted_time, and the 60 s buffer.
import type { Env } from './env';
import type { UrlFetchService } from './urlfetch';

const EXPIRATION_BUFFER_S = 60;

export const TOKEN_FORMAT = Object.freeze({
  JSON: 'application/json',
  FORM_URL_ENCODED: 'application/x-www-form-urlencoded',
});

export type Token = Record<string, unknown>;

/** The parts of a service's configuration a token request uses. */
export interface TokenRequestConfig {
  tokenHeaders: Record<string, string>;
  tokenPayloadHandler?: (payload: Token) => unknown;
  tokenMethod: string;
  tokenFormat: string;
}

export const nowSeconds = (env: Env) => Math.floor(env.clock.now() / 1000);

/** Adds granted_time and the absolute expiry times (epoch seconds) the checks below use. */
function parseToken(env: Env, content: string, format: string): Token {
  let token: Token;
  if (format === TOKEN_FORMAT.FORM_URL_ENCODED) {
    token = Object.fromEntries(new URLSearchParams(content));
  } else {
    try {
      token = JSON.parse(content) as Token;
    } catch {
      throw env.realm.error(`Token response not valid JSON: ${content}`);
    }
  }
  const now = nowSeconds(env);
  token.granted_time = now;
  const expiresIn = Number(token.expires_in ?? token.expires);
  if (Number.isFinite(expiresIn) && expiresIn > 0) token.expiresAt = now + expiresIn;
  const refreshIn = Number(token.refresh_token_expires_in);
  if (Number.isFinite(refreshIn) && refreshIn > 0) token.refreshTokenExpiresAt = now + refreshIn;
  return token;
}

/** Posts a grant to the token URL; provider errors become 'Error retrieving token: ...'. */
export function requestToken(
  env: Env,
  urlFetch: UrlFetchService,
  config: TokenRequestConfig,
  url: string,
  payload: Token,
): Token {
  const handled = config.tokenPayloadHandler
    ? config.tokenPayloadHandler(env.realm.copy(payload))
    : payload;
  const response = urlFetch.fetch(url, {
    method: config.tokenMethod,
    headers: { Accept: config.tokenFormat, ...config.tokenHeaders },
    payload: handled,
    muteHttpExceptions: true,
  });
  const token = parseToken(env, response.getContentText(), config.tokenFormat);
  const status = response.getResponseCode();
  if (status < 200 || status >= 300 || token.error) {
    const reason =
      [token.error, token.message, token.error_description, token.error_uri]
        .filter(Boolean)
        .join(', ') || `${status}: ${JSON.stringify(token)}`;
    throw env.realm.error(`Error retrieving token: ${reason}`);
  }
  return token;
}

/** Expired once less than 60 s remain; a token without any lifetime never expires. */
export function isExpired(token: Token, now: number): boolean {
  let expiresAt = token.expiresAt as number | undefined;
  if (expiresAt === undefined) {
    const expiresIn = Number(token.expires_in ?? token.expires);
    if (!Number.isFinite(expiresIn) || token.granted_time === undefined) return false;
    expiresAt = Number(token.granted_time) + expiresIn;
  }
  return expiresAt - now < EXPIRATION_BUFFER_S;
}

export function canRefresh(token: Token, now: number): boolean {
  if (!token.refresh_token) return false;
  const until = token.refreshTokenExpiresAt as number | undefined;
  return until === undefined || until - now >= EXPIRATION_BUFFER_S;
}

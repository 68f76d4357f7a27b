// Stand-in for the "OAuth2 for Apps Script" library (version 43), written from its documented
// API: authorization URLs with state tokens, code exchange, refresh under a lock, token storage.
// Limitation: PKCE, service-account (JWT) and client-credentials grants are not modelled.
import type { Env } from './env';
import { OAuthStorage, STORAGE_PREFIX, storeKeys, type PropertyStoreLike } from './oauth2-storage';
import {
  canRefresh,
  isExpired,
  nowSeconds,
  requestToken,
  TOKEN_FORMAT,
  type Token,
  type TokenRequestConfig,
} from './oauth2-token';
import type { UrlFetchService } from './urlfetch';

const LOCK_TIMEOUT_MS = 30000;
const STATE_TOKEN_TIMEOUT_S = 3600;

type LockLike = { waitLock(ms: number): void; releaseLock(): void };
type Builder = {
  withMethod(m: string): Builder;
  withArgument(k: string, v: string): Builder;
  withTimeout(s: number): Builder;
  createToken(): string;
};

/** What the stand-in needs from the runtime. */
export interface OAuth2Deps {
  env: Env;
  urlFetch: UrlFetchService;
  newStateToken: () => Builder;
  /** Where this runtime receives the OAuth redirect, when not at script.google.com. */
  userCallbackUrl?: string;
}

interface ServiceConfig extends TokenRequestConfig {
  authorizationBaseUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  clientId?: string;
  clientSecret?: string;
  callbackFunction?: string;
  propertyStore?: unknown;
  cache?: unknown;
  lock?: LockLike;
  scope?: string;
  params: Record<string, string>;
  redirectUri?: string;
  grantType: string;
}

function redirectUriFor(scriptId: string): string {
  return `https://script.google.com/macros/d/${encodeURIComponent(scriptId)}/usercallback`;
}

function withQuery(base: string, params: Record<string, unknown>): string {
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return base + (base.includes('?') ? '&' : '?') + query;
}

class Service {
  readonly #deps: OAuth2Deps;
  readonly #name: string;
  readonly #config: ServiceConfig = {
    params: {},
    tokenHeaders: {},
    tokenMethod: 'post',
    tokenFormat: TOKEN_FORMAT.JSON,
    grantType: 'authorization_code',
  };
  #lastError: unknown = null;
  #storage: OAuthStorage | null = null;

  constructor(deps: OAuth2Deps, name: string) {
    this.#deps = deps;
    this.#name = name;
  }

  setAuthorizationBaseUrl = (url: string) => this.#set({ authorizationBaseUrl: url });
  setTokenUrl = (url: string) => this.#set({ tokenUrl: url });
  setRefreshUrl = (url: string) => this.#set({ refreshUrl: url });
  setClientId = (clientId: string) => this.#set({ clientId });
  setClientSecret = (clientSecret: string) => this.#set({ clientSecret });
  setCallbackFunction = (name: string) => this.#set({ callbackFunction: name });
  setPropertyStore = (propertyStore: unknown) => this.#set({ propertyStore });
  setCache = (cache: unknown) => this.#set({ cache });
  setLock = (lock: unknown) => this.#set({ lock: lock as LockLike });
  setTokenHeaders = (tokenHeaders: Record<string, string>) => this.#set({ tokenHeaders });
  setTokenMethod = (tokenMethod: string) => this.#set({ tokenMethod });
  setTokenFormat = (tokenFormat: string) => this.#set({ tokenFormat });
  setRedirectUri = (redirectUri: string) => this.#set({ redirectUri });
  setGrantType = (grantType: string) => this.#set({ grantType });
  setTokenPayloadHandler = (handler: (payload: Token) => unknown) =>
    this.#set({ tokenPayloadHandler: handler });

  setParam(name: string, value: unknown): Service {
    this.#config.params[name] = String(value);
    return this;
  }

  setScope(scope: string | string[], optSeparator?: string): Service {
    const separator = optSeparator ?? ' ';
    return this.#set({ scope: Array.isArray(scope) ? scope.join(separator) : scope });
  }

  getRedirectUri(): string {
    const local = this.#deps.userCallbackUrl;
    return this.#config.redirectUri ?? local ?? redirectUriFor(this.#deps.env.scriptId);
  }

  getAuthorizationUrl(optAdditionalParameters?: Record<string, unknown>): string {
    const config = this.#config;
    this.#require({
      'Client ID': config.clientId,
      'Callback function name': config.callbackFunction,
      'Authorization base URL': config.authorizationBaseUrl,
    });
    let builder = this.#deps
      .newStateToken()
      .withMethod(config.callbackFunction as string)
      .withArgument('serviceName', this.#name)
      .withTimeout(STATE_TOKEN_TIMEOUT_S);
    for (const [key, value] of Object.entries(optAdditionalParameters ?? {})) {
      builder = builder.withArgument(key, String(value));
    }
    return withQuery(config.authorizationBaseUrl as string, {
      client_id: config.clientId,
      response_type: 'code',
      redirect_uri: this.getRedirectUri(),
      state: builder.createToken(),
      scope: config.scope,
      ...config.params,
    });
  }

  /** false when the user declined; throws on any other provider error. */
  handleCallback(callbackRequest: { parameter?: Record<string, string> }): boolean {
    const parameter = callbackRequest?.parameter ?? {};
    if (parameter.error) {
      if (parameter.error === 'access_denied') return false;
      throw this.#deps.env.realm.error(`Error authorizing token: ${parameter.error}`);
    }
    const token = this.#grant(this.#config.tokenUrl, {
      code: parameter.code,
      redirect_uri: this.getRedirectUri(),
      grant_type: this.#config.grantType,
    });
    this.#storageOrFail().setValue(null, token);
    return true;
  }

  /** Refreshes an expired token under the lock; refresh failures land in getLastError(). */
  hasAccess(): boolean {
    const now = nowSeconds(this.#deps.env);
    const token = this.getToken() as Token | null;
    if (token && !isExpired(token, now)) return true;
    if (!token || !canRefresh(token, now)) return false;
    return this.#lockable(() => {
      // Another execution may have refreshed while this one waited for the lock.
      const fresh = this.getToken(true) as Token | null;
      if (fresh && !isExpired(fresh, now)) return true;
      if (!fresh || !canRefresh(fresh, now)) return false;
      try {
        this.#refreshToken(fresh);
        return true;
      } catch (error) {
        this.#lastError = error;
        return false;
      }
    });
  }

  getAccessToken(): string {
    if (!this.hasAccess()) throw this.#deps.env.realm.error('Access not granted or expired.');
    return (this.getToken() as Token).access_token as string;
  }

  getIdToken(): string {
    if (!this.hasAccess()) throw this.#deps.env.realm.error('Access not granted or expired.');
    return (this.getToken() as Token).id_token as string;
  }

  getToken(optSkipMemoryCheck?: boolean): unknown {
    return this.#storageOrFail().getValue(null, optSkipMemoryCheck);
  }

  /** Like the library, the lock is released only when the refresh succeeds. */
  refresh(): void {
    this.#lockable(() => {
      const token = this.getToken() as Token | null;
      if (!token || !token.refresh_token) {
        throw this.#deps.env.realm.error('Offline access is required.');
      }
      this.#refreshToken(token);
    });
  }

  reset(): void {
    this.#storageOrFail().reset();
  }

  getLastError(): unknown {
    return this.#lastError;
  }

  getStorage(): OAuthStorage {
    return this.#storageOrFail();
  }

  #set(changes: Partial<ServiceConfig>): Service {
    Object.assign(this.#config, changes);
    if ('propertyStore' in changes || 'cache' in changes) this.#storage = null;
    return this;
  }

  #refreshToken(token: Token): void {
    const config = this.#config;
    const fresh = this.#grant(config.refreshUrl ?? config.tokenUrl, {
      refresh_token: token.refresh_token,
      grant_type: 'refresh_token',
    });
    if (!fresh.refresh_token) {
      fresh.refresh_token = token.refresh_token;
      if (token.refreshTokenExpiresAt !== undefined && fresh.refreshTokenExpiresAt === undefined) {
        fresh.refreshTokenExpiresAt = token.refreshTokenExpiresAt;
      }
    }
    this.#storageOrFail().setValue(null, fresh);
  }

  /** The client credentials always go in the body; a payload handler may take them out. */
  #grant(url: string | undefined, fields: Token): Token {
    const config = this.#config;
    this.#require({
      'Client ID': config.clientId,
      'Client Secret': config.clientSecret,
      'Token URL': config.tokenUrl,
    });
    const { code, ...rest } = fields;
    const payload: Token = {
      ...(code === undefined ? {} : { code }),
      client_id: config.clientId,
      client_secret: config.clientSecret,
      ...rest,
    };
    return requestToken(this.#deps.env, this.#deps.urlFetch, config, url as string, payload);
  }

  #lockable<T>(work: () => T): T {
    this.#config.lock?.waitLock(LOCK_TIMEOUT_MS);
    const result = work();
    this.#config.lock?.releaseLock();
    return result;
  }

  #storageOrFail(): OAuthStorage {
    const { propertyStore, cache } = this.#config;
    this.#require({ 'Property store': propertyStore });
    this.#storage ??= new OAuthStorage(this.#deps.env, this.#name, propertyStore, cache ?? null);
    return this.#storage;
  }

  #require(fields: Record<string, unknown>): void {
    for (const [label, value] of Object.entries(fields)) {
      if (!value) throw this.#deps.env.realm.error(`${label} is required.`);
    }
  }
}

/** The `OAuth2` global a script sees when the library is added with that identifier. */
export function createOAuth2(deps: OAuth2Deps) {
  return {
    TOKEN_FORMAT,
    createService: (serviceName: string) => new Service(deps, String(serviceName)),
    getRedirectUri: (optScriptId?: string) =>
      deps.userCallbackUrl ?? redirectUriFor(optScriptId ?? deps.env.scriptId),
    getServiceNames: (propertyStore: PropertyStoreLike) => {
      const names = new Set<string>();
      for (const key of storeKeys(propertyStore)) {
        if (!key.startsWith(STORAGE_PREFIX)) continue;
        const name = key.slice(STORAGE_PREFIX.length).split('.')[0];
        if (name) names.add(name);
      }
      return deps.env.realm.copy([...names]);
    },
  };
}

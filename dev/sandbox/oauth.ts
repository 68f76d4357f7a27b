// OAuth 2.0 as Pinterest runs it: the authorize page (standing in for www.pinterest.com/oauth/),
// single-use authorization codes, POST /v5/oauth/token with HTTP Basic client authentication,
// and continuous refresh tokens that rotate on every use.

import { randomBytes } from 'node:crypto';
import { ERROR_CODES, SandboxApiError, invalidParameters } from './errors';

export const ACCESS_TOKEN_SECONDS = 2_592_000;
export const REFRESH_TOKEN_SECONDS = 5_184_000;
const CODE_SECONDS = 600;

/** The 19 scopes of the spec; a token carries the ones the user granted. */
export const SCOPES: readonly string[] = [
  'ads:read',
  'ads:write',
  'billing:read',
  'billing:write',
  'biz_access:read',
  'biz_access:write',
  'boards:read',
  'boards:read_secret',
  'boards:write',
  'boards:write_secret',
  'catalogs:read',
  'catalogs:write',
  'msot:write',
  'pins:read',
  'pins:read_secret',
  'pins:write',
  'pins:write_secret',
  'user_accounts:read',
  'user_accounts:write',
];

export interface OAuthOptions {
  clientId: string;
  clientSecret: string;
  autoConsent: boolean;
  /** A fixed token accepted with every scope, so a client can skip the OAuth dance. */
  acceptToken?: string;
  /** Milliseconds since the epoch; replaceable so tests can move time. */
  now?: () => number;
}

/** An HTML or redirect answer of the authorize pages. */
export interface PageReply {
  status: number;
  headers: Record<string, string>;
  html?: string;
}

interface Grant {
  scopes: string[];
  expiresAt: number;
}

interface CodeGrant extends Grant {
  clientId: string;
  redirectUri: string;
}

export class OAuthServer {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly now: () => number;

  constructor(private readonly options: OAuthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The scopes of a valid bearer token, or null when the header carries none. */
  scopesOf(authorization: string | undefined): string[] | null {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return null;
    if (this.options.acceptToken && match[1] === this.options.acceptToken) return [...SCOPES];
    const grant = this.accessTokens.get(match[1]);
    if (!grant || grant.expiresAt <= this.now()) return null;
    return grant.scopes;
  }

  /** Forgets every issued token, as when the user removes the app in Pinterest's settings. */
  revokeAll(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  /** Ends every access token issued so far; refresh tokens still get new ones. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** GET /oauth/: consent page, or an immediate redirect in auto-consent mode. */
  authorize(query: URLSearchParams): PageReply {
    const request = this.checkAuthorizeRequest(query);
    if ('status' in request) return request;
    if (this.options.autoConsent) return this.decide(request, 'allow');
    return { status: 200, headers: HTML, html: consentPage(request, query) };
  }

  /** GET /oauth/consent?…&decision=allow|deny: the user's answer on the consent page. */
  consent(query: URLSearchParams): PageReply {
    const request = this.checkAuthorizeRequest(query);
    if ('status' in request) return request;
    const decision = query.get('decision');
    if (decision !== 'allow' && decision !== 'deny') {
      return errorPage('decision must be allow or deny.');
    }
    return this.decide(request, decision);
  }

  private checkAuthorizeRequest(query: URLSearchParams): AuthorizeRequest | PageReply {
    const clientId = query.get('client_id') ?? query.get('consumer_id');
    if (clientId !== this.options.clientId) {
      return errorPage(
        `Unknown app: client_id "${clientId ?? ''}" is not registered with this ` +
          'sandbox. Use the app id the sandbox was started with (--client-id).',
      );
    }
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!/^https?:\/\/[^\s]+$/.test(redirectUri) || !URL.canParse(redirectUri)) {
      return errorPage('redirect_uri must be an absolute http(s) URL.');
    }
    const state = query.get('state') ?? undefined;
    const request: AuthorizeRequest = { clientId, redirectUri, state, scopes: [] };
    if (query.get('response_type') !== 'code') {
      return redirect(request, { error: 'unsupported_response_type' });
    }
    const scopes = (query.get('scope') ?? '').split(/[,\s]+/).filter(Boolean);
    const unknown = scopes.filter((scope) => !SCOPES.includes(scope));
    if (scopes.length === 0 || unknown.length > 0) {
      const detail = scopes.length === 0 ? 'no scope requested' : `unknown: ${unknown.join(',')}`;
      return redirect(request, { error: 'invalid_scope', error_description: detail });
    }
    return { ...request, scopes };
  }

  private decide(request: AuthorizeRequest, decision: 'allow' | 'deny'): PageReply {
    if (decision === 'deny') return redirect(request, { error: 'access_denied' });
    const code = randomBytes(20).toString('hex');
    this.codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      scopes: request.scopes,
      expiresAt: this.now() + CODE_SECONDS * 1000,
    });
    return redirect(request, { code });
  }

  /** POST /v5/oauth/token, with the Authorization header and the parsed form body. */
  token(authorization: string | undefined, form: Record<string, string>): Record<string, unknown> {
    this.checkClient(authorization);
    const grantType = form.grant_type;
    if (grantType === 'authorization_code') return this.exchangeCode(form);
    if (grantType === 'refresh_token') return this.refresh(form);
    if (grantType === 'client_credentials') return this.clientCredentials(form);
    throw invalidParameters(
      'grant_type must be authorization_code, refresh_token or client_credentials.',
    );
  }

  private checkClient(authorization: string | undefined) {
    const match = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    const [id, ...secret] = match ? Buffer.from(match[1], 'base64').toString().split(':') : [];
    if (id !== this.options.clientId || secret.join(':') !== this.options.clientSecret) {
      throw new SandboxApiError(
        401,
        ERROR_CODES.AUTHENTICATION_FAILED,
        'Authentication ' + 'failed: send the app id and app secret as HTTP Basic credentials.',
      );
    }
  }

  private exchangeCode(form: Record<string, string>) {
    if (!form.code || !form.redirect_uri) {
      throw invalidParameters('code and redirect_uri are required for authorization_code.');
    }
    const grant = this.codes.get(form.code);
    if (!grant || grant.expiresAt <= this.now()) {
      throw invalidParameters(
        'code is not valid: it was never issued, was already used or ' +
          'has expired. Start the authorization again.',
      );
    }
    if (grant.redirectUri !== form.redirect_uri) {
      throw invalidParameters('redirect_uri does not match the one the code was issued for.');
    }
    this.codes.delete(form.code);
    return { ...this.issue(grant.scopes, true), response_type: 'authorization_code' };
  }

  private refresh(form: Record<string, string>) {
    const grant = form.refresh_token ? this.refreshTokens.get(form.refresh_token) : undefined;
    if (!grant || grant.expiresAt <= this.now()) {
      throw invalidParameters(
        'refresh_token is not valid: it was replaced by a newer one, ' +
          'has expired or was never issued. Ask the user to connect again.',
      );
    }
    const asked = form.scope ? form.scope.split(/[,\s]+/).filter(Boolean) : grant.scopes;
    if (asked.some((scope) => !grant.scopes.includes(scope))) {
      throw invalidParameters('scope may only narrow the scopes granted to the refresh token.');
    }
    // Continuous refresh: the old refresh token stops working once a new one is issued.
    this.refreshTokens.delete(form.refresh_token);
    return { ...this.issue(asked, true), response_type: 'refresh_token' };
  }

  private clientCredentials(form: Record<string, string>) {
    const scopes = (form.scope ?? '').split(/[,\s]+/).filter(Boolean);
    if (scopes.length === 0 || scopes.some((scope) => !SCOPES.includes(scope))) {
      throw invalidParameters('scope must list known scopes, comma-separated.');
    }
    return { ...this.issue(scopes, false), response_type: 'client_credentials' };
  }

  private issue(scopes: string[], withRefresh: boolean) {
    const now = this.now();
    const accessToken = `pina_${randomBytes(32).toString('base64url')}`;
    this.accessTokens.set(accessToken, { scopes, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 });
    const reply: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: ACCESS_TOKEN_SECONDS,
      scope: scopes.join(','),
    };
    if (!withRefresh) return reply;
    const refreshToken = `pinr_${randomBytes(32).toString('base64url')}`;
    const refreshExpiry = now + REFRESH_TOKEN_SECONDS * 1000;
    this.refreshTokens.set(refreshToken, { scopes, expiresAt: refreshExpiry });
    return {
      ...reply,
      refresh_token: refreshToken,
      refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
      refresh_token_expires_at: Math.floor(refreshExpiry / 1000),
    };
  }
}

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state?: string;
  scopes: string[];
}

const HTML = { 'content-type': 'text/html; charset=utf-8' };

function redirect(request: AuthorizeRequest, params: Record<string, string>): PageReply {
  const target = new URL(request.redirectUri);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  return { status: 302, headers: { location: target.toString() } };
}

function escapeHtml(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

function page(title: string, body: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`
  );
}

function errorPage(message: string): PageReply {
  return {
    status: 400,
    headers: HTML,
    html: page('Pinterest sandbox: error', `<p>${escapeHtml(message)}</p>`),
  };
}

function consentPage(request: AuthorizeRequest, query: URLSearchParams): string {
  const link = (decision: string, label: string) => {
    const params = new URLSearchParams(query);
    params.set('decision', decision);
    const href = escapeHtml(`/oauth/consent?${params.toString()}`);
    return `<a id="${decision}" href="${href}">${label}</a>`;
  };
  const scopes = request.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return page(
    'Pinterest sandbox: allow access?',
    `<p>App ${escapeHtml(request.clientId)} asks for:</p><ul>${scopes}</ul>` +
      `<p>${link('allow', 'Allow')} ${link('deny', 'Deny')}</p>`,
  );
}

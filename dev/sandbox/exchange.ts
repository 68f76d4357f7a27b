// One exchange under /v5: find the operation, check the request against the spec, inject a fault,
// authenticate, apply the analytics quotas, answer (world or fixture) and check the answer.

import type { ServedClock } from './clock';
import { ERROR_CODES, SandboxApiError, invalidParameters, notFound } from './errors';
import { faultLabel } from './fault-rules';
import { faultError, type FaultBoard } from './faults';
import type { OAuthServer } from './oauth';
import { Params, type Query } from './params';
import type { RateLimiter } from './rate-limit';
import { findReplay, type Fixture } from './replay';
import { matchRoute, type Route } from './routes';
import type { SpecValidator } from './spec';
import type { World } from './types';

/** One request and its answer, with what the spec found wrong in either. */
export interface ExchangeLog {
  method: string;
  path: string;
  operationId: string | null;
  query: Query;
  status: number;
  requestErrors: string[];
  responseErrors: string[];
  /** The injected fault, e.g. "status 503" or "drop"; absent when none fired. */
  fault?: string;
}

/** An answer before it is written: JSON `body` or an `html` page. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  html?: string;
  /** Wait this long before answering (a slow fault). */
  delayMs?: number;
  /** Close the connection without answering (a drop fault); status is then 0. */
  drop?: boolean;
}

export interface ApiContext {
  world: World;
  clock: ServedClock;
  faults: FaultBoard;
  spec: SpecValidator | null;
  oauth: OAuthServer;
  limiter: RateLimiter;
  fixtures: Fixture[] | null;
}

type Matched = { route: Route; params: Record<string, string> };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers, body };
}

export function errorReply(error: SandboxApiError): Reply {
  return json(error.status, error.body, error.headers);
}

/** Answers a /v5 request and fills in the log entry's operation, findings and fault. */
export function apiExchange(
  context: ApiContext,
  entry: ExchangeLog,
  headers: Record<string, string>,
  body: string,
): Reply {
  const relative = entry.path.slice(3).replace(/(.)\/+$/, '$1') || '/';
  const matched = safeMatch(entry.method, relative);
  entry.operationId =
    matched?.route.operationId ?? context.spec?.operationOf(entry.method, entry.path) ?? null;
  let reply: Reply;
  let delayMs = 0;
  try {
    const form = checkRequest(context, entry, headers, body);
    const fault = context.faults.take(relative, entry.operationId!);
    if (fault) entry.fault = faultLabel(fault);
    if (fault?.kind === 'drop') return { status: 0, headers: {}, drop: true };
    if (fault?.kind === 'slow') delayMs = fault.delayMs;
    const error = fault && faultError(fault, context.oauth);
    if (error) throw error;
    reply = answer(context, entry, matched, relative, headers, form);
  } catch (error) {
    if (!(error instanceof SandboxApiError)) throw error;
    reply = errorReply(error);
  }
  checkResponse(context.spec, entry, reply);
  return delayMs > 0 ? { ...reply, delayMs } : reply;
}

/** Refuses unknown paths and records what the spec finds wrong with the request. */
function checkRequest(
  context: ApiContext,
  entry: ExchangeLog,
  headers: Record<string, string>,
  body: string,
): Record<string, string> | undefined {
  if (!entry.operationId) {
    throw notFound(
      `No such endpoint: ${entry.method} ${entry.path}. Check the path against ` +
        'the Pinterest API v5 reference.',
    );
  }
  const form = entry.operationId === 'oauth/token' ? formOf(headers, body) : undefined;
  if (context.spec) {
    entry.requestErrors = context.spec.checkRequest(entry.operationId, {
      method: entry.method,
      path: entry.path,
      query: entry.query,
      headers,
      body: form,
    });
  }
  return form;
}

function answer(
  context: ApiContext,
  entry: ExchangeLog,
  matched: Matched | null,
  relative: string,
  headers: Record<string, string>,
  form: Record<string, string> | undefined,
): Reply {
  if (!matched) {
    throw new SandboxApiError(
      501,
      ERROR_CODES.NOT_IMPLEMENTED,
      `${entry.operationId} is not ` +
        'served by the sandbox, which serves the reporting endpoints only.',
    );
  }
  const invalid = () => invalidParameters(entry.requestErrors.join(' '));
  const { route } = matched;
  if (!route.scope) {
    if (entry.requestErrors.length > 0) throw invalid();
    return json(200, context.oauth.token(headers.authorization, form ?? {}));
  }

  const token = authenticate(context.oauth, headers.authorization, route.scope);
  if (route.analytics) {
    const refused = context.faults.spendQuota();
    if (refused) {
      entry.fault = 'dailyQuota';
      throw refused;
    }
    applyQuota(context.limiter, token);
  }
  const replayed =
    context.fixtures && findReplay(context.fixtures, entry.method, relative, entry.query);
  // A recorded answer is Pinterest's own, so it is sent even for a request the spec rejects.
  if (replayed && 'fixture' in replayed) {
    const { status, headers: recorded, body: recordedBody } = replayed.fixture.response;
    return { status, headers: recorded, body: recordedBody };
  }
  if (entry.requestErrors.length > 0) throw invalid();
  if (replayed) throw notFound(replayed.miss);
  const params = new Params(entry.query);
  const request = {
    world: context.world,
    params,
    path: matched.params,
    today: context.clock.today,
  };
  return json(200, route.handle!(request));
}

function checkResponse(spec: SpecValidator | null, entry: ExchangeLog, reply: Reply) {
  if (!spec || !entry.operationId || reply.body === undefined) return;
  entry.responseErrors = spec.checkResponse(entry.operationId, reply.status, reply.body);
  for (const problem of entry.responseErrors) {
    process.stderr.write(
      `sandbox: response of ${entry.operationId} (${reply.status}) breaks ` +
        `the spec: ${problem}\n`,
    );
  }
}

/** The bearer token, once it is known and carries `scope`. */
function authenticate(oauth: OAuthServer, authorization: string | undefined, scope: string) {
  const scopes = oauth.scopesOf(authorization);
  if (!scopes) {
    throw new SandboxApiError(401, ERROR_CODES.AUTHENTICATION_FAILED, 'Authentication failed.');
  }
  if (!scopes.includes(scope)) {
    throw new SandboxApiError(
      403,
      ERROR_CODES.FORBIDDEN,
      `Not authorized: the access token ` +
        `lacks the ${scope} scope. Connect again asking for ${scope}.`,
    );
  }
  return authorization!.replace(/^Bearer\s+/i, '').trim();
}

function applyQuota(limiter: RateLimiter, token: string) {
  const wait = limiter.take(token);
  if (wait === null) return;
  throw new SandboxApiError(
    429,
    ERROR_CODES.RATE_LIMITED,
    'You have exceeded your rate limit ' +
      `for ads analytics requests. Try again in ${wait} seconds.`,
    { 'retry-after': String(wait) },
  );
}

function safeMatch(method: string, relative: string): Matched | null {
  try {
    return matchRoute(method, relative);
  } catch {
    // A malformed %-escape in the path matches no route.
    return null;
  }
}

function formOf(headers: Record<string, string>, body: string): Record<string, string> {
  const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw invalidParameters('the token request body must be application/x-www-form-urlencoded.');
  }
  return Object.fromEntries(new URLSearchParams(body));
}

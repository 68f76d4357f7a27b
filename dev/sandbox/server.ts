// A local stand-in for the Pinterest API v5 on node:http: OAuth, accounts, entities and sync
// analytics from a deterministic world, every exchange checked against the official spec.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminExchange } from './admin';
import { ServedClock } from './clock';
import { parseDay, utcToday } from './dates';
import { notFound } from './errors';
import { apiExchange, errorReply, type ApiContext, type ExchangeLog, type Reply } from './exchange';
import { parseFaultRules, type FaultRule } from './fault-rules';
import { FaultBoard, type FaultRuleStatus } from './faults';
import { OAuthServer, type PageReply } from './oauth';
import type { Query } from './params';
import { RateLimiter } from './rate-limit';
import { Recorder } from './record';
import { loadReplay } from './replay';
import { loadSpec, resolveSpecPath } from './spec';
import type { World } from './types';
import { createWorld, loadWorld } from './world';

export type { ExchangeLog } from './exchange';
export type { Fault, FaultRule } from './fault-rules';
export type { FaultRuleStatus } from './faults';

export interface SandboxOptions {
  /** 0 (default) picks any free port. */
  port?: number;
  /** The served today, YYYY-MM-DD (default today in UTC); POST /__sandbox/clock moves it. */
  today?: string;
  /** The date the world is generated for, its history ending the day before (default today). */
  worldToday?: string;
  /** Days a day's conversions take to become final (default 0: final at once). */
  settlingDays?: number;
  /** Fault rules in force from the start; POST /__sandbox/faults replaces them. */
  faults?: FaultRule[];
  /** Seed of the generated world (default 1). */
  seed?: number;
  /** Multiplies campaigns per account in the generated world (default 1). */
  scale?: number;
  /** A world file to serve instead of the generated world. */
  worldFile?: string;
  /** A folder of recorded exchanges to answer /v5 requests with. */
  replayDir?: string;
  /** A folder to record every successful /v5 exchange into, as replay fixtures. */
  recordDir?: string;
  /** OpenAPI file; default PINTEREST_OPENAPI_SPEC, then ../shared/pinterest-api beside the repo. */
  specPath?: string;
  /** Redirect from the authorize page at once, without showing Allow/Deny. */
  autoConsent?: boolean;
  clientId?: string;
  clientSecret?: string;
  /** A fixed bearer token accepted with every scope. */
  acceptToken?: string;
  /** ads_analytics requests allowed per token per minute (default 300). */
  analyticsPerMinute?: number;
}

export interface RunningSandbox {
  url: string;
  apiBase: string;
  world: World;
  log: ExchangeLog[];
  /** The served today, as GET /__sandbox/clock answers it. */
  today(): string;
  /** Moves the served today, as POST /__sandbox/clock does; throws on a bad date. */
  setToday(today: string): void;
  /** Replaces the fault rules, as POST /__sandbox/faults does; throws naming a bad field. */
  setFaults(rules: unknown): void;
  /** The fault rules with how often each matched and fired, as GET /__sandbox/faults. */
  faults(): FaultRuleStatus[];
  /** False when the spec file was missing and nothing is validated. */
  validation: boolean;
  close(): Promise<void>;
}

interface Context extends ApiContext {
  log: ExchangeLog[];
  recorder: Recorder | null;
  /** Replies held back by slow faults, cut short when the sandbox closes. */
  delayed: Set<NodeJS.Timeout>;
}

const MAX_BODY_BYTES = 1_000_000;

/**
 * A local caller whose time is simulated (the local Apps Script runtime) sends its clock in
 * this header, so per-minute limits and daily quotas count in its time, not the real one:
 * a client that waits out a Retry-After on a simulated clock then finds the limit free.
 */
export const CALLER_CLOCK_HEADER = 'x-local-clock';
let callerClock: number | undefined;
const callerNow = () => callerClock ?? Date.now();
let requestCount = 0;

/** Starts the sandbox on 127.0.0.1 and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = new ServedClock(options.today ?? utcToday());
  const worldToday = options.worldToday ?? clock.today;
  if (parseDay(worldToday) === null) {
    throw new Error(`worldToday must be a date written YYYY-MM-DD, got "${worldToday}".`);
  }
  const settlingDays = options.settlingDays;
  const world = options.worldFile
    ? loadWorld(readWorldFile(options.worldFile), worldToday, { settlingDays })
    : createWorld({
        seed: options.seed ?? 1,
        today: worldToday,
        scale: options.scale,
        settlingDays,
      });
  const faults = new FaultBoard(clock, callerNow);
  faults.set(parseFaultRules(options.faults ?? [], 'faults'));
  const fixtures = options.replayDir ? loadReplay(options.replayDir) : null;
  const specPath = resolveSpecPath(options.specPath);
  const spec = await loadSpec(specPath);
  if (!spec) {
    process.stderr.write(
      `sandbox: no OpenAPI spec at ${specPath ?? '(unknown path)'}; ` +
        'request and response validation is off.\n',
    );
  }
  const context: Context = {
    world,
    clock,
    faults,
    delayed: new Set(),
    spec,
    fixtures,
    log: [],
    recorder: options.recordDir ? new Recorder(options.recordDir) : null,
    oauth: new OAuthServer({
      clientId: options.clientId ?? '1484200000000001',
      clientSecret: options.clientSecret ?? 'sandbox-secret',
      autoConsent: Boolean(options.autoConsent),
      acceptToken: options.acceptToken,
    }),
    limiter: new RateLimiter(options.analyticsPerMinute ?? 300, callerNow),
  };

  const server = createServer((req, res) => {
    handle(context, req, res).catch((error: unknown) => {
      process.stderr.write(`sandbox: ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent)
        send(res, { status: 500, headers: {}, body: { code: 500, message: 'Internal error' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiBase: `${url}/v5`,
    world,
    log: context.log,
    today: () => clock.today,
    setToday: (today) => clock.set(today),
    setFaults: (rules) => faults.set(parseFaultRules(rules, 'rules')),
    faults: () => faults.status(),
    validation: spec !== null,
    close: () =>
      new Promise<void>((resolve) => {
        context.delayed.forEach((timer) => clearTimeout(timer));
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readWorldFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `world file ${path} cannot be read (${(error as NodeJS.ErrnoException).code}); ` +
        'pass the path of a JSON world file such as dev/sandbox/examples/world.json.',
    );
  }
}

async function handle(context: Context, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  const path = url.pathname;

  const admin = adminExchange(context, method, path, body);
  if (admin) return send(res, admin);
  const query = queryOf(url.searchParams);
  const entry: ExchangeLog = {
    method,
    path,
    operationId: null,
    query,
    status: 0,
    requestErrors: [],
    responseErrors: [],
  };
  let reply: Reply;
  if (path === '/v5' || path.startsWith('/v5/')) {
    const headers = headersOf(req);
    // Set and used within one synchronous step, so concurrent requests cannot mix their clocks.
    callerClock = Number(headers[CALLER_CLOCK_HEADER]) || undefined;
    reply = apiExchange(context, entry, headers, body);
    callerClock = undefined;
    if (!entry.fault) context.recorder?.record(method, path, query, reply);
  } else if (method === 'GET' && (path === '/oauth' || path === '/oauth/')) {
    reply = page(context.oauth.authorize(url.searchParams));
  } else if (method === 'GET' && path === '/oauth/consent') {
    reply = page(context.oauth.consent(url.searchParams));
  } else {
    reply = errorReply(notFound(`No such page: ${method} ${path}. The API lives under /v5.`));
  }
  entry.status = reply.status;
  context.log.push(entry);
  if (reply.drop) {
    req.socket.destroy();
    return;
  }
  if (reply.delayMs) await delay(context.delayed, reply.delayMs);
  if (!res.destroyed) send(res, reply);
}

function delay(timers: Set<NodeJS.Timeout>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      resolve();
    }, ms);
    timers.add(timer);
  });
}

/** Repeated keys become arrays, as the spec's form/explode=true arrays are sent. */
function queryOf(search: URLSearchParams): Query {
  const query: Query = {};
  for (const [key, value] of search) {
    const seen = query[key];
    query[key] = seen === undefined ? value : ([] as string[]).concat(seen, value);
  }
  return query;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function page(reply: PageReply): Reply {
  return { status: reply.status, headers: reply.headers, html: reply.html };
}

function send(res: ServerResponse, reply: Reply) {
  requestCount += 1;
  const headers: Record<string, string> = { 'x-pinterest-rid': String(100000000 + requestCount) };
  for (const [key, value] of Object.entries(reply.headers)) headers[key.toLowerCase()] = value;
  delete headers['content-length'];
  let payload = '';
  if (reply.html !== undefined) {
    payload = reply.html;
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

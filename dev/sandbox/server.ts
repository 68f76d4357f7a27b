// A local stand-in for the Pinterest API v5 on node:http: OAuth, accounts, entities and sync
// analytics from a deterministic world, every exchange checked against the official spec.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { utcToday } from './dates';
import { notFound } from './errors';
import {
  apiExchange,
  errorReply,
  json,
  type ApiContext,
  type ExchangeLog,
  type Reply,
} from './exchange';
import { OAuthServer, type PageReply } from './oauth';
import type { Query } from './params';
import { RateLimiter } from './rate-limit';
import { Recorder } from './record';
import { loadReplay } from './replay';
import { loadSpec, resolveSpecPath } from './spec';
import type { World } from './types';
import { createWorld, loadWorld } from './world';

export type { ExchangeLog } from './exchange';

export interface SandboxOptions {
  /** 0 (default) picks any free port. */
  port?: number;
  /** YYYY-MM-DD; default today in UTC. */
  today?: string;
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
  /** False when the spec file was missing and nothing is validated. */
  validation: boolean;
  close(): Promise<void>;
}

interface Context extends ApiContext {
  log: ExchangeLog[];
  recorder: Recorder | null;
}

const MAX_BODY_BYTES = 1_000_000;
let requestCount = 0;

/** Starts the sandbox on 127.0.0.1 and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const today = options.today ?? utcToday();
  const world = options.worldFile
    ? loadWorld(readWorldFile(options.worldFile), today)
    : createWorld({ seed: options.seed ?? 1, today, scale: options.scale });
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
    limiter: new RateLimiter(options.analyticsPerMinute ?? 300),
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
    validation: spec !== null,
    close: () =>
      new Promise<void>((resolve) => {
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

  if (path === '/__sandbox/log') return send(res, adminLog(context.log, method));
  if (path === '/__sandbox/revoke' && method === 'POST') {
    context.oauth.revokeAll();
    return send(res, { status: 204, headers: {} });
  }
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
    reply = apiExchange(context, entry, headersOf(req), body);
    context.recorder?.record(method, path, query, reply);
  } else if (method === 'GET' && (path === '/oauth' || path === '/oauth/')) {
    reply = page(context.oauth.authorize(url.searchParams));
  } else if (method === 'GET' && path === '/oauth/consent') {
    reply = page(context.oauth.consent(url.searchParams));
  } else {
    reply = errorReply(notFound(`No such page: ${method} ${path}. The API lives under /v5.`));
  }
  entry.status = reply.status;
  context.log.push(entry);
  send(res, reply);
}

function adminLog(log: ExchangeLog[], method: string): Reply {
  if (method === 'DELETE') {
    log.length = 0;
    return { status: 204, headers: {} };
  }
  if (method === 'GET') return json(200, log);
  return json(405, { code: 405, message: 'Use GET to read the log or DELETE to clear it.' });
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

// The sandbox's own control endpoints under /__sandbox/: the exchange log, token revocation, the
// served clock, fault rules and archiving entities. Tests drive a run through them.

import type { ServedClock } from './clock';
import { SandboxApiError } from './errors';
import { json, type ExchangeLog, type Reply } from './exchange';
import { parseFaultRules } from './fault-rules';
import type { FaultBoard } from './faults';
import type { OAuthServer } from './oauth';
import type { World } from './types';

export interface AdminContext {
  world: World;
  clock: ServedClock;
  faults: FaultBoard;
  oauth: OAuthServer;
  log: ExchangeLog[];
}

type Handler = (context: AdminContext, method: string, body: string) => Reply;

const ENDPOINTS: Readonly<Record<string, Handler>> = {
  '/__sandbox/log': adminLog,
  '/__sandbox/revoke': revoke,
  '/__sandbox/clock': clock,
  '/__sandbox/faults': faults,
  '/__sandbox/archive': archive,
};

/** The answer of an admin endpoint, or null when `path` is not under /__sandbox/. */
export function adminExchange(
  context: AdminContext,
  method: string,
  path: string,
  body: string,
): Reply | null {
  if (path !== '/__sandbox' && !path.startsWith('/__sandbox/')) return null;
  const handler = ENDPOINTS[path.replace(/(.)\/+$/, '$1')];
  if (!handler) {
    return problem(
      404,
      `No such sandbox endpoint ${path}; there are ${Object.keys(ENDPOINTS).join(', ')}.`,
    );
  }
  return handler(context, method, body);
}

function adminLog({ log }: AdminContext, method: string): Reply {
  if (method === 'DELETE') {
    log.length = 0;
    return { status: 204, headers: {} };
  }
  if (method === 'GET') return json(200, log);
  return problem(405, 'Use GET to read the log or DELETE to clear it.');
}

function revoke({ oauth }: AdminContext, method: string): Reply {
  if (method !== 'POST') return problem(405, 'Use POST to revoke every issued token.');
  oauth.revokeAll();
  return { status: 204, headers: {} };
}

function clock(context: AdminContext, method: string, body: string): Reply {
  if (method === 'POST') {
    const request = parseBody(body);
    if (request === undefined) return problem(400, 'Send JSON such as {"today": "2026-03-11"}.');
    try {
      context.clock.set((request as { today?: unknown } | null)?.today as string);
    } catch (error) {
      return problem(400, `Cannot move the clock: ${(error as Error).message}`);
    }
  } else if (method !== 'GET') {
    return problem(405, 'Use GET to read the served today or POST {"today"} to move it.');
  }
  return json(200, { today: context.clock.today });
}

function faults(context: AdminContext, method: string, body: string): Reply {
  if (method === 'POST') {
    try {
      context.faults.set(parseFaultRules(parseBody(body), 'body'));
    } catch (error) {
      return problem(400, `Fault rules not changed: ${(error as Error).message}`);
    }
  } else if (method === 'DELETE') {
    context.faults.set([]);
    return { status: 204, headers: {} };
  } else if (method !== 'GET') {
    return problem(405, 'Use GET to read the fault rules, POST to replace them, DELETE to clear.');
  }
  return json(200, context.faults.status());
}

function archive(context: AdminContext, method: string, body: string): Reply {
  if (method !== 'POST') return problem(405, 'Use POST {"ids": [...]} to archive entities.');
  const ids = (parseBody(body) as { ids?: unknown } | undefined)?.ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    return problem(400, 'Send {"ids": ["<campaign, ad group or ad id>", ...]}, ids as strings.');
  }
  try {
    return json(200, { archived: context.world.archive(ids, context.clock.today) });
  } catch (error) {
    if (!(error instanceof SandboxApiError)) throw error;
    return problem(error.status, error.message);
  }
}

/** Parsed JSON, or undefined when the body is not JSON. */
function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Admin errors keep the API's {code, message} shape, with the HTTP status as the code. */
function problem(status: number, message: string): Reply {
  return json(status, { code: status, message });
}

// The fault rules a run can inject (as data: which requests, how many, what goes wrong) and the
// check that turns a JSON array from a file or POST /__sandbox/faults into rules, naming any fix.

/** What goes wrong with a matching request. */
export type Fault =
  | { kind: 'status'; status: 429 | 500 | 502 | 503; retryAfter?: number }
  | { kind: 'throttle400'; retryAfter: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop' }
  | { kind: 'expireTokens' }
  | { kind: 'dailyQuota'; limit: number };

export interface FaultRule {
  /** Both parts must hold; no match means every /v5 request of a known operation. */
  match?: {
    /** A regular expression tested against the path after /v5, e.g. "/campaigns/analytics$". */
    path?: string;
    operationId?: string;
  };
  /** Let the first N matching requests through (default 0). */
  skip?: number;
  /** Fire this many times (default 1); 0 fires on every matching request from then on. */
  times?: number;
  fault: Fault;
}

export const FAULT_KINDS = ['status', 'throttle400', 'slow', 'drop', 'expireTokens', 'dailyQuota'];
const STATUSES = [429, 500, 502, 503];
/** Longer delays would outlast any sensible client timeout and keep test runs hanging. */
export const MAX_DELAY_MS = 120_000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rules from parsed JSON; throws an Error naming the first bad field and what to write. */
export function parseFaultRules(json: unknown, source = 'faults'): FaultRule[] {
  if (!Array.isArray(json)) {
    throw new Error(`${source} must be a JSON array of rules, e.g. [{"fault": {"kind": "drop"}}].`);
  }
  return json.map((rule, i) => parseRule(rule, `${source}[${i}]`));
}

function parseRule(rule: unknown, where: string): FaultRule {
  if (!isObject(rule)) throw new Error(`${where} must be an object with a "fault".`);
  onlyKeys(rule, ['match', 'skip', 'times', 'fault'], where);
  const fault = parseFault(rule.fault, `${where}.fault`);
  const parsed: Partial<FaultRule> = {};
  if (rule.match !== undefined) parsed.match = parseMatch(rule.match, `${where}.match`);
  if (rule.skip !== undefined) parsed.skip = count(rule.skip, `${where}.skip`);
  if (rule.times !== undefined) parsed.times = count(rule.times, `${where}.times`);
  return { ...parsed, fault };
}

function parseMatch(match: unknown, where: string): NonNullable<FaultRule['match']> {
  if (!isObject(match)) throw new Error(`${where} must be an object: {"path"?, "operationId"?}.`);
  onlyKeys(match, ['path', 'operationId'], where);
  const parsed: NonNullable<FaultRule['match']> = {};
  if (match.path !== undefined) {
    if (typeof match.path !== 'string') throw new Error(`${where}.path must be a string.`);
    try {
      new RegExp(match.path);
    } catch (error) {
      throw new Error(`${where}.path is not a regular expression: ${(error as Error).message}`);
    }
    parsed.path = match.path;
  }
  if (match.operationId !== undefined) {
    if (typeof match.operationId !== 'string' || match.operationId === '') {
      throw new Error(`${where}.operationId must be a spec operationId such as "ads/analytics".`);
    }
    parsed.operationId = match.operationId;
  }
  return parsed;
}

function parseFault(fault: unknown, where: string): Fault {
  if (!isObject(fault) || !FAULT_KINDS.includes(String(fault.kind))) {
    throw new Error(`${where}.kind must be one of ${FAULT_KINDS.join(', ')}.`);
  }
  switch (fault.kind) {
    case 'status': {
      onlyKeys(fault, ['kind', 'status', 'retryAfter'], where);
      if (!STATUSES.includes(fault.status as number)) {
        throw new Error(`${where}.status must be one of ${STATUSES.join(', ')}.`);
      }
      const status = fault.status as 429 | 500 | 502 | 503;
      if (fault.retryAfter === undefined) return { kind: 'status', status };
      return { kind: 'status', status, retryAfter: count(fault.retryAfter, `${where}.retryAfter`) };
    }
    case 'throttle400':
      onlyKeys(fault, ['kind', 'retryAfter'], where);
      return { kind: 'throttle400', retryAfter: count(fault.retryAfter, `${where}.retryAfter`) };
    case 'slow': {
      onlyKeys(fault, ['kind', 'delayMs'], where);
      const delayMs = count(fault.delayMs, `${where}.delayMs`);
      if (delayMs > MAX_DELAY_MS) throw new Error(`${where}.delayMs must be ≤ ${MAX_DELAY_MS}.`);
      return { kind: 'slow', delayMs };
    }
    case 'dailyQuota':
      onlyKeys(fault, ['kind', 'limit'], where);
      return { kind: 'dailyQuota', limit: count(fault.limit, `${where}.limit`) };
    default:
      onlyKeys(fault, ['kind'], where);
      return { kind: fault.kind as 'drop' | 'expireTokens' };
  }
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${where} must be a whole number ≥ 0, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** Refuses misspelt keys, which would otherwise silently match everything or never fire. */
function onlyKeys(object: Json, allowed: string[], where: string) {
  const extra = Object.keys(object).find((key) => !allowed.includes(key));
  if (extra !== undefined) {
    throw new Error(`${where} has an unknown key "${extra}"; allowed: ${allowed.join(', ')}.`);
  }
}

/** A short label of a fault for the exchange log, e.g. "status 503" or "slow 250ms". */
export function faultLabel(fault: Fault): string {
  switch (fault.kind) {
    case 'status':
      return `status ${fault.status}`;
    case 'throttle400':
      return `throttle400 retry after ${fault.retryAfter}s`;
    case 'slow':
      return `slow ${fault.delayMs}ms`;
    case 'dailyQuota':
      return `dailyQuota armed, limit ${fault.limit}`;
    default:
      return fault.kind;
  }
}

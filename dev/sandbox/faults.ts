// Applies a run's fault rules to /v5 requests: counts matches, picks the rule that fires, turns
// its fault into an error answer, and keeps the daily ads_analytics quota a rule arms.

import type { ServedClock } from './clock';
import { utcToday } from './dates';
import { ERROR_CODES, SandboxApiError } from './errors';
import type { Fault, FaultRule } from './fault-rules';
import type { OAuthServer } from './oauth';

export type { Fault, FaultRule } from './fault-rules';

interface QuotaState {
  limit: number;
  /** ads_analytics requests let through since the quota's day began. */
  used: number;
  refused: number;
  day: string;
}

interface RuleState {
  rule: FaultRule;
  pattern: RegExp | null;
  matched: number;
  fired: number;
  quota?: QuotaState;
}

/** A rule as GET /__sandbox/faults shows it: how many requests matched and how often it fired. */
export type FaultRuleStatus = FaultRule & {
  matched: number;
  fired: number;
  quota?: QuotaState;
};

const DAY_MS = 86_400_000;

export class FaultBoard {
  private states: RuleState[] = [];

  constructor(
    private readonly clock: ServedClock,
    private readonly now: () => number = Date.now,
  ) {}

  /** Replaces the rules; counts and armed quotas start again from zero. */
  set(rules: FaultRule[]): void {
    this.states = rules.map((rule) => ({
      rule,
      pattern: rule.match?.path === undefined ? null : new RegExp(rule.match.path),
      matched: 0,
      fired: 0,
    }));
  }

  status(): FaultRuleStatus[] {
    return this.states.map(({ rule, matched, fired, quota }) => ({
      ...rule,
      matched,
      fired,
      ...(quota ? { quota: { ...quota } } : {}),
    }));
  }

  /**
   * Counts the request against every rule it matches and returns the fault of the first rule
   * that is due (past its skip, short of its times), or null. One fault at most per request.
   */
  take(path: string, operationId: string): Fault | null {
    let firing: RuleState | null = null;
    for (const state of this.states) {
      const { match, skip = 0, times = 1 } = state.rule;
      if (match?.operationId !== undefined && match.operationId !== operationId) continue;
      if (state.pattern && !state.pattern.test(path)) continue;
      state.matched += 1;
      const due = state.matched > skip && (times === 0 || state.fired < times);
      if (due && !firing) firing = state;
    }
    if (!firing) return null;
    firing.fired += 1;
    const { fault } = firing.rule;
    if (fault.kind === 'dailyQuota') {
      firing.quota = { limit: fault.limit, used: 0, refused: 0, day: this.quotaDay() };
    }
    return fault;
  }

  /**
   * Counts one ads_analytics request against every armed daily quota; a 429 once any of them is
   * used up. A quota's day ends when the served today moves or the real UTC date changes.
   */
  spendQuota(): SandboxApiError | null {
    const day = this.quotaDay();
    const quotas = this.states.flatMap((state) => (state.quota ? [state.quota] : []));
    for (const quota of quotas) {
      if (quota.day !== day) Object.assign(quota, { day, used: 0 });
    }
    const spent = quotas.find((quota) => quota.used >= quota.limit);
    if (!spent) {
      quotas.forEach((quota) => (quota.used += 1));
      return null;
    }
    spent.refused += 1;
    const wait = secondsToUtcMidnight(this.now());
    return new SandboxApiError(
      429,
      ERROR_CODES.RATE_LIMITED,
      `You have used today's quota of ${spent.limit} ads analytics requests. ` +
        `Try again after midnight UTC, in ${wait} seconds.`,
      { 'retry-after': String(wait) },
    );
  }

  private quotaDay(): string {
    return `${this.clock.epoch}|${utcToday(new Date(this.now()))}`;
  }
}

/** Whole seconds from `now` (ms since the epoch) to the next midnight UTC, at least 1. */
export function secondsToUtcMidnight(now: number): number {
  return Math.max(1, Math.ceil((DAY_MS - (now % DAY_MS)) / 1000));
}

/**
 * The error a fault answers with, or null for the faults that do not answer by themselves
 * (slow, drop, dailyQuota). expireTokens invalidates the issued access tokens first.
 */
export function faultError(fault: Fault, oauth: OAuthServer): SandboxApiError | null {
  switch (fault.kind) {
    case 'status':
      return statusError(fault.status, fault.retryAfter);
    case 'throttle400':
      // Throttling reported as a 400: only the message says when to retry, no Retry-After.
      return new SandboxApiError(
        400,
        ERROR_CODES.RATE_LIMITED,
        `This request was throttled. Please retry after ${fault.retryAfter} seconds.`,
      );
    case 'expireTokens':
      oauth.expireAccessTokens();
      return new SandboxApiError(401, ERROR_CODES.AUTHENTICATION_FAILED, 'Authentication failed.');
    default:
      return null;
  }
}

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  429: 'Too many requests: this app is being rate limited. Slow down and try again later.',
  500: 'Internal error: something went wrong on our side. Try again later.',
  502: 'Bad gateway: an upstream service did not answer in time. Try again later.',
  503: 'Service unavailable: the API is overloaded or down for maintenance. Try again later.',
};

function statusError(status: number, retryAfter: number | undefined): SandboxApiError {
  // 5xx bodies carry the status as their code, like the sandbox's own internal errors.
  const code = status === 429 ? ERROR_CODES.RATE_LIMITED : status;
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  return new SandboxApiError(status, code, STATUS_MESSAGES[status], headers);
}

// What one execution may still spend: wall time before Apps Script's 6-minute limit, and
// UrlFetch calls before the day's quota. A run stops starting new work well before either.

import { toIsoDate } from '../core/dates';
import type { Clock, KeyValueStore } from '../ports';

/** Apps Script ends an execution after 6 minutes. */
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/**
 * No new batch starts after 4 minutes 30 seconds: a batch with retries and the final write of a
 * large tab must still fit in what is left.
 */
export const WORK_WINDOW_MS = 4.5 * 60_000;
/**
 * UrlFetch calls a day for a consumer account. Limitation: Workspace accounts have 100,000, but
 * the add-on cannot tell which it runs as, so it keeps to the lower figure.
 */
export const DAILY_FETCH_QUOTA = 20_000;
/** Calls kept back for token refreshes, the sidebar and the other reports of the day. */
export const FETCH_RESERVE = 500;

export interface Budget {
  /** Epoch milliseconds after which no new work starts. */
  deadline: number;
  /** UrlFetch calls this execution may still make. */
  fetchesLeft: number;
}

const fetchKey = (clock: Clock) => `urlfetch.${toIsoDate(clock.now())}`;

/** A fresh budget for an execution that started at `started`. */
export function executionBudget(clock: Clock, user: KeyValueStore, started: Date): Budget {
  const used = Number(user.get(fetchKey(clock)) ?? 0);
  return {
    deadline: started.getTime() + WORK_WINDOW_MS,
    fetchesLeft: Math.max(0, DAILY_FETCH_QUOTA - FETCH_RESERVE - used),
  };
}

/** Counts the calls an execution made against the day's quota (kept in user properties). */
export function recordFetches(clock: Clock, user: KeyValueStore, count: number): void {
  if (count <= 0) return;
  const key = fetchKey(clock);
  user.set(key, String(Number(user.get(key) ?? 0) + count));
  for (const old of user.keys()) {
    if (old.startsWith('urlfetch.') && old !== key) user.delete(old);
  }
}

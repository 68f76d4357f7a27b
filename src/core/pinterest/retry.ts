// How long to wait before trying a failed request again: exponential backoff with jitter,
// honouring the server's Retry-After, and giving up when the wait is more than a run affords.

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * A longer requested wait is not slept through in this run. Limitation: a wait up to this
   * long is not cut short by the execution's deadline; the run's safety margin absorbs it.
   */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxWaitMs: 60_000,
};

/**
 * Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1), or undefined to
 * stop trying. `random` is injectable so tests are exact.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= policy.maxAttempts) return undefined;
  if (retryAfterSeconds !== undefined) {
    const asked = retryAfterSeconds * 1000;
    return asked <= policy.maxWaitMs ? asked : undefined;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

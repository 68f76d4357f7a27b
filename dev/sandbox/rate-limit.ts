// Per-token request quota over a sliding minute, like Pinterest's per-user, per-category limits.

export class RateLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns null when allowed, else the seconds to wait (Retry-After). */
  take(key: string): number | null {
    const now = this.now();
    const recent = (this.seen.get(key) ?? []).filter((time) => time > now - 60_000);
    if (recent.length >= this.perMinute) {
      this.seen.set(key, recent);
      return Math.max(1, Math.ceil((recent[0] + 60_000 - now) / 1000));
    }
    recent.push(now);
    this.seen.set(key, recent);
    return null;
  }
}

// The Pinterest API v5 client: authenticated GETs, bookmark paging, batched analytics, and
// retries for throttling and outages. It speaks only through the Http and TokenSource ports.

import { AddonError, isRetryable } from '../errors';
import type { Clock, Http, HttpRequest, HttpResponse, Logger, TokenSource } from '../../ports';
import { errorFromResponse } from './errors';
import { ALL_ENTITY_STATUSES, LEVELS, LIMITS, type Level } from './limits';
import { buildQuery, type QueryValue } from './query';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry';
import type { AdAccount, AnalyticsRequest, AnalyticsRow, Entity } from './types';

interface Page<T> {
  items: T[];
  bookmark?: string | null;
}

/** A request the client has prepared, with the words that name it in error messages. */
interface Prepared {
  request: HttpRequest;
  what: string;
}

export interface ClientOptions {
  apiBase: string;
  http: Http;
  tokens: TokenSource;
  clock: Pick<Clock, 'now' | 'sleep'>;
  logger?: Logger;
  retryPolicy?: RetryPolicy;
  /** Requests sent together in one fetchAll. */
  batchSize?: number;
  /** Epoch ms after which the client waits for nothing: a retry that would end later fails. */
  deadline?: number;
}

/**
 * When requests were sent in this execution, for pacing: shared by every client (one a report),
 * since Pinterest counts per user, not per report. Apps Script starts each execution afresh.
 */
const SENT_AT: number[] = [];

export class PinterestClient {
  /** HTTP requests sent so far, retries included. */
  requestCount = 0;
  private refreshedToken = false;

  constructor(private readonly options: ClientOptions) {}

  /**
   * Whether Pinterest calls a day's conversion numbers final, or undefined when it does not
   * say (the endpoint is not available to every app).
   */
  conversionsReady(date: string): boolean | undefined {
    const url = `${this.options.apiBase}/resources/metrics_ready_state${buildQuery({ date })}`;
    try {
      const body = this.sendAll([{ request: { url, method: 'get' }, what: 'metrics readiness' }]);
      const state = JSON.parse(body[0]) as { conversion_metrics_ready?: boolean };
      return state.conversion_metrics_ready;
    } catch (error) {
      if (error instanceof AddonError && error.code === 'TOKEN_EXPIRED') throw error;
      return undefined;
    }
  }

  /** The connected Pinterest user's profile. */
  userAccount(): { username?: string } {
    const request: HttpRequest = { url: `${this.options.apiBase}/user_account`, method: 'get' };
    return JSON.parse(this.sendAll([{ request, what: 'your Pinterest profile' }])[0]);
  }

  /** Every ad account the user can see, own and shared. */
  listAdAccounts(): AdAccount[] {
    return this.listAll<AdAccount>('/ad_accounts', {}, 'your ad accounts');
  }

  /** Every campaign, ad group or ad of an account, archived ones included. */
  listEntities(adAccountId: string, level: Exclude<Level, 'AD_ACCOUNT'>): Entity[] {
    const path = `/ad_accounts/${adAccountId}${LEVELS[level].listPath}`;
    const what = `ad account ${adAccountId}'s ${level.toLowerCase().replace('_', ' ')}s`;
    return this.listAll<Entity>(path, { entity_statuses: ALL_ENTITY_STATUSES }, what);
  }

  /** Runs analytics requests, several at a time, and answers their rows in request order. */
  analytics(requests: AnalyticsRequest[]): AnalyticsRow[][] {
    const results: (AnalyticsRow[] | undefined)[] = new Array(requests.length);
    this.runAnalytics(requests, results, () => true);
    return results as AnalyticsRow[][];
  }

  /**
   * Runs the requests whose result is still missing, a batch at a time, storing each batch's
   * rows in `results` as soon as it is in, so a failure or a stop keeps what was fetched.
   * Before each batch `canContinue(size)` may stop the run; answers whether all are in.
   */
  runAnalytics(
    requests: AnalyticsRequest[],
    results: (AnalyticsRow[] | undefined)[],
    canContinue: (batchSize: number) => boolean,
  ): boolean {
    const missing = requests.map((_, index) => index).filter((index) => !results[index]);
    const batchSize = this.options.batchSize ?? 10;
    for (let start = 0; start < missing.length; start += batchSize) {
      const batch = missing.slice(start, start + batchSize);
      if (!canContinue(batch.length)) return false;
      const prepared = batch.map((index) => this.prepareAnalytics(requests[index]));
      this.sendAll(prepared, (position, body) => {
        results[batch[position]] = JSON.parse(body) as AnalyticsRow[];
      });
    }
    return true;
  }

  /** The URL of an analytics request; the planner measures it against the URL limit. */
  analyticsUrl(request: AnalyticsRequest): string {
    const level = LEVELS[request.level];
    const params: Record<string, QueryValue> = {
      start_date: request.startDate,
      end_date: request.endDate,
      columns: request.columns.join(','),
      granularity: request.granularity,
      click_window_days: request.attribution.clickWindowDays,
      engagement_window_days: request.attribution.engagementWindowDays,
      view_window_days: request.attribution.viewWindowDays,
      conversion_report_time: request.attribution.conversionReportTime,
    };
    if (level.idParam) params[level.idParam] = request.ids;
    const path = `/ad_accounts/${request.adAccountId}${level.analyticsPath}`;
    return `${this.options.apiBase}${path}${buildQuery(params)}`;
  }

  private prepareAnalytics(request: AnalyticsRequest): Prepared {
    const what =
      request.level === 'AD_ACCOUNT'
        ? `ad account ${request.adAccountId}'s analytics`
        : `analytics of ${request.ids.length} ${request.level.toLowerCase()} id(s) in ad account ` +
          request.adAccountId;
    return { request: { url: this.analyticsUrl(request), method: 'get' }, what };
  }

  private listAll<T>(path: string, params: Record<string, QueryValue>, what: string): T[] {
    const items: T[] = [];
    let bookmark: string | undefined;
    do {
      const query = buildQuery({ ...params, page_size: LIMITS.maxPageSize, bookmark });
      const request: HttpRequest = { url: `${this.options.apiBase}${path}${query}`, method: 'get' };
      const page = JSON.parse(this.sendAll([{ request, what }])[0]) as Page<T>;
      items.push(...page.items);
      bookmark = page.bookmark ?? undefined;
    } while (bookmark);
    return items;
  }

  /**
   * Sends requests together and answers their bodies. Failed ones are retried (alone or
   * together) per the retry policy; a 401 refreshes the token once per client. `onAnswer`
   * hears each success at once, so a later failure does not lose it.
   */
  private sendAll(
    prepared: Prepared[],
    onAnswer?: (position: number, body: string) => void,
  ): string[] {
    const bodies: (string | undefined)[] = new Array(prepared.length);
    let pending = prepared.map((_, index) => index);
    const policy = this.options.retryPolicy ?? DEFAULT_RETRY_POLICY;

    for (let attempt = 1; pending.length > 0; attempt++) {
      const responses = this.tryFetchAll(pending, prepared, policy, attempt);
      if (!responses) continue;
      const failed: { index: number; error: AddonError }[] = [];
      responses.forEach((response, position) => {
        const index = pending[position];
        if (response.status >= 200 && response.status < 300) {
          bodies[index] = response.body;
          onAnswer?.(index, response.body);
        } else failed.push({ index, error: errorFromResponse(response, prepared[index].what) });
      });
      if (failed.length === 0) break;

      const first = failed[0].error;
      if (first.code === 'TOKEN_EXPIRED' && !this.refreshedToken) {
        this.refreshedToken = true;
        if (!this.options.tokens.refresh()) throw first;
      } else {
        const fatal = failed.find((failure) => !isRetryable(failure.error));
        if (fatal) throw fatal.error;
        const waits = failed.map((failure) =>
          retryDelay(policy, attempt, failure.error.retryAfterSeconds),
        );
        if (waits.some((wait) => wait === undefined)) throw first;
        const wait = Math.max(...(waits as number[]));
        if (this.pastDeadline(wait)) throw first;
        this.options.logger?.warn(
          `Retrying ${failed.length} request(s) in ${wait} ms: ${first.detail}`,
        );
        this.options.clock.sleep(wait);
      }
      pending = failed.map((failure) => failure.index);
    }
    return bodies as string[];
  }

  /** fetchAll, where a network failure is retried like an outage; undefined means "again". */
  private tryFetchAll(
    pending: number[],
    prepared: Prepared[],
    policy: RetryPolicy,
    attempt: number,
  ): HttpResponse[] | undefined {
    try {
      return this.fetchAll(pending.map((index) => this.authorize(prepared[index])));
    } catch (error) {
      const wait = error instanceof AddonError ? retryDelay(policy, attempt, undefined) : undefined;
      if (wait === undefined || !isRetryable(error) || this.pastDeadline(wait)) throw error;
      this.options.logger?.warn(`Network failure, retrying in ${wait} ms`);
      this.options.clock.sleep(wait);
      return undefined;
    }
  }

  /** Whether waiting this long would run past the execution's deadline. */
  private pastDeadline(waitMs: number): boolean {
    const deadline = this.options.deadline;
    return deadline !== undefined && this.options.clock.now().getTime() + waitMs > deadline;
  }

  private authorize(prepared: Prepared): HttpRequest {
    const headers = { ...prepared.request.headers };
    headers.Authorization = `Bearer ${this.options.tokens.accessToken()}`;
    return { ...prepared.request, headers };
  }

  /** fetchAll within the per-minute analytics limit, counting every request sent. */
  private fetchAll(requests: HttpRequest[]): HttpResponse[] {
    this.paceFor(requests.length);
    this.requestCount += requests.length;
    try {
      return requests.length === 1
        ? [this.options.http.fetch(requests[0])]
        : this.options.http.fetchAll(requests);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (/too many times for one day: urlfetch/i.test(detail)) {
        throw new AddonError(
          'QUOTA_EXHAUSTED',
          "Google's daily limit on the add-on's requests is used up. Refreshes continue " +
            'tomorrow; nothing is lost.',
          { detail },
        );
      }
      throw new AddonError(
        'NETWORK',
        'The add-on could not reach Pinterest. The refresh will be tried again later.',
        { detail },
      );
    }
  }

  /** Sleeps just long enough that no 60-second window holds more requests than allowed. */
  private paceFor(count: number): void {
    const sentAt = SENT_AT;
    const windowMs = 60_000;
    const now = this.options.clock.now().getTime();
    while (sentAt.length && sentAt[0] <= now - windowMs) sentAt.shift();
    const overflow = sentAt.length + count - LIMITS.analyticsPerMinute;
    if (overflow > 0) {
      const waitUntil = sentAt[overflow - 1] + windowMs;
      this.options.clock.sleep(Math.max(0, waitUntil - now));
    }
    const sentTime = this.options.clock.now().getTime();
    for (let i = 0; i < count; i++) sentAt.push(sentTime);
  }
}

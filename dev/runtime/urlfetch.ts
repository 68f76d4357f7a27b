// UrlFetchApp stand-in doing real HTTP through SyncHttp, with Google's defaults (throw on 4xx/5xx
// unless muted, follow redirects, form-encode object payloads), its limits and its error texts.
import type { Env } from './env';
import type { SyncHttp, WireRequest, WireResponse } from './sync-http';
import { Blob, signedBytes, toBuffer } from './utilities';

// Limitation: the escaping and validateHttpsCertificates options and the 50 MB response limit are
// not modelled; https certificates are checked as Node checks them.
const MAX_URL_LENGTH = 2082;
const MAX_PAYLOAD_BYTES = 50 * 1024 * 1024;
const MAX_HEADERS = 100;
const REQUEST_TIMEOUT_MS = 60000;
const DAY_MS = 24 * 60 * 60 * 1000;
const METHODS = ['get', 'delete', 'patch', 'post', 'put'];
const USER_AGENT =
  'Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: local)';

/** Counters shared with the runtime's `stats`. */
export interface FetchStats {
  urlFetchCalls: number;
  requests: Array<{ method: string; url: string; status: number }>;
}

export class HTTPResponse {
  readonly #env: Env;
  readonly #status: number;
  readonly #headers: Array<[string, string]>;
  readonly #body: Buffer;

  constructor(env: Env, status: number, headers: Array<[string, string]>, body: Buffer) {
    this.#env = env;
    this.#status = status;
    this.#headers = headers;
    this.#body = body;
  }

  getResponseCode(): number {
    return this.#status;
  }

  getContentText(charset?: string): string {
    return new Blob(this.#env, this.#body, null, null).getDataAsString(charset);
  }

  getContent(): number[] {
    return this.#env.realm.copy(signedBytes(this.#body));
  }

  getBlob(): Blob {
    return new Blob(this.#env, this.#body, this.#header('content-type'), null);
  }

  /** One value per header; repeated headers are joined with ', '. */
  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of this.#headers) {
      out[name] = name in out ? `${out[name]}, ${value}` : value;
    }
    return this.#env.realm.copy(out);
  }

  /** Repeated headers come back as arrays. */
  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of this.#headers) {
      const existing = out[name];
      if (existing === undefined) out[name] = value;
      else out[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    return this.#env.realm.copy(out);
  }

  #header(name: string): string | null {
    const found = this.#headers.find(([key]) => key.toLowerCase() === name);
    return found ? found[1] : null;
  }
}

interface Prepared {
  wire: WireRequest;
  mute: boolean;
}

export class UrlFetchService {
  readonly #env: Env;
  readonly #http: SyncHttp;
  readonly #stats: FetchStats;
  readonly #dailyQuota: number;
  readonly #latencyMs: number;
  #windowStart: number | null = null;
  #windowCalls = 0;

  readonly #clockHeader: string | undefined;

  /**
   * `latencyMs`: how far each request (each fetchAll batch, run in parallel) moves the clock.
   * `clockHeader`: a header that carries the runtime clock to a local server whose limits must
   * count in simulated time (the Pinterest sandbox); none by default.
   */
  constructor(
    env: Env,
    http: SyncHttp,
    stats: FetchStats,
    dailyQuota: number,
    latencyMs = 0,
    clockHeader?: string,
  ) {
    this.#env = env;
    this.#http = http;
    this.#stats = stats;
    this.#dailyQuota = dailyQuota;
    this.#latencyMs = latencyMs;
    this.#clockHeader = clockHeader;
  }

  fetch(url: unknown, params?: Record<string, unknown>): HTTPResponse {
    return this.#run([this.#prepare(url, params ?? {})])[0];
  }

  /** Requests run concurrently; responses come back in request order. */
  fetchAll(requests: unknown[]): HTTPResponse[] {
    if (!Array.isArray(requests)) this.#env.fail('Invalid argument: requests');
    const prepared = requests.map((request) => {
      if (typeof request === 'string') return this.#prepare(request, {});
      if (request === null || typeof request !== 'object') this.#env.fail('Invalid argument: url');
      const { url, ...params } = request as Record<string, unknown>;
      return this.#prepare(url, params);
    });
    return this.#env.realm.copy(this.#run(prepared));
  }

  #prepare(url: unknown, params: Record<string, unknown>): Prepared {
    if (typeof url !== 'string' || url === '') this.#env.fail('Invalid argument: url');
    if (url.length > MAX_URL_LENGTH) this.#env.fail('Limit Exceeded: URLFetch URL Length.');
    if (!/^https?:\/\/[^/?#]/i.test(url)) this.#env.fail(`Invalid argument: ${url}`);
    const method = String(params.method ?? 'get').toLowerCase();
    if (!METHODS.includes(method)) this.#env.fail('Attribute provided with invalid value: method');

    const headers: Record<string, string> = {
      'User-Agent': USER_AGENT,
      'Accept-Encoding': 'gzip, deflate, br',
    };
    if (this.#clockHeader) headers[this.#clockHeader] = String(this.#env.clock.now());
    const given = (params.headers ?? {}) as Record<string, unknown>;
    if (Object.keys(given).length > MAX_HEADERS) {
      this.#env.fail('Limit Exceeded: URLFetch header count.');
    }
    for (const [name, value] of Object.entries(given)) {
      for (const key of Object.keys(headers)) {
        if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
      }
      headers[name] = String(value);
    }

    const body = this.#payload(params.payload, params.contentType, headers);
    if (body && body.length > MAX_PAYLOAD_BYTES) {
      this.#env.fail('Limit Exceeded: URLFetch POST Size.');
    }
    return {
      wire: {
        url,
        method: method.toUpperCase(),
        headers,
        body,
        followRedirects:
          params.followRedirects === undefined ? true : Boolean(params.followRedirects),
        timeoutMs: REQUEST_TIMEOUT_MS,
      },
      mute: Boolean(params.muteHttpExceptions),
    };
  }

  /** Objects are form-encoded; strings, byte arrays and blobs are sent as they are. */
  #payload(payload: unknown, contentType: unknown, headers: Record<string, string>) {
    if (payload === undefined || payload === null) return null;
    let bytes: Buffer;
    let defaultType = 'application/x-www-form-urlencoded';
    if (typeof payload === 'string' || Array.isArray(payload) || payload instanceof Blob) {
      bytes = toBuffer(this.#env, payload);
      if (payload instanceof Blob && payload.getContentType()) {
        defaultType = payload.getContentType() as string;
      }
    } else if (typeof payload === 'object') {
      const form = new URLSearchParams();
      for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
        form.append(key, String(value));
      }
      bytes = Buffer.from(form.toString(), 'utf8');
    } else {
      bytes = Buffer.from(String(payload), 'utf8');
    }
    const headerType = Object.keys(headers).find((key) => key.toLowerCase() === 'content-type');
    if (contentType !== undefined && contentType !== null) {
      if (headerType) delete headers[headerType];
      headers['Content-Type'] = String(contentType);
    } else if (!headerType) {
      headers['Content-Type'] = defaultType;
    }
    return new Uint8Array(bytes);
  }

  #run(prepared: Prepared[]): HTTPResponse[] {
    this.#env.checkDeadline();
    this.#consumeQuota(prepared.length);
    const results = this.#http.run(prepared.map((item) => item.wire));
    results.forEach((result, index) => {
      const { method, url } = prepared[index].wire;
      this.#stats.requests.push({ method, url, status: result.ok ? result.status : 0 });
    });
    // The requests reached the server, but an execution whose time ran out meanwhile is stopped
    // before the script sees any answer.
    this.#env.clock.advance(this.#latencyMs);
    this.#env.checkDeadline();
    const responses = results.map((result, index) => this.#settle(prepared[index], result));
    for (let index = 0; index < responses.length; index++) {
      const response = responses[index];
      if (!prepared[index].mute && response.getResponseCode() >= 400) {
        this.#failRequest(prepared[index].wire.url, response);
      }
    }
    return responses;
  }

  #settle(item: Prepared, result: WireResponse): HTTPResponse {
    const { url } = item.wire;
    if (!result.ok) {
      if (result.kind === 'dns') this.#env.fail(`DNS error: ${url}`);
      if (result.kind === 'timeout') this.#env.fail(`Timeout: ${url}`);
      if (result.kind === 'invalid') this.#env.fail(`Invalid argument: ${url}`);
      this.#env.fail(`Address unavailable: ${url}`);
    }
    return new HTTPResponse(this.#env, result.status, result.headers, Buffer.from(result.body));
  }

  /** Google names only the origin and keeps 147 characters of the body followed by '...'. */
  #failRequest(url: string, response: HTTPResponse): never {
    const origin = new URL(url).origin;
    const text = response.getContentText();
    const truncated = text.length > 150 ? `${text.slice(0, 147)}...` : text;
    return this.#env.fail(
      `Request failed for ${origin} returned code ${response.getResponseCode()}. ` +
        `Truncated server response: ${truncated} ` +
        '(use muteHttpExceptions option to examine full response)',
    );
  }

  /** The daily allowance restarts 24 hours after the first call of the current window. */
  #consumeQuota(count: number): void {
    const now = this.#env.clock.now();
    if (this.#windowStart === null || now - this.#windowStart >= DAY_MS) {
      this.#windowStart = now;
      this.#windowCalls = 0;
    }
    if (this.#windowCalls + count > this.#dailyQuota) {
      this.#env.fail('Service invoked too many times for one day: urlfetch.');
    }
    this.#windowCalls += count;
    this.#stats.urlFetchCalls += count;
  }
}

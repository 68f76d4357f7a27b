// CacheService stand-in: script, user and document caches whose entries expire on the runtime
// clock, with Google's key/value size limits and its 1,000-entry cap.
import { byteLength, type Env } from './env';

const KEY_LIMIT_CHARS = 250;
const VALUE_LIMIT_BYTES = 100 * 1024;
const DEFAULT_TTL_S = 600;
const MAX_TTL_S = 21600;
const MAX_ENTRIES = 1000;
const KEPT_AFTER_OVERFLOW = 900;

interface Entry {
  value: string;
  expiresAt: number;
}

export class Cache {
  readonly #env: Env;
  readonly #entries = new Map<string, Entry>();

  constructor(env: Env) {
    this.#env = env;
  }

  get(key: string): string | null {
    const entry = this.#entries.get(this.#key(key));
    if (!entry) return null;
    if (entry.expiresAt <= this.#env.clock.now()) {
      this.#entries.delete(String(key));
      return null;
    }
    return entry.value;
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of this.#list(keys, 'keys')) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return this.#env.realm.copy(found);
  }

  put(key: string, value: unknown, expirationInSeconds?: number): void {
    this.#store(new Map([[this.#key(key), this.#value(value)]]), expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    if (values === null || typeof values !== 'object') this.#env.fail('Invalid argument: values');
    const checked = new Map<string, string>();
    for (const [key, value] of Object.entries(values)) {
      checked.set(this.#key(key), this.#value(value));
    }
    this.#store(checked, expirationInSeconds);
  }

  remove(key: string): void {
    this.#entries.delete(this.#key(key));
  }

  removeAll(keys: string[]): void {
    for (const key of this.#list(keys, 'keys')) this.#entries.delete(this.#key(key));
  }

  #store(values: Map<string, string>, expirationInSeconds?: number): void {
    // Limitation: Google's behaviour for a TTL above 6 hours is undocumented; it is capped here.
    const ttl = expirationInSeconds === undefined ? DEFAULT_TTL_S : Number(expirationInSeconds);
    if (!Number.isFinite(ttl) || ttl < 1) this.#env.fail('Invalid argument: expirationInSeconds');
    const expiresAt = this.#env.clock.now() + Math.min(ttl, MAX_TTL_S) * 1000;
    for (const [key, value] of values) {
      this.#entries.delete(key);
      this.#entries.set(key, { value, expiresAt });
    }
    this.#evict();
  }

  /** Past 1,000 entries Google keeps the 900 farthest from expiring. */
  #evict(): void {
    const now = this.#env.clock.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
    if (this.#entries.size <= MAX_ENTRIES) return;
    const kept = [...this.#entries].sort((a, b) => b[1].expiresAt - a[1].expiresAt);
    this.#entries.clear();
    for (const [key, entry] of kept.slice(0, KEPT_AFTER_OVERFLOW)) this.#entries.set(key, entry);
  }

  #key(key: unknown): string {
    if (key === null || key === undefined) this.#env.fail('Invalid argument: key');
    const text = String(key);
    if (text.length > KEY_LIMIT_CHARS) this.#env.fail('Argument too large: key');
    return text;
  }

  #value(value: unknown): string {
    if (value === null || value === undefined) this.#env.fail('Invalid argument: value');
    const text = String(value);
    if (byteLength(text) > VALUE_LIMIT_BYTES) this.#env.fail('Argument too large: value');
    return text;
  }

  #list(keys: unknown, name: string): string[] {
    if (!Array.isArray(keys)) this.#env.fail(`Invalid argument: ${name}`);
    return keys.map(String);
  }
}

export function createCacheService(env: Env) {
  const script = new Cache(env);
  const user = new Cache(env);
  const document = new Cache(env);
  return {
    getScriptCache: () => script,
    getUserCache: () => user,
    /** Null in an execution without a document, as Google documents. */
    getDocumentCache: () => (env.hasDocument ? document : null),
  };
}

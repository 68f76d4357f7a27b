// Token storage for the OAuth2 stand-in: JSON values under 'oauth2.<service>[.<key>]', read from
// execution memory, then the cache (misses cached as '__NULL__'), then the property store.
import type { Env } from './env';

export const STORAGE_PREFIX = 'oauth2.';
const NULL_MARKER = '__NULL__';
const CACHE_TTL_S = 21600;

/** The parts of a Properties store the library uses. */
export interface PropertyStoreLike {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
  deleteProperty(key: string): unknown;
  getKeys?(): string[];
  getProperties?(): Record<string, string>;
}

export interface CacheLike {
  get(key: string): string | null;
  put(key: string, value: string, ttl?: number): void;
  remove(key: string): void;
}

export function storeKeys(store: PropertyStoreLike): string[] {
  if (typeof store.getKeys === 'function') return [...store.getKeys()];
  return Object.keys(store.getProperties?.() ?? {});
}

export class OAuthStorage {
  readonly #env: Env;
  readonly #prefix: string;
  readonly #properties: PropertyStoreLike | null;
  readonly #cache: CacheLike | null;
  readonly #memory = new Map<string, string>();

  constructor(env: Env, serviceName: string, properties: unknown, cache: unknown) {
    this.#env = env;
    this.#prefix = STORAGE_PREFIX + serviceName;
    this.#properties = (properties as PropertyStoreLike) ?? null;
    this.#cache = (cache as CacheLike) ?? null;
  }

  /** The value stored under `key` (null = the token itself), parsed, or null. */
  getValue(key?: string | null, optSkipMemoryCheck?: boolean): unknown {
    const prefixed = this.#key(key);
    let text: string | null | undefined;
    if (!optSkipMemoryCheck) text = this.#memory.get(prefixed);
    if (text === undefined && this.#cache) {
      const cached = this.#cache.get(prefixed);
      if (cached !== null) text = cached;
    }
    if (text === undefined && this.#properties) {
      text = this.#properties.getProperty(prefixed) ?? NULL_MARKER;
      this.#cache?.put(prefixed, text, CACHE_TTL_S);
    }
    text ??= NULL_MARKER;
    this.#memory.set(prefixed, text);
    return text === NULL_MARKER ? null : this.#env.realm.copy(JSON.parse(text));
  }

  setValue(key: string | null | undefined, value: unknown): void {
    const prefixed = this.#key(key);
    const text = JSON.stringify(value);
    this.#properties?.setProperty(prefixed, text);
    this.#cache?.put(prefixed, text, CACHE_TTL_S);
    this.#memory.set(prefixed, text);
  }

  removeValue(key: string | null | undefined): void {
    this.#remove(this.#key(key));
  }

  /** Removes the token and every custom value of this service. */
  reset(): void {
    const keys = new Set([this.#prefix, ...this.#memory.keys()]);
    if (this.#properties) {
      for (const key of storeKeys(this.#properties)) {
        if (key === this.#prefix || key.startsWith(`${this.#prefix}.`)) keys.add(key);
      }
    }
    for (const key of keys) this.#remove(key);
  }

  #remove(prefixed: string): void {
    this.#properties?.deleteProperty(prefixed);
    this.#cache?.remove(prefixed);
    this.#memory.delete(prefixed);
  }

  #key(key: string | null | undefined): string {
    return key ? `${this.#prefix}.${key}` : this.#prefix;
  }
}

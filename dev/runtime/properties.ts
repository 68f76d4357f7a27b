// PropertiesService stand-in: script, user and document stores with Google's size limits.
// Values are always strings; a store holds at most 500 KB and a value at most 9 KB.
import { byteLength, type Env } from './env';

const VALUE_LIMIT_BYTES = 9 * 1024;
const STORE_LIMIT_BYTES = 500 * 1024;
const QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/** One store as the bundle sees it; the Map behind it is the runtime's `properties.<scope>`. */
export class Properties {
  readonly #env: Env;
  readonly #map: Map<string, string>;

  constructor(env: Env, map: Map<string, string>) {
    this.#env = env;
    this.#map = map;
  }

  getProperty(key: string): string | null {
    return this.#map.get(String(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    return this.#env.realm.copy(Object.fromEntries(this.#map));
  }

  getKeys(): string[] {
    return this.#env.realm.copy([...this.#map.keys()]);
  }

  setProperty(key: string, value: unknown): Properties {
    this.#write({ [String(key)]: value }, false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    if (properties === null || typeof properties !== 'object') {
      this.#env.fail('Invalid argument: properties');
    }
    this.#write(properties, Boolean(deleteAllOthers));
    return this;
  }

  deleteProperty(key: string): Properties {
    this.#map.delete(String(key));
    return this;
  }

  deleteAllProperties(): Properties {
    this.#map.clear();
    return this;
  }

  /** Validates the whole change first so a failed write leaves the store as it was. */
  #write(changes: Record<string, unknown>, replaceAll: boolean): void {
    const next = replaceAll ? new Map<string, string>() : new Map(this.#map);
    for (const [key, raw] of Object.entries(changes)) {
      if (raw === null || raw === undefined) this.#env.fail('Invalid argument: value');
      const value = String(raw);
      if (byteLength(value) > VALUE_LIMIT_BYTES) this.#env.fail('Argument too large: value');
      next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += byteLength(key) + byteLength(value);
    if (total > STORE_LIMIT_BYTES) this.#env.fail(QUOTA_MESSAGE);
    this.#map.clear();
    for (const [key, value] of next) this.#map.set(key, value);
  }
}

export interface PropertyMaps {
  script: Map<string, string>;
  user: Map<string, string>;
  document: Map<string, string>;
}

export function createPropertiesService(env: Env, maps: PropertyMaps) {
  const script = new Properties(env, maps.script);
  const user = new Properties(env, maps.user);
  const document = new Properties(env, maps.document);
  return {
    getScriptProperties: () => script,
    getUserProperties: () => user,
    /** Null in an execution without a document. */
    getDocumentProperties: () => (env.hasDocument ? document : null),
  };
}

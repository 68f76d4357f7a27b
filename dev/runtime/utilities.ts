// Utilities stand-in: base64, blobs, digests, UUIDs, CSV, date formatting and a sleep that
// moves the runtime clock instead of waiting. Byte arrays are signed (-128..127) as in Apps Script.
import * as crypto from 'node:crypto';
import { isDate, type Env } from './env';
import { formatSimpleDate } from './format-date';

const MAX_SLEEP_MS = 300000;

export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
export const DigestAlgorithm = Object.freeze(
  Object.fromEntries(Object.keys(DIGESTS).map((name) => [name, name])),
);

function encoding(charset: unknown): BufferEncoding {
  const name = String(charset ?? 'UTF_8')
    .toUpperCase()
    .replace(/-/g, '_');
  if (name === 'US_ASCII' || name === 'ASCII') return 'latin1';
  if (name === 'ISO_8859_1' || name === 'LATIN1') return 'latin1';
  return 'utf8';
}

/** Bytes as Apps Script hands them out: numbers from -128 to 127. */
export function signedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (byte) => (byte << 24) >> 24);
}

export class Blob {
  readonly #env: Env;
  readonly #bytes: Buffer;
  readonly #contentType: string | null;
  readonly #name: string | null;

  constructor(env: Env, bytes: Buffer, contentType: string | null, name: string | null) {
    this.#env = env;
    this.#bytes = bytes;
    this.#contentType = contentType;
    this.#name = name;
  }

  /** Host-side access for other stand-ins (payloads, HTML files). */
  static bytesOf(blob: Blob): Buffer {
    return blob.#bytes;
  }

  getBytes(): number[] {
    return this.#env.realm.copy(signedBytes(this.#bytes));
  }

  getDataAsString(charset?: string): string {
    return this.#bytes.toString(encoding(charset));
  }

  getContentType(): string | null {
    return this.#contentType;
  }

  getName(): string | null {
    return this.#name;
  }
}

/** Accepts what Apps Script accepts as data: a string, a byte array or a Blob. */
export function toBuffer(env: Env, data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string') return Buffer.from(data, encoding(charset));
  if (Array.isArray(data)) return Buffer.from(data.map((byte) => Number(byte) & 0xff));
  if (data instanceof Blob) return Blob.bytesOf(data);
  return env.fail('Invalid argument: data');
}

function decodeBase64(env: Env, encoded: unknown, webSafe: boolean): Buffer {
  const text = String(encoded).replace(/\s+/g, '');
  const alphabet = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!alphabet.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
    env.fail('Could not decode string.');
  }
  return Buffer.from(text, webSafe ? 'base64url' : 'base64');
}

/** RFC 4180 records; a trailing line break does not start an empty record. */
export function parseCsvText(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < csv.length) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && csv[i + 1] === '\n') i += 1;
    } else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function createUtilities(env: Env) {
  const bytesOut = (buffer: Buffer) => env.realm.copy(signedBytes(buffer));
  return {
    Charset,
    DigestAlgorithm,
    base64Encode: (data: unknown, charset?: unknown) =>
      toBuffer(env, data, charset).toString('base64'),
    base64EncodeWebSafe: (data: unknown, charset?: unknown) =>
      toBuffer(env, data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (encoded: unknown) => bytesOut(decodeBase64(env, encoded, false)),
    base64DecodeWebSafe: (encoded: unknown) => bytesOut(decodeBase64(env, encoded, true)),
    newBlob: (data: unknown, contentType?: string, name?: string) =>
      new Blob(env, toBuffer(env, data ?? ''), contentType ?? null, name ?? null),
    getUuid: () => crypto.randomUUID(),
    sleep: (milliseconds: unknown) => {
      const ms = Number(milliseconds);
      if (!Number.isFinite(ms) || ms < 0) env.fail('Invalid argument: milliseconds');
      // Limitation: the wording Google uses above the documented 5-minute maximum is unverified.
      if (ms > MAX_SLEEP_MS) env.fail('Invalid argument: milliseconds');
      env.clock.advance(ms);
      env.checkDeadline();
    },
    formatDate: (date: unknown, timeZone: unknown, format: unknown) => {
      if (!isDate(date)) env.fail('Invalid argument: date');
      try {
        return formatSimpleDate(date.getTime(), String(timeZone), String(format));
      } catch (error) {
        return env.fail(`Invalid argument: ${(error as Error).message}`);
      }
    },
    computeDigest: (algorithm: unknown, value: unknown, charset?: unknown) => {
      const name = DIGESTS[String(algorithm)];
      if (!name) env.fail('Invalid argument: algorithm');
      const hash = crypto
        .createHash(name)
        .update(toBuffer(env, value, charset))
        .digest();
      return bytesOut(hash);
    },
    computeHmacSha256Signature: (value: unknown, key: unknown, charset?: unknown) => {
      const hmac = crypto.createHmac('sha256', toBuffer(env, key, charset));
      return bytesOut(hmac.update(toBuffer(env, value, charset)).digest());
    },
    parseCsv: (csv: unknown, delimiter?: unknown) =>
      env.realm.copy(parseCsvText(String(csv), delimiter === undefined ? ',' : String(delimiter))),
  };
}

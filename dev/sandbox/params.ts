// Reads query parameters the way the handlers need them, and bookmark paging. These checks
// also guard the handlers when the sandbox runs without the spec file.

import { invalidParameters } from './errors';

export type Query = Record<string, string | string[]>;

const DIGITS = /^\d{1,18}$/;

export class Params {
  constructor(readonly query: Query) {}

  /** The parameter's single value (the first one if repeated). */
  one(name: string): string | undefined {
    const value = this.query[name];
    return Array.isArray(value) ? value[0] : value;
  }

  /** Every value of a repeated parameter (form style, explode=true); undefined when absent. */
  list(name: string): string[] | undefined {
    const value = this.query[name];
    if (value === undefined) return undefined;
    return Array.isArray(value) ? value : [value];
  }

  /** Ids from a repeated parameter; each value must be one id, and at most `max` of them. */
  ids(name: string, max = 250): string[] | undefined {
    const values = this.list(name);
    if (!values) return undefined;
    if (values.length > max)
      throw invalidParameters(`${name} must NOT have more than ${max} items.`);
    const bad = values.find((value) => !DIGITS.test(value));
    if (bad !== undefined) {
      throw invalidParameters(
        `${name} ${JSON.stringify(bad)} must be one id of digits; ` +
          `repeat the parameter for several ids (${name}=1&${name}=2).`,
      );
    }
    return values;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const text = this.one(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^-?\d+$/.test(text) || value < min || value > max) {
      throw invalidParameters(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return value;
  }

  bool(name: string, fallback: boolean): boolean {
    const text = this.one(name);
    if (text === undefined) return fallback;
    if (text !== 'true' && text !== 'false')
      throw invalidParameters(`${name} must be true or false.`);
    return text === 'true';
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const text = this.one(name);
    if (text === undefined) {
      if (fallback !== undefined) return fallback;
      throw invalidParameters(`${name} is required.`);
    }
    if (!allowed.includes(text as T)) {
      throw invalidParameters(
        `${name} ${JSON.stringify(text)} must be one of ${allowed.join(', ')}.`,
      );
    }
    return text as T;
  }
}

/** One page of `items` and the bookmark of the next page (null on the last page). */
export function page<T>(items: T[], params: Params): { items: T[]; bookmark: string | null } {
  const size = params.int('page_size', 25, 1, 250);
  const bookmark = params.one('bookmark');
  let offset = 0;
  if (bookmark !== undefined) {
    const match = /^o:(\d+)$/.exec(Buffer.from(bookmark, 'base64url').toString());
    if (!match) {
      throw invalidParameters(
        'bookmark is not valid; pass the bookmark of the previous page as is.',
      );
    }
    offset = Number(match[1]);
  }
  const end = offset + size;
  const next = end < items.length ? Buffer.from(`o:${end}`).toString('base64url') : null;
  return { items: items.slice(offset, end), bookmark: next };
}

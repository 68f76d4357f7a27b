// Copies values across the boundary the way google.script.run does: arguments must be plain
// data (a Date or function fails the call), a result containing a Date arrives as null, objects
// are copied, undefined array slots become null and errors keep their name and message.
import { isDate } from './env';

const MAX_DEPTH = 100;

class DateInResult extends Error {}

function copy(
  value: unknown,
  where: string,
  depth: number,
  onIllegal: (where: string) => never,
): unknown {
  if (depth > MAX_DEPTH) onIllegal(where);
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type === 'function' || type === 'symbol' || type === 'bigint' || isDate(value)) {
    return onIllegal(where);
  }
  if (Array.isArray(value)) {
    return value.map((item, index): unknown => {
      const copied = copy(item, String(index), depth + 1, onIllegal);
      return copied === undefined ? null : copied;
    });
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as object)) {
    const copied = copy(item, key, depth + 1, onIllegal);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

/** Arguments from the host; Dates, functions and the like are rejected as the client does. */
export function fromHost(value: unknown): unknown {
  return copy(value, '0', 0, (where) => {
    throw new Error(`Failed due to illegal value in property: ${where}`);
  });
}

/** A function's result as the caller receives it; any Date inside turns the whole result null. */
export function toHost(value: unknown): unknown {
  try {
    return copy(value, '', 0, (where) => {
      throw new DateInResult(where);
    });
  } catch (error) {
    if (error instanceof DateInResult) return null;
    throw error;
  }
}

/** Re-creates an error thrown in the bundle's realm as a host Error with the same name. */
export function toHostError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const source = error as { name?: unknown; message?: unknown; stack?: unknown };
    const host = new Error(String(source.message));
    host.name = typeof source.name === 'string' ? source.name : 'Error';
    if (typeof source.stack === 'string') host.stack = source.stack;
    return host;
  }
  return new Error(String(error));
}

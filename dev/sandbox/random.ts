// Seeded pseudo-random numbers and digit-string ids, so one seed always builds the same world.
// Ids are built digit by digit as strings: 18-digit ids exceed 2^53 and must never pass
// through a JS number.

/** A 32-bit FNV-1a hash of text; used to derive independent streams from one seed. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mulberry32: small, fast and good enough for synthetic reporting data. */
export function randomStream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream keyed by the seed and any labels (entity id, day), independent of call order. */
export function streamFor(seed: number, ...labels: Array<string | number>): () => number {
  return randomStream(hashText(`${seed}|${labels.join('|')}`));
}

/** A whole number in [min, max]. */
export function intBetween(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

/** A digit string of exactly `length` digits that does not start with 0. */
export function digitId(next: () => number, length: number): string {
  let id = String(intBetween(next, 1, 9));
  while (id.length < length) id += String(intBetween(next, 0, 9));
  return id;
}

/** Orders digit-string ids as the numbers they spell, without converting them. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `count` distinct ids of `length` digits, ascending, so later entities get higher ids. */
export function ascendingIds(next: () => number, count: number, length: number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(digitId(next, length));
  return [...ids].sort(compareIds);
}

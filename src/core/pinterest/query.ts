// Query strings as the spec wants them: id arrays as repeated keys, `columns` comma-joined.

export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** Builds `?a=1&ids=1&ids=2`; undefined values are left out, arrays repeat their key. */
export function buildQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    for (const item of values) parts.push(`${encode(key)}=${encode(item)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function encode(text: string): string {
  // Commas stay readable: the API reads comma-joined `columns` either way.
  return encodeURIComponent(text).replace(/%2C/g, ',');
}

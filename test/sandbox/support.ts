// Shared helpers of the sandbox tests: a fixed today, the spec path, small fetch wrappers and
// calls to the /__sandbox/ control endpoints.

import { join } from 'node:path';

import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../dev/sandbox/server';

export const TODAY = '2026-12-04';
export const TOKEN = 'pina_test_developer_token';
export const SPEC_PATH = join(
  __dirname,
  '..',
  '..',
  '..',
  'shared',
  'pinterest-api',
  'openapi.json',
);

/** A sandbox on a free port with the developer token accepted and the spec loaded. */
export function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({
    port: 0,
    today: TODAY,
    acceptToken: TOKEN,
    specPath: SPEC_PATH,
    ...options,
  });
}

/** `YYYY-MM-DD` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

export type Params = Array<[string, string]>;

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** GET `path` under /v5 with repeated keys kept as given. */
export async function get(
  sandbox: RunningSandbox,
  path: string,
  params: Params = [],
  token: string | null = TOKEN,
): Promise<Answer> {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${sandbox.apiBase}${path}${query ? `?${query}` : ''}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}

/** Every item of a bookmark-paged list, following bookmarks until the last page. */
export async function getAll(sandbox: RunningSandbox, path: string, params: Params = []) {
  const items: any[] = [];
  let bookmark: string | null = null;
  let pages = 0;
  do {
    const answer: Answer = await get(sandbox, path, [
      ...params,
      ...(bookmark ? ([['bookmark', bookmark]] as Params) : []),
    ]);
    expect(answer.status).toBe(200);
    items.push(...answer.body.items);
    bookmark = answer.body.bookmark ?? null;
    pages += 1;
  } while (bookmark && pages < 100);
  return { items, pages };
}

/** Repeated-key parameters: campaign_ids=1&campaign_ids=2. */
export function repeated(name: string, values: string[]): Params {
  return values.map((value) => [name, value]);
}

/** A call to one of the sandbox's own /__sandbox/ endpoints, with an optional JSON body. */
export async function admin(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The dates of analytics rows, in the order answered. */
export function datesOf(rows: Array<{ DATE?: unknown }>): string[] {
  return rows.map((row) => String(row.DATE));
}

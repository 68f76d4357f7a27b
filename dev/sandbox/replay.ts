// Replays recorded Pinterest exchanges: each *.json fixture holds one request and its response.
// A request matches on method, path (relative to /v5) and query, ignoring the order of keys.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Query } from './params';

export interface Fixture {
  file: string;
  method: string;
  path: string;
  query: Record<string, string[]>;
  response: { status: number; headers: Record<string, string>; body: unknown };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every fixture in `dir`; throws naming the file and field of the first bad one. */
export function loadReplay(dir: string): Fixture[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`replay directory ${dir} does not exist; pass a folder of *.json fixtures.`);
  }
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`replay directory ${dir} holds no *.json fixtures.`);
  return files.map((file) => parseFixture(file, readFileSync(join(dir, file), 'utf8')));
}

function parseFixture(file: string, text: string): Fixture {
  const fail = (problem: string): never => {
    throw new Error(`replay fixture ${file}: ${problem}`);
  };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    fail(`is not valid JSON (${(error as Error).message}).`);
  }
  if (!isObject(root) || !isObject(root.request) || !isObject(root.response)) {
    return fail('must be {"request": {...}, "response": {...}}.');
  }
  const { request, response } = root;
  if (typeof request.method !== 'string') fail('request.method must be a string such as "GET".');
  if (typeof request.path !== 'string' || !request.path.startsWith('/')) {
    fail('request.path must start with "/" and be relative to /v5, e.g. "/ad_accounts".');
  }
  const query: Record<string, string[]> = {};
  if (request.query !== undefined && !isObject(request.query)) {
    fail('request.query must be an object of name: string or name: [strings].');
  }
  for (const [key, value] of Object.entries((request.query as Json | undefined) ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string')) {
      fail(`request.query.${key} must be a string (or an array of strings for a repeated key).`);
    }
    query[key] = values as string[];
  }
  const status = response.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    fail('response.status must be an HTTP status code such as 200.');
  }
  if (response.headers !== undefined && !isObject(response.headers)) {
    fail('response.headers must be an object of name: string.');
  }
  return {
    file,
    method: (request.method as string).toUpperCase(),
    path: normalizePath(request.path as string),
    query,
    response: {
      status: status as number,
      headers: Object.fromEntries(
        Object.entries((response.headers as Json | undefined) ?? {}).map(([k, v]) => [
          k,
          String(v),
        ]),
      ),
      body: response.body ?? null,
    },
  };
}

/** Paths compare without a /v5 prefix or a trailing slash. */
function normalizePath(path: string): string {
  const relative = path.startsWith('/v5/') ? path.slice(3) : path;
  return relative.length > 1 ? relative.replace(/\/+$/, '') : relative;
}

function queryDifferences(recorded: Record<string, string[]>, query: Query): string[] {
  const differences: string[] = [];
  const keys = new Set([...Object.keys(recorded), ...Object.keys(query)]);
  for (const key of [...keys].sort()) {
    const sent = query[key] === undefined ? [] : ([] as string[]).concat(query[key]);
    const want = recorded[key] ?? [];
    if (JSON.stringify([...sent].sort()) !== JSON.stringify([...want].sort())) {
      const show = (values: string[]) =>
        values.length ? JSON.stringify(values.join('&')) : 'none';
      differences.push(`${key}: recorded ${show(want)}, got ${show(sent)}`);
    }
  }
  return differences;
}

export type ReplayResult = { fixture: Fixture } | { miss: string };

/** The fixture recorded for this request, or a message naming the closest fixture. */
export function findReplay(
  fixtures: Fixture[],
  method: string,
  path: string,
  query: Query,
): ReplayResult {
  const wanted = normalizePath(path);
  let best: { fixture: Fixture; score: number; why: string } | null = null;
  for (const fixture of fixtures) {
    const differences = queryDifferences(fixture.query, query);
    const methodDiffers = fixture.method !== method.toUpperCase();
    if (!methodDiffers && fixture.path === wanted && differences.length === 0) return { fixture };
    const score =
      (methodDiffers ? 1000 : 0) + editDistance(fixture.path, wanted) * 10 + differences.length;
    if (!best || score < best.score) {
      const why = [
        methodDiffers ? `method ${fixture.method}` : '',
        fixture.path !== wanted ? `path ${fixture.path}` : '',
        ...differences,
      ].filter(Boolean);
      best = { fixture, score, why: why.join('; ') };
    }
  }
  const sent = `${method.toUpperCase()} ${wanted}`;
  return {
    miss:
      `No recorded response for ${sent}. Closest fixture: ${best!.fixture.file} ` +
      `(${best!.why}).`,
  };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

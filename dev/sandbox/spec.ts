// Checks every request and response under /v5 against the official Pinterest OpenAPI
// description, and turns Ajv's findings into short sentences that name the parameter.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Document } from 'openapi-backend';

type Query = Record<string, string | string[]>;

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

export interface RequestToCheck {
  method: string;
  /** Full path, starting with /v5. */
  path: string;
  query: Query;
  headers: Record<string, string>;
  body?: unknown;
}

export interface SpecValidator {
  /** The operationId the spec gives this method and /v5 path, or null. */
  operationOf(method: string, path: string): string | null;
  /** Problems with the request, each naming the parameter; empty when it is valid. */
  checkRequest(operationId: string, request: RequestToCheck): string[];
  /** Problems with a response body for that status; empty when it matches the spec. */
  checkResponse(operationId: string, status: number, body: unknown): string[];
}

/** The nearest ancestor of `start` holding a package.json: the repo root. */
export function findRepoRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** The spec file: the option, then PINTEREST_OPENAPI_SPEC, then ../shared beside the repo. */
export function resolveSpecPath(option?: string): string | null {
  if (option) return option;
  if (process.env.PINTEREST_OPENAPI_SPEC) return process.env.PINTEREST_OPENAPI_SPEC;
  const root = findRepoRoot(__dirname);
  return root ? join(root, '..', 'shared', 'pinterest-api', 'openapi.json') : null;
}

/** A validator for the spec at `path`, or null when there is no file there. */
export async function loadSpec(path: string | null): Promise<SpecValidator | null> {
  if (!path || !existsSync(path)) return null;
  const definition = JSON.parse(readFileSync(path, 'utf8')) as Document;
  // Loaded on first use, so code that only needs the world never loads the validator.
  const { OpenAPIBackend } = await import('openapi-backend');
  const { default: addFormats } = await import('ajv-formats');
  const api = new OpenAPIBackend({
    definition,
    apiRoot: '/v5',
    quick: true,
    strict: false,
    validate: true,
    ajvOpts: { allErrors: true },
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();

  return {
    operationOf(method, path) {
      const operation = api.router.matchOperation({ method, path, headers: {} });
      return operation?.operationId ?? null;
    },
    checkRequest(operationId, request) {
      const result = api.validateRequest(
        {
          method: request.method,
          path: request.path,
          query: request.query,
          headers: request.headers,
          body: request.body as never,
        },
        operationId,
      );
      const errors = (result.errors ?? []) as AjvError[];
      return unique(errors.map((error) => describeRequestError(error, request)));
    },
    checkResponse(operationId, status, body) {
      const result = api.validateResponse(body, operationId, status);
      const errors = (result.errors ?? []) as AjvError[];
      return unique(errors.map(describeResponseError));
    },
  };
}

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}

/** Reads like Pinterest's messages: the parameter first, then what is wrong with it. */
function describeRequestError(error: AjvError, request: RequestToCheck): string {
  const [, where, name, ...rest] = error.instancePath.split('/');
  if (error.keyword === 'required') {
    return `${String(error.params.missingProperty)} is required.`;
  }
  if (error.keyword === 'additionalProperties') {
    return `${String(error.params.additionalProperty)} is not a parameter of this endpoint.`;
  }
  if (!name) return `${where || 'request'} ${error.message ?? 'is invalid'}.`;
  const label = rest.length > 0 ? `${name}[${rest.join('][')}]` : name;
  const value = valueAt(where === 'requestBody' ? request.body : request.query, name, rest);
  const shown = value === undefined ? '' : ` ${JSON.stringify(value)}`;
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]) ?? [];
    const hint = allowed.length <= 12 ? `: use one of ${allowed.join(', ')}` : '';
    return `${label}${shown} is not an allowed value${hint}.`;
  }
  if (error.keyword === 'maxItems' || error.keyword === 'minItems') {
    const count = Array.isArray(value) ? ` (got ${value.length})` : '';
    return `${label} ${error.message}${count}.`;
  }
  return `${label}${shown} ${error.message ?? 'is invalid'}.`;
}

// Array parameters the spec declares with explode: false, sent as one comma-joined value.
const COMMA_JOINED = new Set(['columns', 'targeting_types', 'attribution_types']);

function valueAt(source: unknown, name: string, rest: string[]): unknown {
  let value = (source as Record<string, unknown> | undefined)?.[name];
  if (rest.length > 0 && typeof value === 'string') {
    value = COMMA_JOINED.has(name) ? value.split(',') : [value];
  }
  for (const key of rest) value = (value as Record<string, unknown> | undefined)?.[key];
  if (typeof value === 'string' && rest.length === 0 && value.length > 80) return undefined;
  return value;
}

function describeResponseError(error: AjvError): string {
  const where = error.instancePath || '(body)';
  const details = Object.entries(error.params)
    .filter(([key]) => key !== 'allowedValues')
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  return `${where} ${error.message ?? 'is invalid'}${details ? ` (${details})` : ''}`;
}

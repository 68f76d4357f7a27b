// Access to the official Pinterest OpenAPI spec for tests; the tests require it to be present.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SPEC_PATH =
  process.env.PINTEREST_OPENAPI_SPEC ??
  join(__dirname, '..', '..', '..', 'shared', 'pinterest-api', 'openapi.json');

let cached: any;

export function loadSpec(): any {
  if (!existsSync(SPEC_PATH)) {
    throw new Error(
      `The Pinterest OpenAPI spec is missing at ${SPEC_PATH}. ` +
        'Set PINTEREST_OPENAPI_SPEC to its path.',
    );
  }
  cached ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  return cached;
}

/** The 175 synchronous `columns` values, in the spec's order. */
export function specSyncColumns(): string[] {
  return loadSpec().components.parameters.query_columns.schema.items.enum;
}

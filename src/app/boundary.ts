// The typed boundary between callers (sidebar, menu, local runner) and the use cases: every
// answer is a plain object, and failures carry a stable code, a user message and the field.

import { AddonError } from '../core/errors';
import type { Logger } from '../ports';

export type Result<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };

/** Runs a use case and wraps its answer; unexpected errors are logged and reported plainly. */
export function respond<T>(logger: Logger, action: () => T): Result<T> {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    if (error instanceof AddonError) {
      return { ok: false, error: { code: error.code, message: error.message, field: error.field } };
    }
    logger.warn(`Unexpected failure: ${error instanceof Error ? error.stack : String(error)}`);
    return {
      ok: false,
      error: {
        code: 'UNEXPECTED',
        message: 'Something went wrong in the add-on. Try again; if it persists, report it.',
      },
    };
  }
}

// The add-on's one error type: a stable machine code plus a message a marketer can act on.

export type ErrorCode =
  | 'NOT_CONNECTED'
  | 'TOKEN_EXPIRED'
  | 'CONFIG_MISSING'
  | 'INVALID_REPORT'
  | 'RANGE_TOO_OLD'
  | 'RANGE_TOO_LONG'
  | 'RATE_LIMITED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'PINTEREST_REJECTED'
  | 'PINTEREST_UNAVAILABLE'
  | 'NETWORK'
  | 'QUOTA_EXHAUSTED'
  | 'SHEET_LIMIT'
  | 'REFRESH_RUNNING';

interface ErrorOptions {
  detail?: string;
  field?: string;
  retryAfterSeconds?: number;
}

/** An error whose message is written for the user and whose code is stable for callers. */
export class AddonError extends Error {
  readonly code: ErrorCode;
  /** Technical detail for logs (never shown as the user message). */
  readonly detail?: string;
  /** The report form field the error is about, when there is one. */
  readonly field?: string;
  /** Seconds the server asked us to wait before trying again. */
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, { cause: { code } });
    this.name = 'AddonError';
    this.code = code;
    this.detail = options.detail;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Whether a failure is worth trying again in the same run (throttling, outages, the network). */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof AddonError &&
    (error.code === 'RATE_LIMITED' ||
      error.code === 'PINTEREST_UNAVAILABLE' ||
      error.code === 'NETWORK')
  );
}

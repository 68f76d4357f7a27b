// The one error type of the sandbox: an HTTP status plus the {code, message} body Pinterest
// sends. Codes are stable so tests and clients can branch on them.

/** Error codes the sandbox answers with; see README.md for when each is used. */
export const ERROR_CODES = {
  INVALID_PARAMETERS: 1,
  AUTHENTICATION_FAILED: 2,
  NOT_FOUND: 3,
  RATE_LIMITED: 8,
  NOT_IMPLEMENTED: 10,
  FORBIDDEN: 29,
} as const;

export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SandboxApiError';
  }

  get body(): { code: number; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** 400 with Pinterest's "Invalid parameters" wording. */
export function invalidParameters(detail: string): SandboxApiError {
  return new SandboxApiError(400, ERROR_CODES.INVALID_PARAMETERS, `Invalid parameters: ${detail}`);
}

export function notFound(message: string): SandboxApiError {
  return new SandboxApiError(404, ERROR_CODES.NOT_FOUND, message);
}

// The one place that turns Pinterest's HTTP answers into AddonErrors a marketer can act on.

import { AddonError } from '../errors';
import type { HttpResponse } from '../../ports';

/** Pinterest's error body, `{code, message}`, when the answer has one. */
function readError(body: string): { code?: number; message?: string } {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    return {
      code: typeof parsed.code === 'number' ? parsed.code : undefined,
      message: typeof parsed.message === 'string' ? parsed.message : undefined,
    };
  } catch {
    return {};
  }
}

function retryAfter(response: HttpResponse, message: string): number | undefined {
  const header = Number(response.headers['retry-after']);
  if (Number.isFinite(header) && header >= 0) return header;
  const inText = /retry (?:again )?(?:after|in) (\d+) ?s/i.exec(message);
  return inText ? Number(inText[1]) : undefined;
}

/**
 * The error for a non-2xx answer. `what` names the request for the user ("ad account 123's
 * campaigns"). Throttling reported as a 400 whose message asks to retry later counts as 429.
 */
export function errorFromResponse(response: HttpResponse, what: string): AddonError {
  const body = readError(response.body);
  const apiMessage = body.message ?? response.body.slice(0, 200);
  const detail = `HTTP ${response.status} for ${what}: ${body.code ?? '-'} ${apiMessage}`;
  const wait = retryAfter(response, apiMessage);
  const throttled =
    response.status === 429 || (response.status === 400 && /retry|rate limit/i.test(apiMessage));

  if (throttled) {
    return new AddonError(
      'RATE_LIMITED',
      'Pinterest is limiting how fast the add-on may ask for data. The refresh will continue ' +
        'automatically; no action is needed.',
      { detail, retryAfterSeconds: wait },
    );
  }
  if (response.status === 401) {
    return new AddonError(
      'TOKEN_EXPIRED',
      'Your Pinterest connection has expired or was revoked. Open the add-on and reconnect ' +
        'Pinterest.',
      { detail },
    );
  }
  if (response.status === 403) {
    return new AddonError(
      'PERMISSION_DENIED',
      `Pinterest refused access to ${what}. Ask the ad account's owner for Admin, Analyst or ` +
        'Campaign Manager access, or remove the account from the report.',
      { detail },
    );
  }
  if (response.status === 404) {
    return new AddonError(
      'NOT_FOUND',
      `Pinterest could not find ${what}. It may have been deleted; edit the report to remove it.`,
      { detail },
    );
  }
  if (response.status >= 500) {
    return new AddonError(
      'PINTEREST_UNAVAILABLE',
      'Pinterest is having trouble answering right now. The refresh will be tried again later.',
      { detail },
    );
  }
  return new AddonError(
    'PINTEREST_REJECTED',
    `Pinterest rejected the request for ${what}: ${apiMessage}. Check the report's settings.`,
    { detail },
  );
}

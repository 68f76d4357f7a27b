// Connects the add-on in the local runtime to Pinterest without a person: follows the consent
// link to the sandbox (which consents at once in this mode) and hands the redirect to the
// runtime's /usercallback, exactly as a browser would.

import type { Runtime } from '../runtime/runtime';

export async function connectHeadless(runtime: Runtime): Promise<void> {
  const link = runtime.call<{ ok: boolean; value?: string; error?: { message: string } }>(
    'getConnectUrl',
  );
  if (!link.ok || !link.value) throw new Error(`Connect failed: ${link.error?.message}`);

  const consent = await fetch(link.value, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (consent.status !== 302 || !location) {
    throw new Error(`The consent page answered ${consent.status} without a redirect.`);
  }
  const parameters = Object.fromEntries(new URL(location).searchParams);
  const page = runtime.handleUserCallback(parameters);
  if (!/is connected/.test(page)) throw new Error(`Connect failed: ${page}`);
}

/** Stores a ready access token where the OAuth2 library keeps it, skipping the consent flow. */
export function seedAccessToken(runtime: Runtime, accessToken: string): void {
  const token = {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: 30 * 24 * 3600,
    granted_time: Math.floor(Date.now() / 1000),
  };
  runtime.properties.user.set('oauth2.pinterest', JSON.stringify(token));
}

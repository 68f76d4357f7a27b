// OAuth as Pinterest runs it: the authorize page, single-use codes bound to their redirect_uri,
// HTTP Basic client authentication, and refresh tokens that rotate on every refresh.

import type { RunningSandbox } from '../../dev/sandbox/server';
import { get, start } from './support';

const CLIENT_ID = '1484200000000001';
const SECRET = 'sandbox-secret';
const REDIRECT = 'https://script.google.com/macros/d/abc/usercallback';
const SCOPE = 'ads:read,user_accounts:read';

let sandbox: RunningSandbox;
let consenting: RunningSandbox;

beforeAll(async () => {
  sandbox = await start({ autoConsent: true });
  consenting = await start();
});

afterAll(async () => {
  await sandbox.close();
  await consenting.close();
});

function authorizeUrl(target: RunningSandbox, params: Record<string, string> = {}) {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: SCOPE,
    state: 'xyz 123',
    ...params,
  });
  return `${target.url}/oauth/?${query}`;
}

async function redirectOf(url: string): Promise<URL> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
}

function token(form: Record<string, string>, secret = SECRET) {
  return fetch(`${sandbox.apiBase}/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
}

async function newCode(): Promise<string> {
  const location = await redirectOf(authorizeUrl(sandbox));
  return location.searchParams.get('code')!;
}

describe('the authorize page', () => {
  it('redirects at once with a code and the state in auto-consent mode', async () => {
    const location = await redirectOf(authorizeUrl(sandbox));
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
    expect(location.searchParams.get('state')).toBe('xyz 123');
  });

  it('shows Allow and Deny otherwise, and Deny redirects with access_denied', async () => {
    const response = await fetch(authorizeUrl(consenting));
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    const deny = /id="deny" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    const location = await redirectOf(`${consenting.url}${deny}`);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz 123');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('gives a code through the Allow link', async () => {
    const html = await (await fetch(authorizeUrl(consenting))).text();
    const allow = /id="allow" href="([^"]+)"/.exec(html)![1].replace(/&amp;/g, '&');
    const location = await redirectOf(`${consenting.url}${allow}`);
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('shows an HTML error page for an unknown client_id', async () => {
    const response = await fetch(authorizeUrl(sandbox, { client_id: '999' }), {
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('client_id');
  });

  it('redirects with invalid_scope for a scope Pinterest does not have', async () => {
    const location = await redirectOf(authorizeUrl(sandbox, { scope: 'ads:read,ads:everything' }));
    expect(location.searchParams.get('error')).toBe('invalid_scope');
  });
});

describe('POST /v5/oauth/token', () => {
  it('exchanges a code for pina_/pinr_ tokens with the documented lifetimes', async () => {
    const answer = await token({
      grant_type: 'authorization_code',
      code: await newCode(),
      redirect_uri: REDIRECT,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      access_token: expect.stringMatching(/^pina_/),
      refresh_token: expect.stringMatching(/^pinr_/),
      token_type: 'bearer',
      expires_in: 2592000,
      refresh_token_expires_in: 5184000,
      scope: SCOPE,
      response_type: 'authorization_code',
    });
    const user = await get(sandbox, '/user_account', [], answer.body.access_token);
    expect(user.status).toBe(200);
  });

  it('accepts a code only once', async () => {
    const code = await newCode();
    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
    expect((await token(form)).status).toBe(200);
    const again = await token(form);
    expect(again.status).toBe(400);
    expect(again.body.message).toContain('already used');
  });

  it('refuses a code sent with another redirect_uri', async () => {
    const answer = await token({
      grant_type: 'authorization_code',
      code: await newCode(),
      redirect_uri: 'https://elsewhere.example.com/cb',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('redirect_uri');
  });

  it('rotates refresh tokens: each refresh returns a new one and retires the old', async () => {
    const first = await token({
      grant_type: 'authorization_code',
      code: await newCode(),
      redirect_uri: REDIRECT,
    });
    const refreshed = await token({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    expect(refreshed.body.refresh_token_expires_at).toBeGreaterThan(Date.now() / 1000);
    const replayed = await token({
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(replayed.status).toBe(400);
    const next = await token({
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token,
    });
    expect(next.status).toBe(200);
  });

  it('answers 401 to a wrong app secret', async () => {
    const answer = await token(
      { grant_type: 'authorization_code', code: await newCode(), redirect_uri: REDIRECT },
      'wrong-secret',
    );
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe(2);
  });

  it('answers every token exchange with a body that matches the spec', () => {
    const exchanges = sandbox.log.filter((entry) => entry.operationId === 'oauth/token');
    expect(exchanges.length).toBeGreaterThanOrEqual(8);
    expect(exchanges.flatMap((entry) => entry.responseErrors)).toEqual([]);
  });
});

describe('scopes', () => {
  it('refuses ad endpoints to a token granted only user_accounts:read', async () => {
    const location = await redirectOf(authorizeUrl(sandbox, { scope: 'user_accounts:read' }));
    const granted = await token({
      grant_type: 'authorization_code',
      code: location.searchParams.get('code')!,
      redirect_uri: REDIRECT,
    });
    const answer = await get(sandbox, '/ad_accounts', [], granted.body.access_token);
    expect(answer.status).toBe(403);
    expect(answer.body.message).toContain('ads:read');
  });
});

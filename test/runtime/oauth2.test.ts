// Specification of the OAuth2 library stand-in: authorization URL and state token, code exchange
// and refresh against a local token endpoint (Basic header and payload handler honoured), storage.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, newRuntime, startServer, type TestServer } from './helpers';

const SERVICE = `
function getService_() {
  return OAuth2.createService('pinterest')
    .setAuthorizationBaseUrl('https://www.pinterest.com/oauth/')
    .setTokenUrl(PropertiesService.getScriptProperties().getProperty('TOKEN_URL'))
    .setClientId('client-1')
    .setClientSecret('secret-1')
    .setCallbackFunction('authCallback')
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(LockService.getUserLock())
    .setScope(['ads:read', 'user_accounts:read'], ',')
    .setTokenHeaders({ Authorization: 'Basic ' + Utilities.base64Encode('client-1:secret-1') })
    .setTokenPayloadHandler(function (payload) {
      delete payload.client_id;
      delete payload.client_secret;
      return payload;
    });
}
function authorizationUrl() { return getService_().getAuthorizationUrl({ returnTo: 'sidebar' }); }
function authCallback(request) {
  var ok = getService_().handleCallback(request);
  return HtmlService.createHtmlOutput(ok ? 'Connected' : 'Denied');
}
function accessStatus() {
  var service = getService_();
  var ok = service.hasAccess();
  return { ok: ok, error: service.getLastError() ? String(service.getLastError()) : null };
}
function accessToken() { return getService_().getAccessToken(); }
function storedToken() { return getService_().getToken(); }
`;

const EXPIRED_TOKEN = JSON.stringify({
  access_token: 'access-old',
  refresh_token: 'refresh-1',
  expires_in: 2592000,
  granted_time: 1,
  expiresAt: 100,
});

let server: TestServer;
let runtime: Runtime;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => runtime.dispose());

function start(userProperties: Record<string, string> = {}) {
  runtime = newRuntime(
    {
      scriptProperties: { TOKEN_URL: `${server.url}/oauth/token` },
      userProperties,
      scriptId: 'abc123',
    },
    SERVICE,
  );
}

const lastTokenRequest = () =>
  gas<any>(
    runtime,
    `return JSON.parse(UrlFetchApp.fetch(args).getContentText());`,
    `${server.url}/oauth/last`,
  );

describe('authorization', () => {
  test('the authorization URL carries the client, redirect URI, comma scopes and a state token', () => {
    start();
    const url = new URL(runtime.call<string>('authorizationUrl'));
    expect(url.origin + url.pathname).toBe('https://www.pinterest.com/oauth/');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'client-1',
      response_type: 'code',
      redirect_uri: 'https://script.google.com/macros/d/abc123/usercallback',
      scope: 'ads:read,user_accounts:read',
    });
    expect(gas(runtime, `return OAuth2.getRedirectUri()`)).toBe(
      'https://script.google.com/macros/d/abc123/usercallback',
    );
  });

  test('the callback exchanges the code with Basic auth and the payload handler applied', () => {
    start();
    const state = new URL(runtime.call<string>('authorizationUrl')).searchParams.get('state')!;
    expect(runtime.handleUserCallback({ state, code: 'good-code' })).toBe('Connected');

    const request = lastTokenRequest();
    expect(request.headers.authorization).toBe(
      `Basic ${Buffer.from('client-1:secret-1').toString('base64')}`,
    );
    expect(request.headers.accept).toBe('application/json');
    expect(request.form).toEqual({
      code: 'good-code',
      redirect_uri: 'https://script.google.com/macros/d/abc123/usercallback',
      grant_type: 'authorization_code',
    });
    const stored = JSON.parse(runtime.properties.user.get('oauth2.pinterest')!);
    expect(stored).toMatchObject({ access_token: 'access-1', refresh_token: 'refresh-1' });
    expect(stored.expiresAt - stored.granted_time).toBe(2592000);
    expect(runtime.stats.requests[0]).toEqual({
      method: 'POST',
      url: `${server.url}/oauth/token`,
      status: 200,
    });
    expect(runtime.call('accessToken')).toBe('access-1');
    expect(runtime.stats.urlFetchCalls).toBe(2);
  });

  test('a declined consent returns false; another provider error throws', () => {
    start();
    const state = new URL(runtime.call<string>('authorizationUrl')).searchParams.get('state')!;
    expect(runtime.handleUserCallback({ state, error: 'access_denied' })).toBe('Denied');
    expect(() => runtime.handleUserCallback({ state, error: 'server_error' })).toThrow(
      'Error authorizing token: server_error',
    );
    expect(() => runtime.handleUserCallback({ state, code: 'wrong' })).toThrow(
      'Error retrieving token: invalid_grant, Bad code or token',
    );
  });
});

describe('refresh', () => {
  test('an expired token is refreshed once, keeping the refresh token the response omits', () => {
    start({ 'oauth2.pinterest': EXPIRED_TOKEN });
    expect(runtime.call('accessToken')).toBe('access-2');
    expect(lastTokenRequest().form).toEqual({
      refresh_token: 'refresh-1',
      grant_type: 'refresh_token',
    });
    expect(runtime.call('storedToken')).toMatchObject({
      access_token: 'access-2',
      refresh_token: 'refresh-1',
    });
    expect(runtime.call('accessToken')).toBe('access-2');
    expect(runtime.stats.requests.filter((r) => r.url.endsWith('/oauth/token'))).toHaveLength(1);
  });

  test('a refresh error makes hasAccess false with the reason in getLastError', () => {
    const revoked = JSON.parse(EXPIRED_TOKEN);
    revoked.refresh_token = 'revoked';
    start({ 'oauth2.pinterest': JSON.stringify(revoked) });
    expect(runtime.call('accessStatus')).toEqual({
      ok: false,
      error: 'Error: Error retrieving token: invalid_grant, Bad code or token',
    });
    expect(() => runtime.call('accessToken')).toThrow('Access not granted or expired.');
  });

  test('without a token there is no access and no error', () => {
    start();
    expect(runtime.call('accessStatus')).toEqual({ ok: false, error: null });
  });

  test('refresh() without a refresh token needs offline access', () => {
    start({
      'oauth2.pinterest': JSON.stringify({ access_token: 'a', expires_in: 10, granted_time: 1 }),
    });
    expect(() => gas(runtime, `getService_().refresh()`)).toThrow('Offline access is required.');
  });

  test('a refresh waits up to 30 s for the user lock held by another caller, then fails', () => {
    start({ 'oauth2.pinterest': EXPIRED_TOKEN });
    const result = gas<string[]>(
      runtime,
      `LockService.getUserLock().waitLock(10);
       var before = Date.now();
       try { getService_().hasAccess(); return ['no error']; }
       catch (e) { return [e.message, String(Date.now() - before >= 30000)]; }`,
    );
    expect(result).toEqual([
      'Lock timeout: another process was holding the lock for too long.',
      'true',
    ]);
  });

  test('a failed refresh() keeps the lock until the execution ends', () => {
    const revoked = JSON.parse(EXPIRED_TOKEN);
    revoked.refresh_token = 'revoked';
    start({ 'oauth2.pinterest': JSON.stringify(revoked) });
    const heldAfterError = gas(
      runtime,
      `try { getService_().refresh(); } catch (e) {}
       return LockService.getUserLock().tryLock(0);`,
    );
    expect(heldAfterError).toBe(false);
    expect(gas(runtime, `return LockService.getUserLock().tryLock(0)`)).toBe(true);
  });
});

describe('storage', () => {
  test('reset removes the token and custom values; getServiceNames lists stored services', () => {
    start({ 'oauth2.pinterest': EXPIRED_TOKEN, 'oauth2.pinterest.account': '"act-1"', other: 'x' });
    const names = gas(
      runtime,
      `var s = getService_();
       var before = [s.getStorage().getValue('account'), OAuth2.getServiceNames(
         PropertiesService.getUserProperties())];
       s.reset();
       return before.concat([s.getToken(), PropertiesService.getUserProperties().getKeys()]);`,
    );
    expect(names).toEqual(['act-1', ['pinterest'], null, ['other']]);
  });
});

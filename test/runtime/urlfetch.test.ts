// Specification of the runtime's UrlFetchApp: real HTTP to a server in a child process, Google's
// defaults and error texts, concurrent fetchAll, the URL length limit and the daily quota.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, gasError, newRuntime, startServer, type TestServer } from './helpers';

let server: TestServer;
let runtime: Runtime;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
beforeEach(() => {
  runtime = newRuntime({ urlFetchDailyQuota: 25 });
});
afterEach(() => runtime.dispose());

const fetchJson = (url: string, params: object = {}) =>
  gas<Record<string, any>>(
    runtime,
    `var r = UrlFetchApp.fetch(args.url, args.params);
     return { code: r.getResponseCode(), body: JSON.parse(r.getContentText()) };`,
    { url, params },
  );

describe('UrlFetchApp.fetch', () => {
  test('a GET reaches the server and is counted in stats', () => {
    const response = fetchJson(`${server.url}/echo?q=1`);
    expect(response.code).toBe(200);
    expect(response.body).toMatchObject({ method: 'GET', path: '/echo?q=1' });
    expect(response.body.headers['user-agent']).toContain('Google-Apps-Script');
    expect(runtime.stats).toEqual({
      urlFetchCalls: 1,
      requests: [{ method: 'GET', url: `${server.url}/echo?q=1`, status: 200 }],
    });
  });

  test('an object payload is sent form-encoded; a string payload with its content type', () => {
    const form = fetchJson(`${server.url}/echo`, {
      method: 'post',
      payload: { grant_type: 'refresh_token', note: 'a b&c' },
    });
    expect(form.body.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form.body.body).toBe('grant_type=refresh_token&note=a+b%26c');
    const json = fetchJson(`${server.url}/echo`, {
      method: 'PUT',
      contentType: 'application/json',
      headers: { Authorization: 'Bearer t' },
      payload: JSON.stringify({ a: 1 }),
    });
    expect(json.body).toMatchObject({ method: 'PUT', body: '{"a":1}' });
    expect(json.body.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer t',
      'content-length': '7',
    });
  });

  test('a 4xx/5xx throws with the origin and 147 characters of the body', () => {
    const error = gasError(runtime, `UrlFetchApp.fetch('${server.url}/status/503?len=400')`);
    expect(String(error)).toBe(
      `Exception: Request failed for ${server.url} returned code 503. Truncated server response: ` +
        `${'x'.repeat(147)}... (use muteHttpExceptions option to examine full response)`,
    );
    expect(runtime.stats.requests[0].status).toBe(503);
  });

  test('muteHttpExceptions returns the error response with its full body', () => {
    const result = gas(
      runtime,
      `var r = UrlFetchApp.fetch('${server.url}/status/429?len=400', { muteHttpExceptions: true });
       return [r.getResponseCode(), r.getContentText().length];`,
    );
    expect(result).toEqual([429, 400]);
  });

  test('redirects are followed unless followRedirects is false', () => {
    expect(fetchJson(`${server.url}/redirect`).body.path).toBe('/echo?from=redirect');
    const code = gas(
      runtime,
      `var r = UrlFetchApp.fetch('${server.url}/redirect', { followRedirects: false });
        return r.getResponseCode();`,
    );
    expect(code).toBe(302);
  });

  test('headers: getHeaders joins repeats, getAllHeaders lists them; gzip is decoded', () => {
    const result = gas<any[]>(
      runtime,
      `var r = UrlFetchApp.fetch('${server.url}/headers');
       var g = UrlFetchApp.fetch('${server.url}/gzip');
       return [r.getHeaders()['Set-Cookie'], r.getAllHeaders()['Set-Cookie'],
         r.getHeaders()['X-Trace'], g.getContentText(), g.getBlob().getDataAsString(),
         g.getContent().length];`,
    );
    expect(result).toEqual([
      'a=1, b=2',
      ['a=1', 'b=2'],
      'abc',
      'compressed hello',
      'compressed hello',
      16,
    ]);
  });

  test('a refused connection is "Address unavailable"', () => {
    const error = gasError(runtime, `UrlFetchApp.fetch('http://127.0.0.1:1/x')`);
    expect(error.message).toBe('Address unavailable: http://127.0.0.1:1/x');
    expect(runtime.stats.requests).toEqual([
      { method: 'GET', url: 'http://127.0.0.1:1/x', status: 0 },
    ]);
  });

  test('a URL longer than 2082 characters is refused before sending', () => {
    const error = gasError(
      runtime,
      `UrlFetchApp.fetch('${server.url}/echo?columns=' + new Array(2100).join('x'));`,
    );
    expect(String(error)).toBe('Exception: Limit Exceeded: URLFetch URL Length.');
    expect(runtime.stats.urlFetchCalls).toBe(0);
  });
});

describe('UrlFetchApp.fetchAll', () => {
  test('requests run concurrently and responses keep request order', () => {
    gas(runtime, `UrlFetchApp.fetch('${server.url}/concurrency')`);
    const started = Date.now();
    const ids = gas<string[]>(
      runtime,
      `var requests = [5, 4, 3, 2, 1].map(function (i) {
         return { url: '${server.url}/slow?ms=' + (i * 60) + '&id=' + i };
       });
       return UrlFetchApp.fetchAll(requests).map(function (r) {
         return JSON.parse(r.getContentText()).id;
       });`,
    );
    const elapsed = Date.now() - started;
    expect(ids).toEqual(['5', '4', '3', '2', '1']);
    expect(elapsed).toBeLessThan(900);
    expect(fetchJson(`${server.url}/concurrency`).body.maxInFlight).toBe(5);
    expect(runtime.stats.urlFetchCalls).toBe(7);
  });

  test('one failed request throws for the whole batch unless it is muted', () => {
    const error = gasError(
      runtime,
      `UrlFetchApp.fetchAll(['${server.url}/echo', '${server.url}/status/500?body=boom']);`,
    );
    expect(error.message).toContain('returned code 500. Truncated server response: boom (use');
    const codes = gas(
      runtime,
      `return UrlFetchApp.fetchAll([
         { url: '${server.url}/echo' },
         { url: '${server.url}/status/500', muteHttpExceptions: true },
       ]).map(function (r) { return r.getResponseCode(); });`,
    );
    expect(codes).toEqual([200, 500]);
  });

  test('the daily quota counts every request and stops further calls', () => {
    gas(
      runtime,
      `var urls = []; for (var i = 0; i < 24; i++) urls.push('${server.url}/echo');
       UrlFetchApp.fetchAll(urls);`,
    );
    const error = gasError(
      runtime,
      `UrlFetchApp.fetchAll(['${server.url}/echo', '${server.url}/echo'])`,
    );
    expect(String(error)).toBe('Exception: Service invoked too many times for one day: urlfetch.');
    gas(runtime, `UrlFetchApp.fetch('${server.url}/echo')`);
    expect(runtime.stats.urlFetchCalls).toBe(25);
    expect(gasError(runtime, `UrlFetchApp.fetch('${server.url}/echo')`).message).toContain(
      'too many times',
    );
  });
});

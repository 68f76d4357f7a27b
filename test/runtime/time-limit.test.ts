// Specification of the execution time limit as Apps Script enforces it: once the runtime clock
// passes it, every service call fails, so a long refresh cannot keep working past six minutes.
// Request latency is simulated on the clock against a real server in a child process.
import type { Runtime, RuntimeOptions } from '../../dev/runtime/runtime';
import { gas, gasError, newRuntime, startServer, type TestServer } from './helpers';

const MINUTE = 60 * 1000;

// A refresh that fetches ten report pages and saves a cursor after each, as a resumable job would.
const EXTRA = `
function refreshPages(baseUrl) {
  var props = PropertiesService.getUserProperties();
  for (var page = 1; page <= 10; page++) {
    try {
      UrlFetchApp.fetch(baseUrl + '/echo?page=' + page);
      props.setProperty('cursor', String(page));
    } catch (e) {
      props.setProperty('failure', String(e));
    }
  }
  props.setProperty('finished', 'yes');
}
function scheduledRefresh() {
  refreshPages(PropertiesService.getScriptProperties().getProperty('baseUrl'));
}
`;

let server: TestServer;
let runtime: Runtime;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());
afterEach(() => runtime.dispose());

const start = (options: Partial<RuntimeOptions>) => {
  runtime = newRuntime({ scriptProperties: { baseUrl: server.url }, ...options }, EXTRA);
};

describe('the six-minute limit with slow requests', () => {
  test('one-minute requests stop a refresh during the sixth; catching changes nothing', () => {
    start({ fetchLatencyMs: MINUTE });

    expect(() => runtime.call('refreshPages', server.url)).toThrow(
      'Exceeded maximum execution time',
    );
    // The sixth request reached the server, but the script never saw its answer.
    expect(runtime.stats.urlFetchCalls).toBe(6);
    expect(runtime.properties.user.get('cursor')).toBe('5');
    expect(runtime.properties.user.has('failure')).toBe(false);
    expect(runtime.properties.user.has('finished')).toBe(false);
  });

  test('fetchAll runs its requests in parallel: the batch costs one latency, not five', () => {
    start({ fetchLatencyMs: MINUTE });
    const elapsed = gas<number>(
      runtime,
      `var t = Date.now();
       var urls = [1, 2, 3, 4, 5].map(function (i) { return args + '/echo?batch=' + i; });
       UrlFetchApp.fetchAll(urls);
       return Date.now() - t;`,
      server.url,
    );
    expect(elapsed).toBeGreaterThanOrEqual(MINUTE);
    expect(elapsed).toBeLessThan(2 * MINUTE);
    expect(runtime.stats.urlFetchCalls).toBe(5);
  });

  test('a scheduled refresh that runs out of time is a failed run with Google’s message', () => {
    start({ fetchLatencyMs: 2 * MINUTE });
    gas(runtime, `ScriptApp.newTrigger('scheduledRefresh').timeBased().everyHours(1).create();`);
    const [run] = runtime.runUntil(runtime.clock.now().getTime() + 60 * MINUTE);

    expect(run.error).toBe('Exceeded maximum execution time');
    expect(run.endedAt.getTime() - run.startedAt.getTime()).toBeGreaterThan(6 * MINUTE);
    expect(runtime.properties.user.get('cursor')).toBe('2');
  });
});

describe('how the limit is enforced', () => {
  test('after a caught time-limit error, the next call into any service throws it again', () => {
    start({});
    const error = gasError(
      runtime,
      `try { Utilities.sleep(300000); Utilities.sleep(300000); } catch (e) {}
       SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue('written late');`,
    );
    expect(error.message).toBe('Exceeded maximum execution time');
    expect(runtime.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('');
  });

  test('objects obtained before time ran out refuse work after it', () => {
    start({});
    const error = gasError(
      runtime,
      `var range = SpreadsheetApp.getActive().getSheets()[0].getRange('B2');
       try { Utilities.sleep(300000); Utilities.sleep(300000); } catch (e) {}
       try { range.setValue('late'); } catch (e) { return 'caught: ' + e.message; }`,
    );
    expect(error.message).toBe('Exceeded maximum execution time');
    expect(runtime.spreadsheet.getSheets()[0].getRange('B2').getValue()).toBe('');
  });

  test('executionLimitMs sets the limit', () => {
    start({ executionLimitMs: 30000 });
    expect(gas(runtime, `Utilities.sleep(29000); return 'in time';`)).toBe('in time');
    expect(gasError(runtime, `Utilities.sleep(31000); return 'too late';`).message).toBe(
      'Exceeded maximum execution time',
    );
  });

  test('a script that loops without calling any service is stopped after the limit', () => {
    start({ executionLimitMs: 300 });
    const started = Date.now();
    expect(gasError(runtime, `while (true) {}`).message).toBe('Exceeded maximum execution time');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(gas(runtime, `return 'next execution runs';`)).toBe('next execution runs');
  });
});

// Specification of executions in the local runtime: a fresh global scope each time, values
// copied like google.script.run, state tokens resolved at /usercallback, and HtmlService.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, gasError, newRuntime } from './helpers';

const EXTRA = `
var executions = 0;
function countExecutions() { executions += 1; return executions; }
function authCallback(e) {
  return HtmlService.createHtmlOutput(
    'service=' + e.parameter.serviceName + ' code=' + e.parameter.code +
    ' list=' + e.parameters.code.length);
}
function callbackWithoutPage(e) { return 'done'; }
function include(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function renderSidebar(title) {
  var t = HtmlService.createTemplateFromFile('Sidebar');
  t.title = title;
  t.accounts = ['Shop <EU>', 'Shop US'];
  return t.evaluate().setTitle('Pinterest Ads').getContent();
}
function whenTokenMade() { return { when: new Date() }; }
`;
const FILES = {
  'Style.html': '<style>p{margin:0}</style>',
  'Sidebar.html':
    '<?!= include("Style") ?><h1><?= title ?></h1>' +
    '<? for (var i = 0; i < accounts.length; i++) { ?><p><?= accounts[i] ?></p><? } ?>',
};

let runtime: Runtime;
beforeEach(() => {
  runtime = newRuntime({}, EXTRA, FILES);
});
afterEach(() => runtime.dispose());

describe('executions', () => {
  test('every call evaluates the bundle again, so globals do not survive', () => {
    expect(runtime.call('countExecutions')).toBe(1);
    expect(runtime.call('countExecutions')).toBe(1);
  });

  test('calling a function that does not exist fails like Google', () => {
    expect(() => runtime.call('doesNotExist')).toThrow('Script function not found: doesNotExist');
  });

  test('arguments are copied as data; a Date argument is refused', () => {
    expect(
      gas(runtime, `return [args.list.length, args.nested.a]`, {
        list: [1, 2],
        nested: { a: 'x' },
      }),
    ).toEqual([2, 'x']);
    expect(() => runtime.call('run', 'return 1', { when: new Date() })).toThrow(
      'Failed due to illegal value in property: when',
    );
  });

  test('a result containing a Date arrives as null; undefined array slots become null', () => {
    expect(runtime.call('whenTokenMade')).toBeNull();
    expect(gas(runtime, `return [1, undefined, { a: undefined, b: 2 }]`)).toEqual([
      1,
      null,
      { b: 2 },
    ]);
  });

  test('service errors are Errors of the script realm named Exception', () => {
    const caught = gas(
      runtime,
      `try { SpreadsheetApp.getActive().getSheets()[0].getRange(0, 1); }
       catch (e) { return [e instanceof Error, e.name, String(e)]; }`,
    );
    expect(caught).toEqual([
      true,
      'Exception',
      'Exception: The starting row of the range is too small.',
    ]);
  });

  test('values read from services belong to the script realm (instanceof works)', () => {
    const checks = gas(
      runtime,
      `var s = SpreadsheetApp.getActive().getSheets()[0];
       s.getRange('A1').setValue('2026-03-01');
       var values = s.getRange('A1:B1').getValues();
       return [values instanceof Array, values[0][0] instanceof Date, new Date() instanceof Date,
         PropertiesService.getUserProperties().getProperties() instanceof Object,
         Date.name, typeof setTimeout, typeof require, typeof process];`,
    );
    expect(checks).toEqual([true, true, true, true, 'Date', 'undefined', 'undefined', 'undefined']);
  });

  test('errors thrown by the script reach the caller with their message', () => {
    expect(() => gas(runtime, `throw new TypeError('bad report')`)).toThrow('bad report');
  });
});

describe('state tokens and /usercallback', () => {
  const makeToken = (timeout?: number) =>
    gas<string>(
      runtime,
      `var b = ScriptApp.newStateToken().withMethod('authCallback')
         .withArgument('serviceName', 'pinterest');
       if (args.timeout) b = b.withTimeout(args.timeout);
       return b.createToken();`,
      { timeout },
    );

  test('the callback runs the named function with the query and the token arguments', () => {
    const state = makeToken();
    expect(runtime.handleUserCallback({ state, code: 'abc' })).toBe(
      'service=pinterest code=abc list=1',
    );
  });

  test('a token expires after 60 seconds by default', () => {
    const state = makeToken();
    gas(runtime, `Utilities.sleep(61000)`);
    expect(() => runtime.handleUserCallback({ state, code: 'abc' })).toThrow(
      'The state token is invalid or has expired. Please try again.',
    );
  });

  test('withTimeout allows up to an hour, and the token expires after it', () => {
    const state = makeToken(3600);
    for (let i = 0; i < 11; i++) gas(runtime, `Utilities.sleep(300000)`);
    expect(runtime.handleUserCallback({ state, code: 'late' })).toContain('code=late');
    gas(runtime, `Utilities.sleep(300000)`);
    gas(runtime, `Utilities.sleep(300000)`);
    expect(() => runtime.handleUserCallback({ state, code: 'too late' })).toThrow('expired');
    expect(gasError(runtime, `ScriptApp.newStateToken().withTimeout(3601)`).name).toBe('Exception');
  });

  test('an unknown token is refused', () => {
    expect(() => runtime.handleUserCallback({ state: 'forged', code: 'x' })).toThrow(
      'The state token is invalid or has expired.',
    );
  });

  test('a callback that returns no HtmlOutput gives Google\u2019s "did not return anything"', () => {
    const state = gas<string>(
      runtime,
      `return ScriptApp.newStateToken().withMethod('callbackWithoutPage').createToken();`,
    );
    expect(() => runtime.handleUserCallback({ state })).toThrow(
      'The script completed but did not return anything.',
    );
  });
});

describe('HtmlService', () => {
  test('templates print escaped values, raw includes and loops over template properties', () => {
    expect(runtime.call('renderSidebar', 'Ads & reports')).toBe(
      '<style>p{margin:0}</style><h1>Ads &amp; reports</h1><p>Shop &lt;EU&gt;</p><p>Shop US</p>',
    );
  });

  test('a missing HTML file is an Exception', () => {
    expect(gasError(runtime, `HtmlService.createHtmlOutputFromFile('Missing')`).message).toBe(
      'No HTML file named Missing was found.',
    );
  });

  test('HtmlOutput keeps title, size and appended content', () => {
    const out = gas(
      runtime,
      `var o = HtmlService.createHtmlOutput('<b>a</b>').append('<i>b</i>').setTitle('T')
         .setWidth(300).setHeight(200)
         .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
       return [o.getContent(), o.getTitle()];`,
    );
    expect(out).toEqual(['<b>a</b><i>b</i>', 'T']);
  });
});

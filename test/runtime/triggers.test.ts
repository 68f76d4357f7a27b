// Specification of time-driven triggers in the local runtime: Google's rules when an add-on creates
// them, and their runs on the simulated clock, each one an execution of its own.
import type { Runtime, RuntimeOptions } from '../../dev/runtime/runtime';
import { gas, gasError, newRuntime } from './helpers';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const EXTRA = `
var runsInThisScope = 0;
function refreshReports(e) {
  runsInThisScope += 1;
  var props = PropertiesService.getUserProperties();
  var seen = JSON.parse(props.getProperty('events') || '[]');
  seen.push({ event: e, runsInThisScope: runsInThisScope });
  props.setProperty('events', JSON.stringify(seen));
}
function refreshWithBadUrl() { UrlFetchApp.fetch('ads.pinterest.example/v5'); }
function refreshWithTypo() { var report = null; return report.rows; }
function slowRefresh() { Utilities.sleep(300000); }
function whatATriggerSees() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var ui;
  try { SpreadsheetApp.getUi(); ui = 'ui'; } catch (e) { ui = String(e); }
  PropertiesService.getUserProperties().setProperty('seen', JSON.stringify([
    ss === null, PropertiesService.getDocumentProperties() === null,
    LockService.getDocumentLock() === null, ui,
    SpreadsheetApp.openById(PropertiesService.getUserProperties().getProperty('sheetId')).getName(),
  ]));
}
`;

let runtime: Runtime;
const start = (options: Partial<RuntimeOptions> = {}) => {
  runtime = newRuntime(options, EXTRA);
};
afterEach(() => runtime.dispose());

const create = (builder: string) =>
  gas<string>(runtime, `return ScriptApp.newTrigger(${builder}.create().getUniqueId();`);
const events = () =>
  JSON.parse(runtime.properties.user.get('events') ?? '[]') as Array<{
    event: Record<string, unknown>;
    runsInThisScope: number;
  }>;

describe('creating time-driven triggers as an editor add-on', () => {
  beforeEach(() => start());

  test('an hourly trigger is kept across executions and listed as a CLOCK trigger', () => {
    const uid = create(`'refreshReports').timeBased().everyHours(1)`);
    const listed = gas(
      runtime,
      `var ss = SpreadsheetApp.getActiveSpreadsheet();
       var all = ScriptApp.getUserTriggers(ss).concat(ScriptApp.getProjectTriggers());
       return all.map(function (t) {
         return [t.getHandlerFunction(), t.getUniqueId(),
           t.getEventType() === ScriptApp.EventType.CLOCK,
           t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK, t.getTriggerSourceId()];
       });`,
    );
    expect(uid).toMatch(/^\d{19}$/);
    expect(listed).toEqual([
      ['refreshReports', uid, true, true, null],
      ['refreshReports', uid, true, true, null],
    ]);
  });

  test('a second time trigger in the same document is refused with Google’s message', () => {
    create(`'refreshReports').timeBased().everyHours(1)`);
    const error = gasError(
      runtime,
      `ScriptApp.newTrigger('slowRefresh').timeBased().everyDays(1).atHour(6).create();`,
    );
    expect(String(error)).toBe(
      'Exception: This add-on has created too many time-based triggers in this document for ' +
        'this Google user account.',
    );
    expect(runtime.listTriggers().map((t) => t.functionName)).toEqual(['refreshReports']);
  });

  test('nothing more frequent than hourly: everyMinutes and everyHours(0) are refused', () => {
    expect(
      gasError(
        runtime,
        `ScriptApp.newTrigger('refreshReports').timeBased().everyMinutes(30).create()`,
      ).message,
    ).toBe('Add-ons may only create time-based triggers that run at most once per hour.');
    expect(
      gasError(runtime, `ScriptApp.newTrigger('refreshReports').timeBased().everyHours(0)`).message,
    ).toBe('Invalid argument: hours');
    expect(runtime.listTriggers()).toEqual([]);
  });

  test('deleteTrigger removes the trigger, after which a new one may be created', () => {
    create(`'refreshReports').timeBased().everyHours(1)`);
    gas(
      runtime,
      `ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });`,
    );
    expect(gas(runtime, `return ScriptApp.getProjectTriggers().length`)).toBe(0);
    create(`'refreshReports').timeBased().everyDays(1).atHour(6)`);
    expect(runtime.listTriggers()).toHaveLength(1);
  });

  test('schedules that do not make sense are refused at create()', () => {
    const refused = (chain: string) =>
      gasError(runtime, `ScriptApp.newTrigger('refreshReports').timeBased()${chain}.create()`)
        .message;
    expect(refused('')).toMatch(/^Invalid trigger: call everyHours/);
    expect(refused('.atHour(6)')).toBe(
      'Invalid trigger: atHour and onWeekDay need everyDays or everyWeeks.',
    );
    expect(refused('.everyHours(2).everyDays(1)')).toMatch(/^Invalid trigger: choose only one/);
    expect(refused('.everyDays(1).inTimezone("Mars/Olympus_Mons")')).toBe(
      'Invalid argument: timezone',
    );
  });
});

describe('the limits of a script that is not an add-on', () => {
  beforeEach(() => start({ addOn: false }));

  test('every-5-minute triggers are allowed, and the 21st trigger of a user is refused', () => {
    for (let i = 0; i < 20; i++) create(`'refreshReports').timeBased().everyMinutes(5)`);
    expect(
      gasError(runtime, `ScriptApp.newTrigger('refreshReports').timeBased().everyHours(1).create()`)
        .message,
    ).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more ' +
        'can be added.',
    );
    expect(gas(runtime, `return ScriptApp.getProjectTriggers().length`)).toBe(20);
  });

  test('minute intervals other than 1, 5, 10, 15 and 30 are refused', () => {
    expect(
      gasError(runtime, `ScriptApp.newTrigger('refreshReports').timeBased().everyMinutes(7)`)
        .message,
    ).toBe('Invalid argument: minutes');
  });
});

describe('firing on the simulated clock', () => {
  beforeEach(() => start());

  test('an hourly trigger fires 24 times over a day, an hour apart, each in a fresh scope', () => {
    const uid = create(`'refreshReports').timeBased().everyHours(1)`);
    const from = runtime.clock.now().getTime();

    const runs = runtime.runUntil(from + DAY);

    expect(runs).toHaveLength(24);
    expect(runs.every((run) => run.uid === uid && run.error === undefined)).toBe(true);
    const starts = runs.map((run) => run.startedAt.getTime());
    expect(starts[0] - from).toBeGreaterThan(0);
    expect(starts[0] - from).toBeLessThanOrEqual(HOUR);
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(HOUR);
      expect(starts[i] - starts[i - 1]).toBeLessThan(HOUR + 1000);
    }
    expect(events().map((seen) => seen.runsInThisScope)).toEqual(new Array(24).fill(1));
    expect(runtime.clock.now().getTime()).toBeGreaterThanOrEqual(from + DAY);
  });

  test('a daily atHour(6) trigger fires once a day, between 06:00 and 07:00', () => {
    create(`'refreshReports').timeBased().everyDays(1).atHour(6)`);
    const runs = runtime.runUntil('2026-03-17T12:00:00Z');

    expect(runs.map((run) => run.startedAt.toISOString().slice(0, 13))).toEqual([
      '2026-03-11T06',
      '2026-03-12T06',
      '2026-03-13T06',
      '2026-03-14T06',
      '2026-03-15T06',
      '2026-03-16T06',
      '2026-03-17T06',
    ]);
  });

  test('a weekly trigger fires on its week day at its hour', () => {
    create(
      `'refreshReports').timeBased().everyWeeks(1).onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9)`,
    );
    const runs = runtime.runUntil('2026-03-31T00:00:00Z');

    expect(runs.map((run) => run.startedAt.toISOString().slice(0, 13))).toEqual([
      '2026-03-16T09',
      '2026-03-23T09',
      '2026-03-30T09',
    ]);
  });

  test('atHour keeps to the wall clock of its time zone across a summer-time change', () => {
    runtime.clock.setNow('2026-03-26T12:00:00Z');
    create(`'refreshReports').timeBased().everyDays(1).atHour(6).inTimezone('Europe/Berlin')`);
    const runs = runtime.runUntil('2026-03-31T12:00:00Z');

    // Berlin moves from UTC+1 to UTC+2 on 29 March 2026.
    expect(runs.map((run) => run.startedAt.toISOString().slice(5, 13))).toEqual([
      '03-27T05',
      '03-28T05',
      '03-29T04',
      '03-30T04',
      '03-31T04',
    ]);
    expect(events().map((seen) => seen.event.hour)).toEqual([6, 6, 6, 6, 6]);
  });

  test('the handler receives Google’s time-driven event object for the moment it ran', () => {
    const uid = create(`'refreshReports').timeBased().everyHours(1)`);
    const [run] = runtime.runUntil(runtime.clock.now().getTime() + HOUR);
    const at = run.startedAt;

    expect(events()[0].event).toEqual({
      authMode: 'FULL',
      triggerUid: uid,
      year: 2026,
      month: 3,
      'day-of-month': 10,
      'day-of-week': 2,
      'week-of-year': 11,
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
      second: at.getUTCSeconds(),
      timezone: 'Etc/UTC',
    });
  });

  test('nothing runs early; a trigger that missed hours runs once, not once per hour', () => {
    create(`'refreshReports').timeBased().everyHours(1)`);
    expect(runtime.fireDueTriggers()).toEqual([]);

    runtime.clock.advance(5 * HOUR);
    expect(runtime.fireDueTriggers()).toHaveLength(1);
    expect(runtime.fireDueTriggers()).toEqual([]);
    const [next] = runtime.listTriggers();
    expect(next.nextRunAt!.getTime()).toBeGreaterThan(runtime.clock.now().getTime());
  });

  test('errors from handlers are recorded in their runs as Google logs them, not thrown', () => {
    const runFor = (handler: string) => {
      const uid = create(`'${handler}').timeBased().everyHours(1)`);
      const [run] = runtime.runUntil(runtime.clock.now().getTime() + HOUR);
      gas(
        runtime,
        `ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });`,
      );
      expect(run.uid).toBe(uid);
      return run.error;
    };
    expect(runFor('refreshWithBadUrl')).toBe(
      'Exception: Invalid argument: ads.pinterest.example/v5',
    );
    expect(runFor('refreshWithTypo')).toMatch(/^TypeError: Cannot read properties of null/);
    expect(runFor('noSuchHandler')).toBe('Script function not found: noSuchHandler');
  });

  test('a one-off trigger fires once and stays listed, still counting, until deleted', () => {
    create(`'refreshReports').timeBased().after(10 * 60 * 1000)`);
    const runs = runtime.runUntil(runtime.clock.now().getTime() + DAY);

    expect(runs).toHaveLength(1);
    expect(runtime.listTriggers()[0].nextRunAt).toBeNull();
    expect(gas(runtime, `return ScriptApp.getProjectTriggers().length`)).toBe(1);
    expect(
      gasError(runtime, `ScriptApp.newTrigger('refreshReports').timeBased().everyHours(1).create()`)
        .message,
    ).toMatch(/too many time-based triggers/);
  });

  test('trigger runs stop for the day once they have used 90 minutes in total', () => {
    create(`'slowRefresh').timeBased().everyHours(1)`);
    const runs = runtime.runUntil(runtime.clock.now().getTime() + DAY);

    const failed = runs.filter((run) => run.error !== undefined);
    expect(runs).toHaveLength(24);
    expect(runs.length - failed.length).toBe(18);
    expect(new Set(failed.map((run) => run.error))).toEqual(
      new Set(['Service using too much computer time for one day']),
    );
  });
});

describe('what a time-driven run of an add-on can reach', () => {
  const seenBy = (options: Partial<RuntimeOptions>) => {
    start(options);
    runtime.properties.user.set('sheetId', runtime.spreadsheet.getId());
    create(`'whatATriggerSees').timeBased().everyHours(1)`);
    const [run] = runtime.runUntil(runtime.clock.now().getTime() + HOUR);
    expect(run.error).toBeUndefined();
    return JSON.parse(runtime.properties.user.get('seen') as string);
  };

  test('by default no active document and no UI; openById still reaches the spreadsheet', () => {
    expect(seenBy({})).toEqual([
      true,
      true,
      true,
      'Exception: Cannot call SpreadsheetApp.getUi() from this context.',
      'Untitled spreadsheet',
    ]);
  });

  test('with documentInTimeTriggers the document, its properties and its lock are there', () => {
    expect(seenBy({ documentInTimeTriggers: true }).slice(0, 3)).toEqual([false, false, false]);
  });
});

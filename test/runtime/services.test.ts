// Specification of the runtime's PropertiesService, CacheService, LockService, Utilities, Session
// and logging stand-ins: Google's limits, error texts and the runtime clock.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, gasError, newRuntime } from './helpers';

let runtime: Runtime;
beforeEach(() => {
  runtime = newRuntime({
    today: '2026-03-10',
    scriptProperties: { CLIENT_ID: 'client-1' },
    userEmail: 'marketer@example.com',
  });
});
afterEach(() => runtime.dispose());

describe('PropertiesService', () => {
  test('values are strings, seeded from options and visible to the host', () => {
    const read = gas(
      runtime,
      `var user = PropertiesService.getUserProperties();
       user.setProperty('lastRun', 42).setProperties({ a: 'x', b: true });
       return [PropertiesService.getScriptProperties().getProperty('CLIENT_ID'),
         user.getProperty('lastRun'), user.getProperty('missing'), user.getKeys().sort()];`,
    );
    expect(read).toEqual(['client-1', '42', null, ['a', 'b', 'lastRun']]);
    expect(runtime.properties.user.get('b')).toBe('true');
  });

  test('setProperties with deleteAllOthers replaces the store; delete removes keys', () => {
    const keys = gas(
      runtime,
      `var d = PropertiesService.getDocumentProperties();
       d.setProperties({ a: '1', b: '2' });
       d.setProperties({ c: '3' }, true);
       var afterReplace = d.getKeys();
       d.deleteProperty('c');
       d.setProperty('z', '9');
       d.deleteAllProperties();
       return [afterReplace, d.getProperties()];`,
    );
    expect(keys).toEqual([['c'], {}]);
  });

  test('a value above 9 KB is refused', () => {
    const error = gasError(
      runtime,
      `var big = new Array(9 * 1024 + 2).join('x');
        PropertiesService.getUserProperties().setProperty('token', big);`,
    );
    expect(String(error)).toBe('Exception: Argument too large: value');
    gas(
      runtime,
      `PropertiesService.getUserProperties().setProperty('ok', new Array(9 * 1024 + 1).join('x'));`,
    );
  });

  test('a store above 500 KB is refused and left as it was', () => {
    const error = gasError(
      runtime,
      `var p = PropertiesService.getScriptProperties();
       for (var i = 0; i < 60; i++) p.setProperty('chunk' + i, new Array(9000).join('x'));`,
    );
    expect(error.message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(runtime.properties.script.size).toBe(57);
  });
});

describe('CacheService', () => {
  test('entries expire on the runtime clock (default 10 minutes)', () => {
    const early = gas(
      runtime,
      `var c = CacheService.getUserCache();
       c.put('accounts', '[1,2]');
       c.put('short', 'x', 5);
       Utilities.sleep(6000);
       return [c.get('accounts'), c.get('short')];`,
    );
    expect(early).toEqual(['[1,2]', null]);
    gas(runtime, `Utilities.sleep(300000)`);
    gas(runtime, `Utilities.sleep(300000)`);
    expect(gas(runtime, `return CacheService.getUserCache().get('accounts')`)).toBeNull();
  });

  test('getAll returns only the keys found; removeAll removes them', () => {
    const read = gas(
      runtime,
      `var c = CacheService.getScriptCache();
       c.putAll({ a: '1', b: '2' });
       var all = c.getAll(['a', 'b', 'c']);
       c.removeAll(['a']);
       c.remove('b');
       return [all, c.get('a'), c.get('b')];`,
    );
    expect(read).toEqual([{ a: '1', b: '2' }, null, null]);
  });

  test('keys over 250 characters and values over 100 KB are refused', () => {
    expect(
      gasError(runtime, `CacheService.getUserCache().put(new Array(252).join('k'), 'v')`).message,
    ).toBe('Argument too large: key');
    expect(
      gasError(runtime, `CacheService.getUserCache().put('k', new Array(100 * 1024 + 2).join('v'))`)
        .message,
    ).toBe('Argument too large: value');
  });

  test('the cache survives between executions, like properties', () => {
    gas(runtime, `CacheService.getDocumentCache().put('k', 'v', 21600)`);
    expect(gas(runtime, `return CacheService.getDocumentCache().get('k')`)).toBe('v');
  });
});

describe('LockService', () => {
  test('a held lock makes other Lock objects wait out their timeout and fail', () => {
    const result = gas(
      runtime,
      `var first = LockService.getDocumentLock();
       first.waitLock(1000);
       var second = LockService.getDocumentLock();
       var started = Date.now();
       var got = second.tryLock(5000);
       var waited = Date.now() - started;
       var message = '';
       try { second.waitLock(100); } catch (e) { message = e.name + ': ' + e.message; }
       first.releaseLock();
       return [got, waited >= 5000, message, second.tryLock(0), second.hasLock(),
         first.hasLock()];`,
    );
    expect(result).toEqual([
      false,
      true,
      'Exception: Lock timeout: another process was holding the lock for too long.',
      true,
      true,
      false,
    ]);
  });

  test('a lock still held when an execution ends is released for the next execution', () => {
    gas(runtime, `LockService.getUserLock().waitLock(1000);`);
    expect(gas(runtime, `return LockService.getUserLock().tryLock(0);`)).toBe(true);
  });

  test('script, user and document locks are independent', () => {
    const result = gas(
      runtime,
      `LockService.getScriptLock().waitLock(10);
       return [LockService.getUserLock().tryLock(0), LockService.getScriptLock().tryLock(0)];`,
    );
    expect(result).toEqual([true, false]);
  });
});

describe('Utilities', () => {
  test('base64 round-trips text and signed byte arrays; web-safe uses - and _', () => {
    const result = gas(
      runtime,
      `var bytes = Utilities.base64Decode(Utilities.base64Encode('é?>'));
       return [Utilities.base64Encode('client-1:secret-1'), bytes,
         Utilities.base64EncodeWebSafe([-5, -1, -2]), Utilities.base64Encode([-5, -1, -2]),
         Utilities.newBlob(Utilities.base64DecodeWebSafe('-__-')).getBytes()];`,
    );
    expect(result).toEqual([
      'Y2xpZW50LTE6c2VjcmV0LTE=',
      [-61, -87, 63, 62],
      '-__-',
      '+//+',
      [-5, -1, -2],
    ]);
    expect(gasError(runtime, `Utilities.base64Decode('***')`).message).toBe(
      'Could not decode string.',
    );
  });

  test('digests and HMAC signatures are signed byte arrays', () => {
    const result = gas<number[][]>(
      runtime,
      `return [Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc'),
         Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, ''),
         Utilities.computeHmacSha256Signature('data', 'key')];`,
    );
    const hex = (bytes: number[]) => Buffer.from(bytes.map((b) => b & 0xff)).toString('hex');
    expect(hex(result[0])).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(result[1])).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex(result[2])).toBe('5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0');
    expect(Math.min(...result[0])).toBeLessThan(0);
  });

  test('formatDate renders SimpleDateFormat patterns in a time zone', () => {
    const result = gas(
      runtime,
      `var d = new Date(Date.UTC(2026, 2, 4, 23, 5, 9));
       return [Utilities.formatDate(d, 'Etc/UTC', 'yyyy-MM-dd HH:mm:ss'),
         Utilities.formatDate(d, 'Asia/Tokyo', "yyyy-MM-dd'T'HH:mmXXX EEE"),
         Utilities.formatDate(d, 'America/New_York', 'MMM d, h:mm a z')];`,
    );
    expect(result).toEqual([
      '2026-03-04 23:05:09',
      '2026-03-05T08:05+09:00 Thu',
      'Mar 4, 6:05 PM EST',
    ]);
  });

  test('sleep moves the runtime clock without waiting and refuses more than 5 minutes', () => {
    const started = Date.now();
    const moved = gas<number>(
      runtime,
      `var t = Date.now(); Utilities.sleep(300000); return Date.now() - t;`,
    );
    expect(moved).toBeGreaterThanOrEqual(300000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(gasError(runtime, `Utilities.sleep(300001)`).name).toBe('Exception');
  });

  test('an execution stops after 6 minutes on the runtime clock, even if it catches the error', () => {
    const error = gasError(
      runtime,
      `for (var i = 0; i < 3; i++) { try { Utilities.sleep(200000); } catch (e) {} }
       return 'finished';`,
    );
    expect(error.message).toBe('Exceeded maximum execution time');
  });

  test('parseCsv handles quotes, embedded commas and line breaks; getUuid is a UUID', () => {
    const result = gas(
      runtime,
      `return [Utilities.parseCsv('id,name\\n1,"Spring, ""big"" sale"\\n2,"two\\nlines"\\n'),
         Utilities.parseCsv('a;b', ';'), /^[0-9a-f-]{36}$/.test(Utilities.getUuid())];`,
    );
    expect(result).toEqual([
      [
        ['id', 'name'],
        ['1', 'Spring, "big" sale'],
        ['2', 'two\nlines'],
      ],
      [['a', 'b']],
      true,
    ]);
  });
});

describe('Session, ScriptApp and logging', () => {
  test('the clock starts at noon UTC on the chosen day', () => {
    expect(gas<string>(runtime, `return new Date().toISOString().slice(0, 16)`)).toBe(
      '2026-03-10T12:00',
    );
    expect(gas(runtime, `return Date.now() >= Date.UTC(2026, 2, 10, 12)`)).toBe(true);
  });

  test('Session reports the configured user and UTC', () => {
    const result = gas(
      runtime,
      `return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(),
         Session.getScriptTimeZone(), typeof Session.getTemporaryActiveUserKey(),
         ScriptApp.getScriptId().length > 20, ScriptApp.AuthMode.FULL,
           ScriptApp.getUserTriggers()];`,
    );
    expect(result).toEqual([
      'marketer@example.com',
      'marketer@example.com',
      'Etc/UTC',
      'string',
      true,
      'FULL',
      [],
    ]);
  });

  test('Logger.log and console write to runtime.logs', () => {
    gas(
      runtime,
      `Logger.log('Fetched %s rows for %s', 12, 'act-1');
       console.log('plain', { rows: 2 });
       console.warn('slow');
       console.error('failed');`,
    );
    expect(runtime.logs).toEqual([
      'Fetched 12 rows for act-1',
      'plain { rows: 2 }',
      '[warn] slow',
      '[error] failed',
    ]);
  });
});

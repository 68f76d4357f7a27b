// Specification of MailApp (recorded mail, Google's daily recipient quota and error texts) and of
// locks held by another execution, which tests take with runtime.holdLock.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, gasError, newRuntime } from './helpers';

let runtime: Runtime;
beforeEach(() => {
  runtime = newRuntime({ userEmail: 'marketer@example.com' });
});
afterEach(() => runtime.dispose());

describe('MailApp', () => {
  test('sendEmail records each form of the call with the time it was sent', () => {
    gas(
      runtime,
      `MailApp.sendEmail('marketer@example.com', 'Refresh failed', 'Token expired: reconnect.');
       MailApp.sendEmail('marketer@example.com', 'Weekly spend', 'See sheet', {
         htmlBody: '<b>See sheet</b>', name: 'Pinterest Ads', cc: 'boss@example.com' });
       MailApp.sendEmail({ to: 'a@example.com, b@example.com', subject: 'Done', body: '3 tabs' });`,
    );
    const at = runtime.clock.now().getTime();

    expect(runtime.mails.map(({ at: _at, ...mail }) => mail)).toEqual([
      { to: 'marketer@example.com', subject: 'Refresh failed', body: 'Token expired: reconnect.' },
      {
        to: 'marketer@example.com',
        subject: 'Weekly spend',
        body: 'See sheet',
        htmlBody: '<b>See sheet</b>',
        name: 'Pinterest Ads',
        cc: 'boss@example.com',
      },
      { to: 'a@example.com, b@example.com', subject: 'Done', body: '3 tabs' },
    ]);
    expect(Math.abs(runtime.mails[0].at.getTime() - at)).toBeLessThan(2000);
  });

  test('every recipient counts against 100 a day; the quota returns 24 hours later', () => {
    const send = (to: string) =>
      gas(
        runtime,
        `MailApp.sendEmail(args, 'Report', 'body'); return MailApp.getRemainingDailyQuota();`,
        to,
      );
    expect(gas(runtime, `return MailApp.getRemainingDailyQuota()`)).toBe(100);
    expect(send('a@example.com, b@example.com')).toBe(98);
    for (let i = 0; i < 97; i++) send('marketer@example.com');
    expect(send('marketer@example.com')).toBe(0);

    expect(
      gasError(runtime, `MailApp.sendEmail('marketer@example.com', 'One more', 'x')`).message,
    ).toBe('Service invoked too many times for one day: email.');
    expect(runtime.mails).toHaveLength(99);

    runtime.clock.advance(24 * 60 * 60 * 1000);
    expect(gas(runtime, `return MailApp.getRemainingDailyQuota()`)).toBe(100);
  });

  test('bad recipients are refused with Google’s messages and nothing is recorded', () => {
    const refused = (call: string) => String(gasError(runtime, call));
    expect(refused(`MailApp.sendEmail('', 'Report', 'body')`)).toBe(
      'Exception: Failed to send email: no recipient',
    );
    expect(refused(`MailApp.sendEmail('marketer at example.com', 'Report', 'body')`)).toBe(
      'Exception: Invalid email: marketer at example.com',
    );
    const many = Array.from({ length: 51 }, (_, i) => `user${i}@example.com`).join(',');
    expect(refused(`MailApp.sendEmail({ to: '${many}', subject: 's', body: 'b' })`)).toBe(
      'Exception: Limit Exceeded: Email Recipients Per Message.',
    );
    expect(runtime.mails).toEqual([]);
  });
});

describe('locks held by another execution', () => {
  test('tryLock waits out its timeout on the clock and fails; waitLock throws', () => {
    const release = runtime.holdLock('document');
    const result = gas(
      runtime,
      `var lock = LockService.getDocumentLock();
       var t = Date.now();
       var got = lock.tryLock(10000);
       var waited = Date.now() - t;
       var message = null;
       try { lock.waitLock(5000); } catch (e) { message = String(e); }
       return [got, waited, message];`,
    ) as [boolean, number, string];

    expect(result[0]).toBe(false);
    expect(result[1]).toBeGreaterThanOrEqual(10000);
    expect(result[1]).toBeLessThan(12000);
    expect(result[2]).toBe(
      'Exception: Lock timeout: another process was holding the lock for too long.',
    );
    release();
  });

  test('once released, the next execution gets the lock at once', () => {
    const release = runtime.holdLock('user');
    expect(gas(runtime, `return LockService.getUserLock().tryLock(1000)`)).toBe(false);
    release();
    release();
    expect(gas(runtime, `return LockService.getUserLock().tryLock(1000)`)).toBe(true);
  });

  test('holding one scope leaves the others free, and a held scope cannot be held twice', () => {
    runtime.holdLock('document');
    expect(
      gas(
        runtime,
        `return [LockService.getUserLock().tryLock(0), LockService.getScriptLock().tryLock(0)]`,
      ),
    ).toEqual([true, true]);
    expect(() => runtime.holdLock('document')).toThrow(
      'holdLock: the document lock is already held',
    );
  });
});

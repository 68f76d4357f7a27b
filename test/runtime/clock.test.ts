// Specification of the runtime clock as tests drive it: it moves with real time, explicit advances
// and skipped waits add up, and executions see what it shows.
import type { Runtime } from '../../dev/runtime/runtime';
import { gas, newRuntime } from './helpers';

const HOUR = 60 * 60 * 1000;

let runtime: Runtime;
beforeEach(() => {
  runtime = newRuntime();
});
afterEach(() => runtime.dispose());

describe('the runtime clock', () => {
  test('explicit advances and Utilities.sleep add up while real time keeps running', () => {
    const before = runtime.clock.now().getTime();
    runtime.clock.advance(2 * HOUR);
    const inScript = gas<number>(runtime, `Utilities.sleep(1000); return Date.now();`);
    const after = runtime.clock.now().getTime();

    expect(inScript - before).toBeGreaterThanOrEqual(2 * HOUR + 1000);
    expect(after).toBeGreaterThanOrEqual(inScript);
    expect(after - before).toBeLessThan(2 * HOUR + 1000 + 2000);
  });

  test('setNow moves the clock the script sees, and runUntil never moves it back', () => {
    runtime.clock.setNow(new Date('2026-04-01T08:30:00Z'));
    expect(gas<string>(runtime, `return new Date().toISOString().slice(0, 16)`)).toBe(
      '2026-04-01T08:30',
    );
    expect(runtime.runUntil('2026-03-01T00:00:00Z')).toEqual([]);
    expect(runtime.clock.now().toISOString().slice(0, 10)).toBe('2026-04-01');
  });
});

// Prepares a fresh vm context for one execution: a Date that follows the runtime clock, and helpers
// making arrays, dates and errors of that context so that `instanceof` works in the bundle.
// Limitation: Date methods without "UTC" use the host process time zone; run with TZ=UTC to match
// a script whose time zone is Etc/UTC.
import * as vm from 'node:vm';
import type { Realm } from './env';

// Runs inside the context. Kept as source text so every object it creates belongs to the context.
const REALM_SOURCE = `(function (nowMs) {
  'use strict';
  const RealDate = Date;
  function ClockDate(...args) {
    if (!new.target) return new RealDate(nowMs()).toString();
    return Reflect.construct(RealDate, args.length ? args : [nowMs()], new.target);
  }
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(ClockDate, 'length', { value: 7 });
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = function now() { return nowMs(); };
  ClockDate.parse = RealDate.parse;
  ClockDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', {
    value: ClockDate, writable: true, configurable: true,
  });
  Object.defineProperty(globalThis, 'Date', {
    value: ClockDate, writable: true, configurable: true,
  });
  const tag = (v) => Object.prototype.toString.call(v);
  const isPlain = (v) => {
    const proto = Object.getPrototypeOf(v);
    return proto === null || Object.getPrototypeOf(proto) === null;
  };
  const copy = (v) => {
    if (v === null || typeof v !== 'object') return v;
    if (tag(v) === '[object Date]') return new RealDate(v.getTime());
    if (Array.isArray(v)) {
      const out = new Array(v.length);
      for (let i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    if (!isPlain(v)) return v;
    const out = {};
    for (const key of Object.keys(v)) out[key] = copy(v[key]);
    return out;
  };
  const exception = (message) => {
    const error = new Error(message);
    error.name = 'Exception';
    return error;
  };
  const error = (message) => new Error(message);
  return { copy, exception, error, date: (ms) => new RealDate(ms) };
})`;

/** Creates an empty context for one execution and returns it with its realm helpers. */
export function createExecutionContext(nowMs: () => number): { context: vm.Context; realm: Realm } {
  const context = vm.createContext({}, { name: 'apps-script', codeGeneration: { wasm: false } });
  const factory = vm.runInContext(REALM_SOURCE, context) as (now: () => number) => Realm;
  return { context, realm: factory(nowMs) };
}

// Makes every call into a service stand-in check the execution time limit first, the way Google
// refuses any further service call once an execution has run out of time.
//
// Service methods are wrapped where they are defined (on the class prototype, or on the object
// for plain service objects), so identity, instanceof and private fields stay untouched. Objects a
// service returns are wrapped the same way on their way out, so Range, Sheet, Blob and the like
// are covered without listing them. Objects of the script's realm and Node built-ins are skipped.

let activeCheck: (() => void) | null = null;
const wrappedFunctions = new WeakSet<object>();
const guardedObjects = new WeakSet<object>();

/** Turns the check on for the execution that is starting; `null` when it ends. */
export function setDeadlineCheck(check: (() => void) | null): void {
  activeCheck = check;
}

/** Wraps the methods of a service (and, lazily, of everything it returns). Returns the value. */
export function guardService<T>(value: T): T {
  guardValue(value, 0);
  return value;
}

function guardValue(value: unknown, depth: number): void {
  if (value === null || typeof value !== 'object' || depth > 2) return;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === 'object') guardValue(item, depth + 1);
    }
    return;
  }
  if (guardedObjects.has(value)) return;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype) {
    if (!Object.isFrozen(value)) wrapOwnMethods(value as Record<string, unknown>);
    guardedObjects.add(value);
    return;
  }
  if (!isHostClassInstance(value)) return;
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    if (guardedObjects.has(p)) break;
    wrapOwnMethods(p as Record<string, unknown>);
    guardedObjects.add(p);
  }
}

/** Instances of this project's classes: the chain ends at this realm's Object.prototype. */
function isHostClassInstance(value: object): boolean {
  let proto = Object.getPrototypeOf(value) as object | null;
  while (proto && proto !== Object.prototype) {
    const ctor = (proto as { constructor?: unknown }).constructor;
    // Date, Map, Buffer... have native constructors; their methods are not service calls.
    if (typeof ctor !== 'function' || isNative(ctor)) return false;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return proto === Object.prototype;
}

function isNative(fn: unknown): boolean {
  return /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn));
}

function wrapOwnMethods(target: Record<string, unknown>): void {
  for (const key of Object.getOwnPropertyNames(target)) {
    if (key === 'constructor') continue;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (!descriptor || !('value' in descriptor) || typeof descriptor.value !== 'function') continue;
    if (!descriptor.writable && !descriptor.configurable) continue;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    if (wrappedFunctions.has(original)) continue;
    Object.defineProperty(target, key, { ...descriptor, value: wrap(original) });
  }
}

function wrap(original: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  const guarded = function (this: unknown, ...args: unknown[]): unknown {
    if (!activeCheck) return original.apply(this, args);
    activeCheck();
    const result = original.apply(this, args);
    guardValue(result, 0);
    return result;
  };
  Object.defineProperty(guarded, 'name', { value: original.name });
  Object.defineProperty(guarded, 'length', { value: original.length });
  wrappedFunctions.add(guarded);
  return guarded;
}

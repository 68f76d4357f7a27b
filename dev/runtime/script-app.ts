// ScriptApp, Session, Logger and console stand-ins. State tokens made here are resolved by the
// runtime's handleUserCallback, the way Google resolves them at /usercallback; triggers live in
// the runtime's TriggerStore (triggers.ts).
import * as crypto from 'node:crypto';
import { inspect } from 'node:util';
import type { Env } from './env';
import { TriggerBuilder } from './clock-trigger-builder';
import {
  EventType,
  SCRIPT_TIME_ZONE,
  Trigger,
  TriggerSource,
  WeekDay,
  type TriggerRecord,
  type TriggerStore,
} from './triggers';

const DEFAULT_TOKEN_TIMEOUT_S = 60;
const MAX_TOKEN_TIMEOUT_S = 3600;

export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
});

/** What a state token stands for until it expires. */
export interface StateTokenEntry {
  method: string | null;
  args: Record<string, string>;
  expiresAt: number;
}

export class StateTokenBuilder {
  readonly #env: Env;
  readonly #tokens: Map<string, StateTokenEntry>;
  #method: string | null = null;
  #args: Record<string, string> = {};
  #timeoutS = DEFAULT_TOKEN_TIMEOUT_S;

  constructor(env: Env, tokens: Map<string, StateTokenEntry>) {
    this.#env = env;
    this.#tokens = tokens;
  }

  withMethod(method: string): StateTokenBuilder {
    this.#method = String(method);
    return this;
  }

  withArgument(name: string, value: unknown): StateTokenBuilder {
    this.#args[String(name)] = String(value);
    return this;
  }

  withTimeout(seconds: unknown): StateTokenBuilder {
    const timeout = Number(seconds);
    // Limitation: Google documents the 3600 s maximum but not the error above it.
    if (!Number.isFinite(timeout) || timeout <= 0 || timeout > MAX_TOKEN_TIMEOUT_S) {
      this.#env.fail('Invalid argument: seconds');
    }
    this.#timeoutS = timeout;
    return this;
  }

  createToken(): string {
    const token = `AJuLMu${crypto.randomBytes(96).toString('base64url')}`;
    this.#tokens.set(token, {
      method: this.#method,
      args: { ...this.#args },
      expiresAt: this.#env.clock.now() + this.#timeoutS * 1000,
    });
    return token;
  }
}

/** The document a getUserTriggers argument names; with no argument, the active one. */
function documentId(env: Env, document: unknown, activeId: () => string | null): string | null {
  if (document === undefined) return activeId();
  const getId = (document as { getId?: unknown } | null)?.getId;
  if (typeof getId !== 'function') return env.fail('Invalid argument: document');
  return String(getId.call(document));
}

export function createScriptApp(
  env: Env,
  tokens: Map<string, StateTokenEntry>,
  triggers: TriggerStore,
  activeDocumentId: () => string | null,
) {
  const userHash = crypto.createHash('sha256').update(env.userEmail).digest('hex');
  const oauthToken = `ya29.local-${userHash}`;
  const wrap = (records: TriggerRecord[]) =>
    env.realm.copy(records.map((record) => new Trigger(record)));
  return {
    AuthMode,
    EventType,
    TriggerSource,
    WeekDay,
    getScriptId: () => env.scriptId,
    newStateToken: () => new StateTokenBuilder(env, tokens),
    getOAuthToken: () => oauthToken,
    newTrigger: (functionName: unknown) => new TriggerBuilder(triggers, String(functionName)),
    getProjectTriggers: () => wrap(triggers.mine()),
    /**
     * An add-on's time-driven triggers belong to the document they were created in; a script's
     * own clock triggers belong to no document, so they are not listed here.
     */
    getUserTriggers: (document?: unknown) => {
      const id = documentId(env, document, activeDocumentId);
      return wrap(triggers.addOn && id !== null ? triggers.inDocument(id) : []);
    },
    /** Limitation: deleting a trigger that is already gone is silently accepted. */
    deleteTrigger: (trigger: unknown) => {
      const uid = Trigger.uidOf(trigger);
      if (uid === null) env.fail('Invalid argument: trigger');
      triggers.remove(uid);
    },
  };
}

export function createSession(env: Env) {
  const user = { getEmail: () => env.userEmail };
  const key = crypto.createHash('sha256').update(`${env.scriptId}:${env.userEmail}`);
  const temporaryKey = key.digest('base64');
  return {
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getScriptTimeZone: () => SCRIPT_TIME_ZONE,
    getTemporaryActiveUserKey: () => temporaryKey,
  };
}

function render(values: unknown[]): string {
  return values
    .map((value) => (typeof value === 'string' ? value : inspect(value, { depth: 4 })))
    .join(' ');
}

/** Logger.log accepts a format with %s placeholders, like Java's String.format subset. */
export function createLogger(env: Env) {
  const logger = {
    log(format: unknown, ...values: unknown[]) {
      if (typeof format === 'string' && values.length > 0 && /%[sd]/.test(format)) {
        let index = 0;
        const text = format.replace(/%[sd]/g, () => render([values[index++]]));
        env.logs.push(text);
      } else {
        env.logs.push(render([format, ...values]));
      }
      return logger;
    },
  };
  return logger;
}

/** console.* goes to the same log; warnings and errors are tagged so tests can tell them apart. */
export function createConsole(env: Env) {
  const write =
    (prefix: string) =>
    (...values: unknown[]) => {
      env.logs.push(prefix + render(values));
    };
  return { log: write(''), info: write(''), warn: write('[warn] '), error: write('[error] ') };
}

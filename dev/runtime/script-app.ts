// ScriptApp, Session, Logger and console stand-ins. State tokens made here are resolved by the
// runtime's handleUserCallback, the way Google resolves them at /usercallback.
import * as crypto from 'node:crypto';
import { inspect } from 'node:util';
import type { Env } from './env';

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

export function createScriptApp(env: Env, tokens: Map<string, StateTokenEntry>) {
  const oauthToken = `ya29.local-${crypto.createHash('sha256').update(env.userEmail).digest('hex')}`;
  return {
    AuthMode,
    getScriptId: () => env.scriptId,
    newStateToken: () => new StateTokenBuilder(env, tokens),
    getOAuthToken: () => oauthToken,
    getProjectTriggers: () => env.realm.copy([]),
    getUserTriggers: (_document?: unknown) => env.realm.copy([]),
  };
}

export function createSession(env: Env) {
  const user = { getEmail: () => env.userEmail };
  const key = crypto.createHash('sha256').update(`${env.scriptId}:${env.userEmail}`);
  const temporaryKey = key.digest('base64');
  return {
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getScriptTimeZone: () => 'Etc/UTC',
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

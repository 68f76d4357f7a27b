// The sidebar's one way to reach the server: typed promises over google.script.run.

import type { Result, ServerApi } from '../api';

/** A failure the server reported, with the form field it concerns. */
export class ServerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Value<K extends keyof ServerApi> =
  ReturnType<ServerApi[K]> extends Result<infer T> ? T : never;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

/** Calls a server function; resolves with its value or rejects with a ServerError. */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<Value<K>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((answer) => {
        const result = answer as Result<Value<K>>;
        if (result.ok) resolve(result.value);
        else reject(new ServerError(result.error.code, result.error.message, result.error.field));
      })
      .withFailureHandler((error) =>
        reject(new ServerError('UNREACHABLE', `The add-on did not answer: ${error.message}`)),
      );
    (runner[name] as (...values: unknown[]) => void)(...args);
  });
}

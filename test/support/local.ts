// Starts what an integration test needs: the sandbox in a child process and the built bundle in
// the local Apps Script runtime, configured to talk to it.

import { join } from 'node:path';
import { connectHeadless } from '../../dev/local/connect';
import { startSandboxProcess, type SandboxProcess } from '../../dev/local/sandbox-process';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../dev/runtime/runtime';

export const ROOT = join(__dirname, '..', '..');
/** The sandbox counts its limits in the runtime's simulated time when requests carry it. */
export const SANDBOX_CLOCK_HEADER = 'x-local-clock';
export const BUNDLE = join(ROOT, 'dist', 'Code.js');

export interface Local {
  sandbox: SandboxProcess;
  runtime: Runtime;
  /** Calls an entry point and unwraps its Result, failing the test on an error. */
  call<T>(name: string, ...args: unknown[]): T;
  stop(): Promise<void>;
}

export async function startLocal(options: {
  today: string;
  seed?: number;
  extraArgs?: string[];
  connect?: boolean;
  runtime?: Partial<RuntimeOptions>;
}): Promise<Local> {
  const sandbox = await startSandboxProcess(ROOT, options);
  const runtime = createRuntime({
    clockHeader: SANDBOX_CLOCK_HEADER,
    ...options.runtime,
    bundlePath: BUNDLE,
    today: options.today,
    scriptProperties: {
      PINTEREST_CLIENT_ID: '1484200000000001',
      PINTEREST_CLIENT_SECRET: 'sandbox-secret',
      PINTEREST_API_BASE_URL: `${sandbox.url}/v5`,
      PINTEREST_AUTHORIZE_URL: `${sandbox.url}/oauth/`,
    },
  });
  if (options.connect !== false) await connectHeadless(runtime);
  return {
    sandbox,
    runtime,
    call<T>(name: string, ...args: unknown[]): T {
      const result = runtime.call<{ ok: boolean; value?: T; error?: { message: string } }>(
        name,
        ...args,
      );
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as T;
    },
    async stop() {
      runtime.dispose();
      await sandbox.stop();
    },
  };
}

/** The sandbox's record of every exchange, with spec violations of requests and responses. */
export async function exchangeLog(sandbox: SandboxProcess): Promise<
  {
    method: string;
    path: string;
    operationId?: string;
    query: Record<string, unknown>;
    status: number;
    requestErrors: string[];
    responseErrors: string[];
  }[]
> {
  const response = await fetch(`${sandbox.url}/__sandbox/log`);
  return (await response.json()) as any;
}

/** Posts JSON to one of the sandbox's admin endpoints (clock, faults, archive, revoke). */
export async function sandboxAdmin(
  sandbox: SandboxProcess,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

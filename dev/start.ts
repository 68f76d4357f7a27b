// `npm start`: runs the add-on locally on the Pinterest sandbox. Without flags it serves the
// playground (the real sidebar beside the live workbook). With --headless it connects through
// the real OAuth flow, creates the default report, refreshes it with the built bundle in the
// local Apps Script runtime, and saves the workbook as .xlsx.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseStartArgs, type StartOptions } from './start-args';
import { connectHeadless, seedAccessToken } from './local/connect';
import { startSandboxProcess, type SandboxProcess } from './local/sandbox-process';
import { startPlayground } from './playground/server';
import { createRuntime, type Runtime } from './runtime/runtime';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'Code.js');
const CLIENT_ID = '1484200000000001';
const CLIENT_SECRET = 'sandbox-secret';

interface Result<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

function unwrap<T>(result: Result<T>, step: string): T {
  if (!result.ok) throw new Error(`${step} failed: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

async function main(): Promise<void> {
  const options = parseStartArgs(process.argv.slice(2));
  if (options.headless) await runHeadless(options);
  else await runPlayground(options);
}

function runtimeFor(options: StartOptions, apiBase: string, authorizeUrl?: string) {
  return (userCallbackUrl?: string) =>
    createRuntime({
      bundlePath: BUNDLE,
      today: options.today,
      userCallbackUrl,
      // The local sandbox counts its limits in the runtime's time; another server ignores it.
      clockHeader: options.apiBase ? undefined : 'x-local-clock',
      scriptProperties: {
        PINTEREST_CLIENT_ID: CLIENT_ID,
        PINTEREST_CLIENT_SECRET: CLIENT_SECRET,
        PINTEREST_API_BASE_URL: apiBase,
        ...(authorizeUrl ? { PINTEREST_AUTHORIZE_URL: authorizeUrl } : {}),
      },
    });
}

/** Serves the real sidebar beside the live workbook until interrupted. */
async function runPlayground(options: StartOptions): Promise<void> {
  const sandbox = options.apiBase
    ? undefined
    : await startSandboxProcess(ROOT, { ...options, autoConsent: false });
  const apiBase = options.apiBase ?? `${sandbox?.url}/v5`;
  let playground: Awaited<ReturnType<typeof startPlayground>>;
  try {
    playground = await startPlayground({
      root: ROOT,
      port: options.port,
      makeRuntime: runtimeFor(options, apiBase, sandbox && `${sandbox.url}/oauth/`),
    });
  } catch (error) {
    await sandbox?.stop();
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw busy ? new Error(`Port ${options.port} is in use; choose another with --port.`) : error;
  }
  if (options.accessToken) seedAccessToken(playground.runtime, options.accessToken);
  console.log(`Playground: open ${playground.url} (the sidebar is on the right). Ctrl-C stops it.`);

  const stop = async () => {
    playground.runtime.dispose();
    await playground.close();
    await sandbox?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function runHeadless(options: StartOptions): Promise<void> {
  const started = Date.now();
  let sandbox: SandboxProcess | undefined;
  let runtime: Runtime | undefined;
  try {
    let apiBase = options.apiBase;
    let authorizeUrl: string | undefined;
    // A replayed server answers recorded exchanges only, so no consent flow runs against it.
    const token = options.accessToken ?? (options.replayDir ? 'pina_replayed' : undefined);
    if (!apiBase) {
      const accept = options.replayDir ? ['--access-token', token as string] : [];
      sandbox = await startSandboxProcess(ROOT, { ...options, extraArgs: accept });
      apiBase = `${sandbox.url}/v5`;
      authorizeUrl = `${sandbox.url}/oauth/`;
    }
    runtime = runtimeFor(options, apiBase, authorizeUrl)();

    if (token) seedAccessToken(runtime, token);
    else await connectHeadless(runtime);

    const report = unwrap(runtime.call<Result<{ id: string }>>('createDefaultReport'), 'Create');
    const summary = unwrap(
      runtime.call<Result<{ accounts: number; rows: number; requests: number; tabName: string }>>(
        'refreshReport',
        report.id,
      ),
      'Refresh',
    );

    mkdirSync(dirname(options.out), { recursive: true });
    await runtime.saveXlsx(options.out);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (summary.rows === 0 && (options.worldFile || options.replayDir) && !options.today) {
      console.error('No rows: a world or replay file holds data for its own dates; pass --today.');
    }
    console.log(
      [
        `Pinterest Ads report refreshed into tab "${summary.tabName}"`,
        `  ad accounts:   ${summary.accounts}`,
        `  rows:          ${summary.rows}`,
        `  API requests:  ${runtime.stats.urlFetchCalls} (${summary.requests} for the refresh)`,
        `  seconds:       ${seconds}`,
        `  workbook:      ${options.out}`,
      ].join('\n'),
    );
  } finally {
    runtime?.dispose();
    await sandbox?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  const args = process.argv.slice(2);
  const recorded = args.includes('--world') || args.includes('--replay');
  if (recorded && !args.includes('--today')) {
    console.error(
      'A world or replay file holds data for its own dates: pass --today (the examples in ' +
        'dev/sandbox/examples use --today 2026-03-10).',
    );
  }
  process.exitCode = 1;
});

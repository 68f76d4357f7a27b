// Benchmark: refreshes an ad-level report over 90 days with the built bundle in the local
// runtime against sandboxes of growing size, and prints requests made against the minimum the
// documented limits allow, time, cells written and memory. `npm run bench`.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_COLUMNS } from '../src/core/report/definition';
import { connectHeadless } from '../dev/local/connect';
import { startSandboxProcess } from '../dev/local/sandbox-process';
import { createWorld } from '../dev/sandbox/world';
import { createRuntime } from '../dev/runtime/runtime';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-12-04';
const SCALES = [1, 4, 12];

interface Ok<T> {
  ok: boolean;
  value: T;
  error?: { message: string };
}

function unwrap<T>(result: Ok<T>): T {
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

/** Requests the limits alone demand: one list page per 250 entities, one analytics per 250 ids. */
function minimumRequests(adsPerAccount: number[]): number {
  const pages = (n: number) => Math.max(1, Math.ceil(n / 250));
  return 1 + adsPerAccount.reduce((sum, ads) => sum + pages(ads) + (ads ? pages(ads) : 0), 0);
}

async function measure(scale: number): Promise<string> {
  const sandbox = await startSandboxProcess(ROOT, {
    today: TODAY,
    seed: 1,
    extraArgs: ['--scale', String(scale)],
  });
  const runtime = createRuntime({
    bundlePath: join(ROOT, 'dist', 'Code.js'),
    today: TODAY,
    scriptProperties: {
      PINTEREST_CLIENT_ID: '1484200000000001',
      PINTEREST_CLIENT_SECRET: 'sandbox-secret',
      PINTEREST_API_BASE_URL: `${sandbox.url}/v5`,
      PINTEREST_AUTHORIZE_URL: `${sandbox.url}/oauth/`,
    },
  });
  try {
    await connectHeadless(runtime);
    const accounts = unwrap(runtime.call<Ok<{ id: string }[]>>('listAdAccounts'));
    unwrap<unknown>(
      runtime.call<Ok<unknown>>('saveReport', {
        id: 'bench',
        tabName: 'Bench',
        adAccountIds: accounts.map((a) => a.id),
        level: 'AD',
        columns: DEFAULT_COLUMNS,
        dateRange: { preset: 'LAST_90_DAYS' },
        granularity: 'DAY',
      }),
    );
    const heapBefore = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    const summary = unwrap(
      runtime.call<Ok<{ rows: number; requests: number; complete: boolean }>>(
        'refreshReport',
        'bench',
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

    const ads = runtime.spreadsheet.getSheetByName('Bench');
    const adIds = new Set(
      (ads?.getDataRange().getValues() ?? []).slice(1).map((r: unknown[]) => r[4]),
    );
    const world = createWorld({ seed: 1, today: TODAY, scale });
    const perAccount = accounts.map(
      (account) => world.ads.filter((ad: any) => ad.ad_account_id === account.id).length,
    );
    const cells = (summary.rows + 1) * (ads?.getLastColumn() ?? 0);
    const allAds = perAccount.reduce((a, b) => a + b, 0);
    const minimum = minimumRequests(perAccount);
    return [
      `scale ${String(scale).padStart(2)}`,
      `ads ${String(allAds).padStart(5)} (${adIds.size} with delivery)`,
      `rows ${String(summary.rows).padStart(6)}`,
      `cells ${String(cells).padStart(7)}`,
      `requests ${String(summary.requests).padStart(3)} (limits alone: ${minimum})`,
      `${seconds.toFixed(2)} s`,
      `${((seconds * 1e6) / Math.max(1, summary.rows)).toFixed(0)} µs/row`,
      `heap +${heapMb.toFixed(0)} MB`,
      summary.complete ? 'complete' : 'INCOMPLETE',
    ].join('  ');
  } finally {
    runtime.dispose();
    await sandbox.stop();
  }
}

async function main(): Promise<void> {
  const buildStart = process.hrtime.bigint();
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'ignore' });
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  console.log(`build: ${buildMs.toFixed(0)} ms (bundle, sidebar, dev tools)`);
  console.log('refresh of an ad-level report, 90 days, default fields, every ad account:');
  for (const scale of SCALES) {
    console.log(`  ${await measure(scale)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

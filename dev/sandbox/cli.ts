// Command line for the Pinterest sandbox: `npm run sandbox -- --port 8787`. Prints exactly one
// line to stdout, "sandbox ready <url>", once listening; everything else goes to stderr.

import { readFileSync } from 'node:fs';
import { parseDay } from './dates';
import { parseFaultRules } from './fault-rules';
import { startSandbox, type SandboxOptions } from './server';

const USAGE = `Usage: sandbox [options]
  --port N               port on 127.0.0.1 (default 0: any free port)
  --today YYYY-MM-DD     the served today (default: today in UTC); POST /__sandbox/clock moves it
  --world-today YYYY-MM-DD  the date the world is generated for (default: --today)
  --settling-days N      days until a day's conversions are final (default 0: at once)
  --faults FILE          fault rules in force from the start (a JSON array; see README)
  --seed N               seed of the generated world (default 1)
  --scale N              campaigns per account multiplier (default 1)
  --world FILE           serve the world in FILE instead of a generated one
  --replay DIR           answer /v5 requests with the fixtures in DIR
  --record DIR           save every successful /v5 exchange in DIR as a replay fixture
  --spec FILE            OpenAPI file to validate against
  --auto-consent         skip the Allow/Deny page of /oauth/
  --client-id X          app id (default 1484200000000001)
  --client-secret Y      app secret (default sandbox-secret)
  --access-token TOKEN   also accept this bearer token, with every scope
  --exit-with-parent     stop when standard input closes (the process that started it ended)
  --analytics-per-minute N  analytics requests per token per minute (default 300)`;

export class UsageError extends Error {}

type Kind = 'int' | 'date' | 'text' | 'flag' | 'faults';

const FLAGS: Readonly<Record<string, [keyof SandboxOptions, Kind]>> = {
  '--port': ['port', 'int'],
  '--today': ['today', 'date'],
  '--world-today': ['worldToday', 'date'],
  '--settling-days': ['settlingDays', 'int'],
  '--faults': ['faults', 'faults'],
  '--seed': ['seed', 'int'],
  '--scale': ['scale', 'int'],
  '--world': ['worldFile', 'text'],
  '--replay': ['replayDir', 'text'],
  '--record': ['recordDir', 'text'],
  '--spec': ['specPath', 'text'],
  '--auto-consent': ['autoConsent', 'flag'],
  '--client-id': ['clientId', 'text'],
  '--client-secret': ['clientSecret', 'text'],
  '--access-token': ['acceptToken', 'text'],
  '--analytics-per-minute': ['analyticsPerMinute', 'int'],
};

/** Options from argv (without node and script); throws UsageError naming the fix. */
export function parseArgs(argv: string[]): SandboxOptions {
  const options: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const spec = FLAGS[flag];
    if (!spec) throw new UsageError(`Unknown option ${argv[i]}. Run with --help for the options.`);
    const [key, kind] = spec;
    if (kind === 'flag') {
      options[key] = true;
      continue;
    }
    const value = inline ?? argv[(i += 1)];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${flag} needs a value, e.g. ${flag} ${example(kind)}.`);
    }
    options[key] = convert(flag, kind, value);
  }
  return options as SandboxOptions;
}

function example(kind: Kind): string {
  return { int: '8787', date: '2026-03-01', text: 'VALUE', flag: '', faults: 'faults.json' }[kind];
}

function convert(flag: string, kind: Kind, value: string): unknown {
  if (kind === 'int') {
    if (!/^\d+$/.test(value) || Number(value) > Number.MAX_SAFE_INTEGER) {
      throw new UsageError(`${flag} must be a whole number, e.g. ${flag} 8787 (got "${value}").`);
    }
    const number = Number(value);
    if (flag === '--port' && number > 65535) {
      throw new UsageError('--port must be from 0 to 65535 (0 picks a free port).');
    }
    return number;
  }
  if (kind === 'date' && parseDay(value) === null) {
    throw new UsageError(`${flag} must be a date YYYY-MM-DD, e.g. ${flag} 2026-03-01.`);
  }
  if (kind === 'faults') return readFaults(value);
  return value;
}

function readFaults(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--faults ${path} cannot be read (${code}); pass a JSON file of rules.`);
  }
  try {
    return parseFaultRules(JSON.parse(text), path);
  } catch (error) {
    throw new UsageError(`--faults: ${(error as Error).message}`);
  }
}

/** Runs the CLI; resolves with the process exit code when startup fails. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<number | void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const withParent = argv.includes('--exit-with-parent');
  argv = argv.filter((arg) => arg !== '--exit-with-parent');
  let options: SandboxOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sandbox: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  let sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    process.stderr.write(`sandbox: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  const running = sandbox;
  const faultCount = running.faults().length;
  process.stderr.write(
    `sandbox: ${running.world.adAccounts.length} ad accounts, today ${running.today()} ` +
      `(world ${running.world.today}), settling ${running.world.settlingDays} days, ` +
      `${faultCount} fault rules, validation ${running.validation ? 'on' : 'off'}\n`,
  );
  process.stdout.write(`sandbox ready ${running.url}\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (withParent) {
    process.stdin.on('end', stop).on('close', stop).resume();
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sandbox: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

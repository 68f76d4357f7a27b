// The command line: flags parse into options, bad flags exit 2 naming the fix, and the bundled
// script prints exactly one stdout line once it listens.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { parseArgs } from '../../dev/sandbox/cli';
import { startSandbox } from '../../dev/sandbox/server';
import { SPEC_PATH } from './support';

const ROOT = join(__dirname, '..', '..');

describe('parseArgs', () => {
  it('reads every documented flag', () => {
    expect(
      parseArgs([
        '--port',
        '8787',
        '--today',
        '2026-03-10',
        '--seed',
        '7',
        '--world',
        'w.json',
        '--replay',
        'dir',
        '--auto-consent',
        '--client-id',
        'app',
        '--client-secret',
        's3',
        '--access-token',
        'pina_dev',
      ]),
    ).toEqual({
      port: 8787,
      today: '2026-03-10',
      seed: 7,
      worldFile: 'w.json',
      replayDir: 'dir',
      autoConsent: true,
      clientId: 'app',
      clientSecret: 's3',
      acceptToken: 'pina_dev',
    });
  });

  it('reads the clock, settling and fault flags, the rules from their JSON file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-faults-'));
    const file = join(dir, 'faults.json');
    const rules = [{ match: { operationId: 'ads/analytics' }, skip: 2, fault: { kind: 'drop' } }];
    writeFileSync(file, JSON.stringify(rules));
    try {
      expect(
        parseArgs([
          '--today',
          '2026-03-01',
          '--world-today',
          '2026-03-10',
          '--settling-days',
          '3',
          '--faults',
          file,
        ]),
      ).toEqual({ today: '2026-03-01', worldToday: '2026-03-10', settlingDays: 3, faults: rules });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file and the field of a bad fault rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-faults-'));
    const file = join(dir, 'faults.json');
    writeFileSync(file, JSON.stringify([{ fault: { kind: 'slow' } }]));
    try {
      expect(() => parseArgs(['--faults', file])).toThrow(
        `--faults: ${file}[0].fault.delayMs must be a whole number ≥ 0`,
      );
      expect(() => parseArgs(['--faults', join(dir, 'missing.json')])).toThrow('ENOENT');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the fix for a port that is not a number', () => {
    expect(() => parseArgs(['--port', 'eighty'])).toThrow('--port must be a whole number');
  });

  it('refuses a today that is not a calendar date', () => {
    expect(() => parseArgs(['--today', '2026-02-30'])).toThrow('--today must be a date YYYY-MM-DD');
  });

  it('names the fix for a flag without its value', () => {
    expect(() => parseArgs(['--today', '--seed', '2'])).toThrow(
      '--today needs a value, e.g. --today 2026-03-01.',
    );
  });
});

describe('the bundled script', () => {
  let bundle: string;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    // The bundle keeps packages external; it finds them as build/dev/sandbox.cjs would.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    bundle = join(dir, 'sandbox.cjs');
    buildSync({
      entryPoints: [join(ROOT, 'dev', 'sandbox', 'cli.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      outfile: bundle,
      logLevel: 'silent',
    });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const env = () => ({ ...process.env, PINTEREST_OPENAPI_SPEC: SPEC_PATH });

  it('prints exactly "sandbox ready <url>" on stdout and serves at that url', async () => {
    const child = spawn(process.execPath, [bundle, '--port', '0', '--access-token', 'pina_cli'], {
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(firstLine).toMatch(/^sandbox ready http:\/\/127\.0\.0\.1:\d+\n$/);
      const url = firstLine.trim().split(' ')[2];
      const answer = await fetch(`${url}/v5/ad_accounts`, {
        headers: { Authorization: 'Bearer pina_cli' },
      });
      expect(answer.status).toBe(200);
      expect(stderr).toContain('validation on');
    } finally {
      child.kill();
    }
  });

  it('lists every flag under --help, the new clock, settling and fault flags too', () => {
    const run = spawnSync(process.execPath, [bundle, '--help'], { env: env() });
    expect(run.status).toBe(0);
    for (const flag of ['--today', '--world-today', '--settling-days', '--faults', '--port']) {
      expect(run.stdout.toString()).toContain(`  ${flag} `);
    }
  });

  it('exits 2 on an unknown flag, saying so on stderr only', () => {
    const run = spawnSync(process.execPath, [bundle, '--prot', '8787'], { env: env() });
    expect(run.status).toBe(2);
    expect(run.stdout.toString()).toBe('');
    expect(run.stderr.toString()).toContain('Unknown option --prot');
  });
});

describe('the default spec path', () => {
  it('is found beside the repo when no option or variable names one', async () => {
    const saved = process.env.PINTEREST_OPENAPI_SPEC;
    delete process.env.PINTEREST_OPENAPI_SPEC;
    try {
      const sandbox = await startSandbox({ port: 0, today: '2026-12-04' });
      expect(sandbox.validation).toBe(true);
      await sandbox.close();
    } finally {
      if (saved !== undefined) process.env.PINTEREST_OPENAPI_SPEC = saved;
    }
  });
});

// Starts the Pinterest sandbox in a child process: the local runtime blocks its own thread on
// every UrlFetchApp call, so the server must live elsewhere.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface SandboxProcess {
  url: string;
  stop(): Promise<void>;
}

export interface SandboxProcessOptions {
  today?: string;
  seed?: number;
  worldFile?: string;
  replayDir?: string;
  /** Consent at once, for runs without a person (the default); false serves the consent page. */
  autoConsent?: boolean;
  extraArgs?: string[];
}

export function startSandboxProcess(
  root: string,
  options: SandboxProcessOptions,
): Promise<SandboxProcess> {
  const args = [join(root, 'build', 'dev', 'sandbox.cjs'), '--port', '0', '--exit-with-parent'];
  if (options.autoConsent !== false) args.push('--auto-consent');
  if (options.today) args.push('--today', options.today);
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.worldFile) args.push('--world', options.worldFile);
  if (options.replayDir) args.push('--replay', options.replayDir);
  args.push(...(options.extraArgs ?? []));

  // The child's stdin stays open while this process lives: it exits when that pipe closes,
  // so a killed runner never leaves a sandbox behind.
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = /^sandbox ready (\S+)/.exec(line);
      if (match) resolve({ url: match[1], stop: () => stop(child) });
    });
    child.on('exit', (code) => reject(new Error(`The sandbox exited (${code}): ${stderr.trim()}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

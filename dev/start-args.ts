// Command-line options of `npm start`, with messages that say how to fix a wrong one.

import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isIsoDate } from '../src/core/dates';

export interface StartOptions {
  headless: boolean;
  today?: string;
  seed?: number;
  worldFile?: string;
  replayDir?: string;
  apiBase?: string;
  accessToken?: string;
  out: string;
  /** The playground's port; any free one by default. */
  port?: number;
}

const USAGE =
  'Usage: npm start -- [--headless] [--today YYYY-MM-DD] [--seed N] [--world FILE] ' +
  '[--replay DIR] [--api-base URL --access-token TOKEN] [--out FILE] [--port N]';

export function parseStartArgs(argv: string[]): StartOptions {
  const options: StartOptions = { headless: false, out: join('out', 'pinterest-ads.xlsx') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--'))
        throw new Error(`${flag} needs a value.\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--headless':
        options.headless = true;
        break;
      case '--today':
        options.today = value();
        if (!isIsoDate(options.today)) {
          throw new Error(`--today takes a real date like 2026-12-04, not "${options.today}".`);
        }
        break;
      case '--seed':
        options.seed = Number(value());
        if (!Number.isInteger(options.seed)) throw new Error('--seed takes a whole number.');
        break;
      case '--world':
        options.worldFile = value();
        break;
      case '--replay':
        options.replayDir = value();
        break;
      case '--api-base':
        options.apiBase = value().replace(/\/+$/, '');
        break;
      case '--access-token':
        options.accessToken = value();
        break;
      case '--port':
        options.port = Number(value());
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
          throw new Error('--port takes a port number from 0 to 65535 (0: any free port).');
        }
        break;
      case '--out':
        options.out = value();
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${USAGE}`);
    }
  }
  if (options.apiBase && !options.accessToken) {
    throw new Error('--api-base needs --access-token: the token of that server.');
  }
  if (options.accessToken && !options.apiBase) {
    throw new Error(
      '--access-token goes with --api-base URL: the local sandbox issues its own tokens.',
    );
  }
  if (options.apiBase && !/^https?:\/\/[^/\s]+/.test(options.apiBase)) {
    throw new Error(
      `--api-base takes a URL like https://api-sandbox.pinterest.com/v5, not "${options.apiBase}".`,
    );
  }
  if (options.replayDir && !existsSync(options.replayDir)) {
    throw new Error(`--replay: there is no folder ${options.replayDir}.`);
  }
  if (options.worldFile && !existsSync(options.worldFile)) {
    throw new Error(`--world: there is no file ${options.worldFile}.`);
  }
  if (existsSync(options.out) && statSync(options.out).isDirectory()) {
    throw new Error(`--out ${options.out} is a folder; give a file name such as report.xlsx.`);
  }
  return options;
}

// Command-line options of `npm start`, with messages that say how to fix a wrong one.

import { join } from 'node:path';

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
        if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) {
          throw new Error(`--today takes a date like 2026-12-04, not "${options.today}".`);
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
        if (!Number.isInteger(options.port)) throw new Error('--port takes a whole number.');
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
  return options;
}

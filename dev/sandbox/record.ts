// Records the sandbox's successful /v5 exchanges as replay fixtures, one JSON file each, in the
// format --replay reads: the way to make a replayable example of any run.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Reply } from './exchange';
import type { Query } from './params';

export class Recorder {
  private count = 0;

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Saves one exchange; token exchanges are never recorded (replay never serves them). */
  record(method: string, path: string, query: Query, reply: Reply): void {
    const apiPath = path.replace(/^\/v5/, '');
    if (reply.status >= 300 || apiPath.startsWith('/oauth/')) return;
    this.count += 1;
    const slug = apiPath
      .replace(/^\//, '')
      .replace(/[^\w]+/g, '-')
      .slice(0, 60);
    const file = join(this.dir, `${String(this.count).padStart(3, '0')}-${slug}.json`);
    const fixture = {
      request: { method, path: apiPath, query },
      response: { status: reply.status, headers: reply.headers, body: reply.body },
    };
    writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
  }
}

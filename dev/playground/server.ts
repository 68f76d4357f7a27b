// The local playground: serves the real sidebar (dist/Sidebar.html, with google.script.run
// bridged to the local runtime) beside a live view of the workbook, and receives the OAuth
// redirect at /usercallback as script.google.com would.

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Runtime } from '../runtime/runtime';

export interface Playground {
  url: string;
  close(): Promise<void>;
}

/** How many rows of a tab the view shows; the xlsx and the runtime hold them all. */
const VIEW_ROWS = 500;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
  });
  response.end(body);
}

function workbookView(runtime: Runtime) {
  // Hidden tabs (the add-on's settings and work in progress) stay hidden, as in Sheets.
  const visible = runtime.spreadsheet.getSheets().filter((sheet: any) => !sheet.isSheetHidden());
  return visible.map((sheet: any) => {
    const range = sheet.getDataRange();
    return {
      name: sheet.getName(),
      rows: range.getDisplayValues().slice(0, VIEW_ROWS),
      values: range.getValues().slice(0, VIEW_ROWS),
    };
  });
}

/**
 * Starts the playground on 127.0.0.1. The runtime is made by `makeRuntime` once the port is
 * known, because the OAuth redirect URI must point back at this server.
 */
export async function startPlayground(options: {
  root: string;
  port?: number;
  makeRuntime: (userCallbackUrl: string) => Runtime;
}): Promise<Playground & { runtime: Runtime }> {
  const assets = join(options.root, 'dev', 'playground');
  const page = readFileSync(join(assets, 'page.html'), 'utf8');
  const bridge = readFileSync(join(assets, 'bridge.js'), 'utf8');
  const made: { runtime?: Runtime } = {};

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const active = made.runtime as Runtime;
    try {
      if (url.pathname === '/') return send(response, 200, 'text/html', page);
      if (url.pathname === '/sidebar') {
        const sidebar = readFileSync(join(options.root, 'dist', 'Sidebar.html'), 'utf8');
        const withBridge = sidebar.replace(
          '<script>',
          () => `<script>${bridge}</script>\n<script>`,
        );
        return send(response, 200, 'text/html', withBridge);
      }
      if (url.pathname === '/workbook') {
        return send(response, 200, 'application/json', JSON.stringify(workbookView(active)));
      }
      if (url.pathname === '/usercallback') {
        const page = active.handleUserCallback(Object.fromEntries(url.searchParams));
        return send(response, 200, 'text/html', page);
      }
      if (url.pathname === '/rpc' && request.method === 'POST') {
        const { name, args } = JSON.parse(await readBody(request)) as {
          name: string;
          args: unknown[];
        };
        const value = active.call(name, ...args);
        return send(response, 200, 'application/json', JSON.stringify({ value }));
      }
      send(response, 404, 'text/plain', 'Not found');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      send(response, 200, 'application/json', JSON.stringify({ error: message }));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const runtime = options.makeRuntime(`${url}/usercallback`);
  made.runtime = runtime;
  return {
    url,
    runtime,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

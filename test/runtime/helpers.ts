// Shared test fixtures for the local Apps Script runtime: a tiny bundle written to a temp folder
// and a small HTTP server run in a child process (the runtime blocks its own thread on fetch).
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../dev/runtime/runtime';

/**
 * A bundle shaped like the real one: top-level functions. `run(body)` executes a function body
 * inside the execution, so each test states the Apps Script code it relies on.
 */
export const BASE_BUNDLE = `
var AddOn = (function () {
  return {
    run: function (body, args) { return new Function('args', body)(args); },
  };
})();
function run(body, args) { return AddOn.run(body, args); }
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addToUi();
  return e && e.authMode;
}
`;

/** Writes the bundle (and any sibling files such as Sidebar.html) to a fresh temp folder. */
export function writeBundle(extraSource = '', files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-runtime-'));
  const bundlePath = path.join(dir, 'Code.js');
  fs.writeFileSync(bundlePath, BASE_BUNDLE + extraSource);
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), content);
  }
  return bundlePath;
}

/** A runtime over the base bundle; `dispose` is registered by the caller. */
export function newRuntime(
  options: Partial<RuntimeOptions> = {},
  extraSource = '',
  files: Record<string, string> = {},
): Runtime {
  const bundlePath = writeBundle(extraSource, files);
  return createRuntime({ bundlePath, today: '2026-03-10', ...options });
}

/** Runs Apps Script code in one execution and returns its result. */
export function gas<T = unknown>(runtime: Runtime, body: string, args?: unknown): T {
  return runtime.call<T>('run', body, args);
}

/** The error an execution throws, for asserting on Google's message text. */
export function gasError(runtime: Runtime, body: string): Error {
  try {
    gas(runtime, body);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the execution to throw');
}

const SERVER_SOURCE = String.raw`
const http = require('node:http');
const zlib = require('node:zlib');
let inFlight = 0;
let maxInFlight = 0;
let lastToken = null;
const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url, 'http://x');
    const p = url.pathname;
    if (p === '/echo') {
      return json(res, 200, { method: req.method, path: req.url, headers: req.headers, body });
    }
    if (p.startsWith('/status/')) {
      const code = Number(p.slice(8));
      const length = Number(url.searchParams.get('len') || 10);
      const text = url.searchParams.get('body') || 'x'.repeat(length);
      res.writeHead(code, { 'Content-Type': 'text/plain' });
      return res.end(text);
    }
    if (p === '/slow') {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return setTimeout(() => {
        inFlight--;
        json(res, 200, { id: url.searchParams.get('id') });
      }, Number(url.searchParams.get('ms') || 200));
    }
    if (p === '/concurrency') {
      const out = { maxInFlight };
      maxInFlight = 0;
      return json(res, 200, out);
    }
    if (p === '/redirect') {
      res.writeHead(302, { Location: '/echo?from=redirect' });
      return res.end();
    }
    if (p === '/headers') {
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('X-Trace', 'abc');
      return json(res, 200, {});
    }
    if (p === '/gzip') {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/plain' });
      return res.end(zlib.gzipSync('compressed hello'));
    }
    if (p === '/oauth/last') return json(res, 200, lastToken);
    if (p === '/oauth/token') {
      const form = Object.fromEntries(new URLSearchParams(body));
      lastToken = { headers: req.headers, form };
      const expected = 'Basic ' + Buffer.from('client-1:secret-1').toString('base64');
      if (req.headers.authorization !== expected) {
        return json(res, 401, { error: 'invalid_client' });
      }
      if (form.grant_type === 'authorization_code' && form.code === 'good-code') {
        return json(res, 200, { access_token: 'access-1', refresh_token: 'refresh-1',
          token_type: 'bearer', expires_in: 2592000, refresh_token_expires_in: 31536000,
          scope: 'ads:read,user_accounts:read' });
      }
      if (form.grant_type === 'refresh_token' && form.refresh_token === 'refresh-1') {
        return json(res, 200, { access_token: 'access-2', expires_in: 2592000 });
      }
      return json(res, 400, { error: 'invalid_grant', error_description: 'Bad code or token' });
    }
    json(res, 404, { error: 'not found' });
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write('PORT ' + server.address().port + '\n');
});
`;

export interface TestServer {
  url: string;
  stop(): void;
}

/** Starts the test server in a child process on 127.0.0.1 and resolves with its base URL. */
export function startServer(): Promise<TestServer> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER_SOURCE], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`test server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (match) {
        resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill() });
      }
    });
  });
}

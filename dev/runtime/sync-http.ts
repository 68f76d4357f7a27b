// Synchronous HTTP for UrlFetchApp: a worker thread performs the requests while the calling thread
// blocks on Atomics.wait, then takes the answer with receiveMessageOnPort. The server it talks to
// must live in another thread or process, or both sides wait for each other forever.
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';

export interface WireRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  followRedirects: boolean;
  timeoutMs: number;
}

export type WireResponse =
  | { ok: true; status: number; headers: Array<[string, string]>; body: Uint8Array }
  | { ok: false; kind: 'dns' | 'address' | 'timeout' | 'invalid'; detail: string };

// CommonJS source evaluated by the worker (eval: true), so no separate file has to be bundled.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
const zlib = require('node:zlib');
const { port, signal } = workerData;
const MAX_REDIRECTS = 10;

function once(request, url) {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const headers = { ...request.headers };
    if (request.body) headers['Content-Length'] = String(request.body.length);
    const req = client.request(url, { method: request.method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', (error) => resolve({ ok: false, kind: 'address', detail: error.message }));
      res.on('end', () => {
        let body = Buffer.concat(chunks);
        const encoding = String(res.headers['content-encoding'] || '').toLowerCase();
        try {
          if (encoding === 'gzip') body = zlib.gunzipSync(body);
          else if (encoding === 'deflate') body = zlib.inflateSync(body);
          else if (encoding === 'br') body = zlib.brotliDecompressSync(body);
        } catch (error) {
          resolve({ ok: false, kind: 'address', detail: 'bad ' + encoding + ' body' });
          return;
        }
        const headers = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          headers.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        }
        resolve({ ok: true, status: res.statusCode, headers, body: new Uint8Array(body) });
      });
    });
    req.setTimeout(request.timeoutMs, () => {
      req.destroy();
      resolve({ ok: false, kind: 'timeout', detail: 'timeout' });
    });
    req.on('error', (error) => {
      const dns = error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN';
      resolve({ ok: false, kind: dns ? 'dns' : 'address', detail: String(error.code || error) });
    });
    if (request.body) req.write(Buffer.from(request.body));
    req.end();
  });
}

async function perform(request) {
  let url;
  try {
    url = new URL(request.url);
  } catch (error) {
    return { ok: false, kind: 'invalid', detail: 'url' };
  }
  let current = { ...request };
  for (let hop = 0; ; hop++) {
    const response = await once(current, url);
    const location = response.ok && response.headers.find(([k]) => k.toLowerCase() === 'location');
    const redirect = response.ok && [301, 302, 303, 307, 308].includes(response.status);
    if (!redirect || !location || !request.followRedirects || hop >= MAX_REDIRECTS) return response;
    url = new URL(location[1], url);
    if (response.status === 303 || (response.status <= 302 && current.method !== 'GET')) {
      const headers = { ...current.headers };
      for (const key of Object.keys(headers)) {
        if (/^content-(type|length)$/i.test(key)) delete headers[key];
      }
      current = { ...current, method: 'GET', body: null, headers };
    }
  }
}

port.on('message', async (requests) => {
  const results = await Promise.all(requests.map((request) => perform(request).catch(
    (error) => ({ ok: false, kind: 'address', detail: String(error) }))));
  port.postMessage(results);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
`;

/** Longest the calling thread waits for a batch before giving up on the worker. */
const BATCH_WAIT_MS = 5 * 60 * 1000;

export class SyncHttp {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private signal: Int32Array | null = null;

  /** Sends every request at once and blocks until all answered; results keep request order. */
  run(requests: WireRequest[]): WireResponse[] {
    const { port, signal } = this.start();
    Atomics.store(signal, 0, 0);
    port.postMessage(requests);
    const waited = Atomics.wait(signal, 0, 0, BATCH_WAIT_MS);
    if (waited === 'timed-out') throw new Error('UrlFetchApp worker did not answer in time');
    for (let attempt = 0; attempt < 1000; attempt++) {
      const message = receiveMessageOnPort(port);
      if (message) return message.message as WireResponse[];
      Atomics.wait(signal, 1, 0, 1);
    }
    throw new Error('UrlFetchApp worker signalled without a message');
  }

  close(): void {
    void this.worker?.terminate();
    this.port?.close();
    this.worker = null;
    this.port = null;
  }

  private start(): { port: MessagePort; signal: Int32Array } {
    if (this.worker && this.port && this.signal) return { port: this.port, signal: this.signal };
    const channel = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(8));
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: channel.port2, signal },
      transferList: [channel.port2],
    });
    this.worker.unref();
    channel.port1.unref();
    this.port = channel.port1;
    this.signal = signal;
    return { port: this.port, signal };
  }
}

/**
 * The loopback test bridge: serves the real renderer and the real core handlers over HTTP on
 * 127.0.0.1, so Playwright can drive the app in Chromium where the Electron binary is missing.
 * A development and test tool only: it lives under test/ and is never packaged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createCore } from '../../electron/core';
import { fixedFolderHost, noExportHost } from '../../electron/core/host';
import { AutoLock, activityClock } from '../../electron/core/auto-lock';
import { channels } from '../../shared/contract';
import type { VaultOptions } from '../../electron/core/vault/vault';
import { CONTENT_SECURITY_POLICY, mimeType } from '../../electron/main/app-path';
import { resolve as resolvePath, relative, normalize } from 'node:path';
import { LOCK_NOTICE_PARAMS, lockNoticeParams } from '../../shared/auto-lock/lock-notice';
import { audioResponse } from '../../electron/core/interviews';
import { AppError } from '../../electron/core/errors';

export interface BridgeOptions {
  vaultDir: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  scrypt?: VaultOptions['scrypt'];
  /** Where exports are written (the bridge has no folder dialog); without it exports are refused. */
  exportDir?: string;
  /** Length of an auto-lock "minute" in ms; tests shorten it. */
  minuteMs?: number;
  /** Largest request body read (default MAX_BODY_BYTES); tests lower it. */
  maxBodyBytes?: number;
}

const COOKIE = 'reciprocal_bridge';
const API_SCRIPT = '/__bridge/api.js';

/** window.api over fetch: the same shape the preload exposes, built from the contract's channel names. */
function apiScript(): string {
  return `(() => {
  const channels = ${JSON.stringify(channels)};
  const api = {};
  for (const name of channels) {
    const [ns, method] = name.split('.');
    (api[ns] ??= {})[method] = async (input) => {
      const response = await fetch('/__bridge/call/' + name, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) });
      return response.json();
    };
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  // As in Electron: when the vault locks (button, idle), the page reloads and drops every decrypted value;
  // the address carries why it locked (shared/auto-lock/lock-notice.ts) for the unlock screen.
  new EventSource('/__bridge/events').addEventListener('locked', (event) => {
    const url = new URL(location.href);
    for (const name of ${JSON.stringify(LOCK_NOTICE_PARAMS)}) url.searchParams.delete(name);
    for (const [name, value] of Object.entries(JSON.parse(event.data))) url.searchParams.set(name, value);
    if (url.href === location.href) location.reload();
    else location.replace(url.href);
  });
})();`;
}

export async function startBridge(options: BridgeOptions) {
  const { session, registry } = createCore(options.vaultDir, {
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    host: options.exportDir ? fixedFolderHost(options.exportDir) : noExportHost,
  });
  const clock = activityClock();
  const minuteMs = options.minuteMs ?? 60_000;
  const autoLock = new AutoLock(session, clock, minuteMs);
  autoLock.start(Math.min(5_000, Math.max(100, minuteMs / 4)));
  const token = randomBytes(24).toString('hex');
  const lockWatchers = new Set<ServerResponse>();
  session.onLock((reason) => {
    // Idle time in the bridge's own "minutes" (shortened in tests), as Electron reports real ones.
    const idleSeconds = reason === 'idle' ? (clock.idleSeconds() * 60_000) / minuteMs : undefined;
    const data = JSON.stringify(lockNoticeParams(reason, idleSeconds));
    for (const watcher of lockWatchers) if (!watcher.writableEnded) watcher.write(`event: locked\ndata: ${data}\n\n`);
  });
  const tokenBytes = Buffer.from(token);

  const hasToken = (req: IncomingMessage, url: URL) => {
    const candidates = [url.searchParams.get('token'), ...(req.headers.cookie ?? '').split(';').map((c) => c.trim()).filter((c) => c.startsWith(`${COOKIE}=`)).map((c) => c.slice(COOKIE.length + 1))];
    return candidates.some((c) => c !== null && c.length === token.length && timingSafeEqual(Buffer.from(c), tokenBytes));
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      console.error('[bridge]', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  // Read once at listen: while closing, server.address() is null but late requests can still arrive.
  let port = 0;
  async function handle(req: IncomingMessage, res: ServerResponse) {
    // Only our own origin: blocks DNS rebinding and other pages on the machine.
    if (req.headers.host !== `127.0.0.1:${port}`) return void res.writeHead(403).end('Forbidden host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!hasToken(req, url)) return void res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden: open the URL with its token.');
    // The cookie is SameSite, but every port of 127.0.0.1 is the same site: a page served from another
    // port would get it sent along. Browsers say where a request comes from; only our own page may write.
    if (req.method === 'POST' && !isFromOurPage(req, `http://127.0.0.1:${port}`)) {
      return void res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden: the request did not come from the app page.');
    }
    const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

    if (req.method === 'POST' && url.pathname.startsWith('/__bridge/call/')) {
      const channel = safeDecode(url.pathname.slice('/__bridge/call/'.length));
      if (channel === undefined) return void res.writeHead(404).end();
      // A body that is not JSON, or too large to read, is refused before any handler runs: read as
      // `{}` it would still run the call (a garbage body to vault.lock would lock the vault).
      const body = await readBody(req, options.maxBodyBytes ?? MAX_BODY_BYTES);
      const input = body.ok ? parseJson(body.text) : body;
      if (!input.ok) {
        const refused = { ok: false, error: { code: 'INVALID_INPUT', message: input.message } };
        return void res.writeHead(400, { ...headers, 'Content-Type': 'application/json', ...(body.ok ? {} : { Connection: 'close' }) }).end(JSON.stringify(refused));
      }
      clock.touch();
      const result = await registry.invoke(channel, input.value, 'coordinator');
      return void res.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(result));
    }
    if (url.pathname === '/__bridge/events') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      lockWatchers.add(res);
      req.on('close', () => lockWatchers.delete(res));
      return;
    }
    if (url.pathname === API_SCRIPT) {
      return void res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(apiScript());
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      let html = await readFile(join(options.staticDir, 'index.html'), 'utf8');
      html = html.replace('<head>', `<head>\n    <script src="${API_SCRIPT}"></script>`);
      const cookie = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      return void res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': cookie }).end(html);
    }
    const recording = /^\/recordings\/(\d{1,12})$/.exec(url.pathname);
    if (recording && (req.method === 'GET' || req.method === 'HEAD')) return serveRecording(Number(recording[1]), req, res, headers);
    return serveStatic(url, res, headers);
  }

  /** As electron/main/audio-protocol.ts: decrypted bytes by range, only while unlocked, only what the session may see. */
  function serveRecording(id: number, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
    try {
      const answer = audioResponse(session, id, req.headers.range);
      res.writeHead(answer.status, { ...headers, ...answer.headers }).end(req.method === 'HEAD' ? undefined : answer.body);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.writeHead(404, headers).end();
    }
  }

  async function serveStatic(url: URL, res: ServerResponse, headers: Record<string, string>) {
    const root = resolvePath(options.staticDir);
    const pathname = safeDecode(url.pathname);
    // A malformed %-escape names no file: not found, not a server error.
    if (pathname === undefined || pathname.includes('\0')) return void res.writeHead(404).end();
    const path = normalize(join(root, pathname));
    if (relative(root, path).startsWith('..')) return void res.writeHead(404).end();
    try {
      const body = await readFile(path);
      res.writeHead(200, { ...headers, 'Content-Type': mimeType(path) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    origin: `http://127.0.0.1:${port}`,
    token,
    session,
    registry,
    close: async () => {
      autoLock.stop();
      for (const watcher of lockWatchers) watcher.end();
      session.lock('shutdown');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether a write comes from the bridge's own page: a browser sends Origin on every POST and
 * Sec-Fetch-Site on every request, and both must name our origin. A client that sends neither is
 * not a browser page (e.g. a script holding the token) and is let through on the token alone.
 */
export function isFromOurPage(req: Pick<IncomingMessage, 'headers'>, ourOrigin: string): boolean {
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (origin !== undefined && origin !== ourOrigin) return false;
  if (site !== undefined && site !== 'same-origin') return false;
  return true;
}

/** Larger than any valid call (a 20 MB CSV is 28 MB of base64). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** The request body as text, or why it was not read; past the limit the rest is discarded unread. */
function readBody(req: IncomingMessage, limit: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      req.resume(); // drain without keeping it; the connection is closed after the answer
      resolve({ ok: false, message: `The request body is larger than ${limit >= 2 ** 20 ? `${Math.floor(limit / 2 ** 20)} MB` : `${limit} bytes`}, so nothing was run.` });
    };
    req.on('data', onData);
    req.on('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

function parseJson(text: string): Read<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // The body may hold personal data: say what is wrong, never echo it.
    return { ok: false, message: text.trim() === '' ? 'The request body is empty; send the input as JSON (at least {}), so nothing was run.' : 'The request body is not valid JSON, so nothing was run.' };
  }
}

import { APP_HOST, APP_SCHEME } from './app-path';

/**
 * Which URLs the window may load, navigate to and request. Pure functions of plain inputs (no
 * Electron import), so they are unit-tested under Node; security.ts applies them to the session.
 */

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

const isAppOrigin = (url: URL) => url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
const isDevServerDocument = (url: URL, dev: URL) => (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
const parseDevServer = (devServerUrl: string | undefined) => (devServerUrl ? parse(devServerUrl) : undefined);

/** A document of the Vite dev server (same origin, so http://localhost:51730 is not http://localhost:5173). */
export function isDevServerPage(url: string, devServerUrl: string | undefined): boolean {
  const dev = parseDevServer(devServerUrl);
  const parsed = dev && parse(url);
  return parsed !== undefined && dev !== undefined && isDevServerDocument(parsed, dev);
}

/** The page's own documents: app://reciprocal/…, or in development the Vite dev server's origin. */
export function isOurPage(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  const dev = parseDevServer(devServerUrl);
  return isAppOrigin(parsed) || (dev !== undefined && isDevServerDocument(parsed, dev));
}

/**
 * Whether a request may leave the page at all (everything else is cancelled). In development the
 * dev server's hot-reload socket (ws:// on the same host and port) and DevTools' own pages are
 * allowed too; `devServerUrl` is only ever passed in development. Runs on every request: the URL
 * is parsed once.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (isAppOrigin(parsed)) return true;
  const dev = parseDevServer(devServerUrl);
  if (!dev) return false;
  const socketProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return isDevServerDocument(parsed, dev) || (parsed.protocol === socketProtocol && parsed.host === dev.host) || parsed.protocol === 'devtools:';
}

/** An IPC message is trusted only from the main window's own top frame, showing our page. */
export function isTrustedSender(sender: { url: string } | null | undefined, mainFrame: unknown, devServerUrl?: string): boolean {
  if (!sender || mainFrame === undefined || mainFrame === null || sender !== mainFrame) return false;
  return isOurPage(sender.url, devServerUrl);
}

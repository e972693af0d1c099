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

/** A document of the Vite dev server (same origin, so http://localhost:51730 is not http://localhost:5173). */
export function isDevServerPage(url: string, devServerUrl: string | undefined): boolean {
  const parsed = parse(url);
  const dev = devServerUrl ? parse(devServerUrl) : undefined;
  return parsed !== undefined && dev !== undefined && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin;
}

/** The page's own documents: app://reciprocal/…, or in development the Vite dev server's origin. */
export function isOurPage(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url);
  return (parsed !== undefined && isAppOrigin(parsed)) || isDevServerPage(url, devServerUrl);
}

/**
 * Whether a request may leave the page at all (everything else is cancelled). In development the
 * dev server's hot-reload socket (ws:// on the same host and port) and DevTools' own pages are
 * allowed too; `devServerUrl` is only ever passed in development.
 */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (isOurPage(url, devServerUrl)) return true;
  if (!devServerUrl) return false;
  const parsed = parse(url);
  const dev = parse(devServerUrl);
  if (!parsed || !dev) return false;
  const socketProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return (parsed.protocol === socketProtocol && parsed.host === dev.host) || parsed.protocol === 'devtools:';
}

/** An IPC message is trusted only from the main window's own top frame, showing our page. */
export function isTrustedSender(sender: { url: string } | null | undefined, mainFrame: unknown, devServerUrl?: string): boolean {
  if (!sender || mainFrame === undefined || mainFrame === null || sender !== mainFrame) return false;
  return isOurPage(sender.url, devServerUrl);
}

import { extname, join, normalize, relative, isAbsolute, sep } from 'node:path';

/** The renderer's origin: a custom standard, secure scheme instead of file://, so the CSP and same-origin rules apply. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'reciprocal';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const REACT_ARIA_PRESS_STYLE_HASH = 'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o=';

/** No remote anything: scripts, styles, fonts and images come from the app bundle; no connections but to our origin. */
const PRODUCTION_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // The one inline style allowed: React Aria's pressable touch-action rule (usePress), pinned by hash.
  // The e2e tests fail on any CSP violation, so a library update that changes it is caught.
  'style-src': ["'self'", `'${REACT_ARIA_PRESS_STYLE_HASH}'`],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
};

const serialise = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');

export const CONTENT_SECURITY_POLICY = serialise(PRODUCTION_DIRECTIVES);

/**
 * For `npm run dev` only (security.ts applies it when `!app.isPackaged && NODE_ENV === 'development'`,
 * to the dev server's responses alone). The Vite dev server needs three things the production policy
 * refuses: React Refresh's inline preamble <script>, the <style> elements Vite injects for each CSS
 * import, and its hot-reload WebSocket. Everything else stays as strict as in production.
 */
export function developmentContentSecurityPolicy(devServerUrl: string): string {
  const dev = new URL(devServerUrl);
  const socket = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
  return serialise({
    ...PRODUCTION_DIRECTIVES,
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", socket],
  });
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const mimeType = (path: string) => MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps an app:// URL to a file inside `root`, or undefined when the URL is for another host or
 * escapes the root (`..`, encoded `%2e%2e`, absolute paths, backslashes, NUL bytes).
 */
export function resolveAppPath(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  const wanted = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const candidate = normalize(join(root, wanted));
  const rel = relative(root, candidate);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return undefined;
  return candidate;
}

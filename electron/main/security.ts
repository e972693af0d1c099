import { app, session, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from './app-path';

export const isDevelopment = !app.isPackaged && process.env.NODE_ENV === 'development';
/** The Vite dev server, allowed only in development (`npm run dev`). */
const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;

function isOurUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN || (devServerUrl !== undefined && url.startsWith(devServerUrl));
}

/**
 * Session-wide rules: no permission is ever granted, no request leaves the app's own origin,
 * every response carries our CSP. Applied before any window exists.
 */
export function hardenSession(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback({}));

  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isOurUrl(details.url) || (isDevelopment && details.url.startsWith('devtools://'));
    callback({ cancel: !allowed });
  });
  target.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  // No spell-check dictionary downloads.
  target.setSpellCheckerDictionaryDownloadURL('https://0.0.0.0/');
}

/** Every web contents, now and later: no navigation away, no new windows, no webviews. */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Whether an IPC message comes from our own top frame, loaded from our origin. */
export function isTrustedSender(frame: Electron.WebFrameMain | null, mainContents: WebContents | undefined): boolean {
  if (!frame || !mainContents || frame !== mainContents.mainFrame) return false;
  return isOurUrl(frame.url);
}

import { app, session, systemPreferences, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, developmentContentSecurityPolicy } from './app-path';
import { isAllowedRequest, isDevServerPage, isOurPage, isTrustedSender as isTrustedFrame } from './url-policy';
import { allowPermissionCheck, grantMicrophone, mayAskTheScreen, SCREEN_ASKS_EXPRESSION, type PermissionRequest } from './microphone-policy';

/**
 * `npm run dev` (electron-vite dev) only: never true in a packaged app, whatever the environment says.
 * Everything relaxed for development is fenced by this flag: DevTools, Reload in the menu, the Vite
 * dev server as an origin, and its CSP (app-path.ts developmentContentSecurityPolicy).
 */
export const isDevelopment = !app.isPackaged && process.env.NODE_ENV === 'development';
/** The Vite dev server, allowed only in development. */
export const devServerUrl = isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined;

const devServerPolicy = devServerUrl ? developmentContentSecurityPolicy(devServerUrl) : undefined;
const policyFor = (url: string) => (devServerPolicy && isDevServerPage(url, devServerUrl) ? devServerPolicy : CONTENT_SECURITY_POLICY);

/**
 * Whether to give the page the microphone (microphone-policy.ts): everything but the page's own say
 * is judged at once; then the page is asked whether its recording screen wants it now; on macOS
 * the system is asked too (the hardened runtime's prompt; NSMicrophoneUsageDescription).
 */
async function decideMicrophone(contents: WebContents, request: PermissionRequest): Promise<boolean> {
  if (!mayAskTheScreen(request, devServerUrl) || contents.isDestroyed()) return false;
  const screenAsked = (await contents.executeJavaScript(SCREEN_ASKS_EXPRESSION).catch(() => false)) === true;
  if (!grantMicrophone(request, screenAsked, devServerUrl)) return false;
  if (process.platform !== 'darwin') return true;
  return systemPreferences.getMediaAccessStatus('microphone') === 'granted' || (await systemPreferences.askForMediaAccess('microphone').catch(() => false));
}

/**
 * Session-wide rules: no permission is granted but the microphone to the recording screen, no
 * request leaves the app's own origin, every response carries our CSP. Applied before any window exists.
 */
export function hardenSession(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((contents, permission, callback, details) => {
    const request: PermissionRequest = { permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined };
    // Refused at once unless it is an audio request from our page: only that waits for the page's answer.
    if (!mayAskTheScreen(request, devServerUrl)) return callback(false);
    void decideMicrophone(contents, request).then(callback, () => callback(false));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck({ permission, requestingOrigin, isMainFrame: details?.isMainFrame, mediaType: details?.mediaType }, devServerUrl),
  );
  target.setDevicePermissionHandler(() => false);
  target.setDisplayMediaRequestHandler((_request, callback) => callback({}));

  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) });
  });
  target.webRequest.onHeadersReceived((details, callback) => {
    // Ours replaces any policy the response brought, whatever the header's case, rather than adding a second.
    const others = Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
    callback({ responseHeaders: { ...Object.fromEntries(others), 'Content-Security-Policy': [policyFor(details.url)] } });
  });
  // No spell-check dictionary downloads.
  target.setSpellCheckerDictionaryDownloadURL('https://0.0.0.0/');
}

/** Every web contents, now and later: no navigation away, no new windows, no webviews. */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOurPage(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOurPage(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Whether an IPC message comes from our own top frame, loaded from our origin. */
export function isTrustedSender(frame: Electron.WebFrameMain | null, mainContents: WebContents | undefined): boolean {
  return isTrustedFrame(frame, mainContents?.mainFrame, devServerUrl);
}

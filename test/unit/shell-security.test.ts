import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isDevServerPage, isOurPage, isTrustedSender } from '../../electron/main/url-policy';
import { CONTENT_SECURITY_POLICY, developmentContentSecurityPolicy } from '../../electron/main/app-path';
import { applicationMenuTemplate } from '../../electron/main/menu';
import { isFromOurPage } from '../bridge/server';

const dev = 'http://localhost:5173';

describe('which pages the window may show', () => {
  it('is our app:// origin, and the dev server only when one is given', () => {
    expect(isOurPage('app://reciprocal/index.html#/pilots')).toBe(true);
    expect(isOurPage('app://reciprocal')).toBe(true);
    expect(isOurPage('http://localhost:5173/')).toBe(false);
    expect(isOurPage('http://localhost:5173/src/main.tsx', dev)).toBe(true);
  });

  it('refuses look-alike origins', () => {
    for (const url of ['app://reciprocal.evil/index.html', 'app://evil/index.html', 'https://reciprocal/', 'file:///etc/passwd', 'not a url', 'http://localhost:51730/', 'http://localhost:5173@evil.example/', 'https://localhost:5173/']) {
      expect(isOurPage(url, dev), url).toBe(false);
    }
    expect(isDevServerPage('http://localhost:5173/', undefined)).toBe(false);
  });
});

describe('which requests leave the page', () => {
  it('in production: only app://', () => {
    expect(isAllowedRequest('app://reciprocal/assets/index.js')).toBe(true);
    for (const url of ['https://example.org/', 'http://127.0.0.1:8080/', 'ws://localhost:5173/', 'devtools://devtools/bundled/inspector.html', 'data:text/html,x', 'file:///etc/passwd']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('in development: also the dev server, its hot-reload socket and DevTools, and nothing else', () => {
    expect(isAllowedRequest('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/?token=abc', dev)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('wss://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequest('https://example.org/', dev)).toBe(false);
  });
});

describe('IPC sender check', () => {
  const mainFrame = { url: 'app://reciprocal/index.html' };
  it('trusts only the main window’s own top frame showing our page', () => {
    expect(isTrustedSender(mainFrame, mainFrame)).toBe(true);
    // Another frame, even one claiming our URL.
    expect(isTrustedSender({ url: 'app://reciprocal/index.html' }, mainFrame)).toBe(false);
    expect(isTrustedSender(null, mainFrame)).toBe(false);
    expect(isTrustedSender(mainFrame, undefined)).toBe(false);
  });

  it('refuses the main frame once it shows anything else', () => {
    const navigated = { url: 'https://example.org/' };
    expect(isTrustedSender(navigated, navigated)).toBe(false);
    const devPage = { url: 'http://localhost:5173/' };
    expect(isTrustedSender(devPage, devPage)).toBe(false);
    expect(isTrustedSender(devPage, devPage, dev)).toBe(true);
  });
});

describe('content security policy for development', () => {
  it('relaxes only inline scripts and styles and the hot-reload socket of that dev server', () => {
    const policy = developmentContentSecurityPolicy(dev);
    const directives = (text: string) => Object.fromEntries(text.split('; ').map((d) => [d.split(' ')[0], d]));
    const production = directives(CONTENT_SECURITY_POLICY);
    const development = directives(policy);
    const changed = Object.keys(production).filter((name) => production[name] !== development[name]);
    expect(changed.sort()).toEqual(['connect-src', 'script-src', 'style-src']);
    expect(development['script-src']).toBe("script-src 'self' 'unsafe-inline'");
    expect(development['connect-src']).toBe("connect-src 'self' ws://localhost:5173");
    expect(policy).not.toMatch(/unsafe-eval|\*|https?:/);
  });
});

describe('application menu', () => {
  const roles = (template: ReturnType<typeof applicationMenuTemplate>): string[] =>
    template.flatMap((item) => [item.role ?? item.label ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

  it('in production: edit, window and zoom, no reload, DevTools or help links', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const all = roles(applicationMenuTemplate({ platform, development: false }));
      expect(all, platform).toEqual(expect.arrayContaining(['editMenu', 'windowMenu', 'zoomIn', 'zoomOut', 'resetZoom']));
      for (const missing of ['reload', 'forceReload', 'toggleDevTools', 'help']) expect(all, `${platform} ${missing}`).not.toContain(missing);
      expect(applicationMenuTemplate({ platform, development: false }).some((item) => item.click !== undefined)).toBe(false);
    }
    expect(roles(applicationMenuTemplate({ platform: 'darwin', development: false }))[0]).toBe('appMenu');
    expect(roles(applicationMenuTemplate({ platform: 'linux', development: false }))).toContain('quit');
  });

  it('in development: Reload and DevTools too', () => {
    expect(roles(applicationMenuTemplate({ platform: 'linux', development: true }))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('test bridge: writes only from its own page', () => {
  const ours = 'http://127.0.0.1:4000';
  const from = (headers: Record<string, string>) => isFromOurPage({ headers }, ours);
  it('accepts its own page and non-browser clients, refuses other origins and sites', () => {
    expect(from({ origin: ours, 'sec-fetch-site': 'same-origin' })).toBe(true);
    expect(from({})).toBe(true);
    expect(from({ origin: 'http://127.0.0.1:4001', 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(from({ 'sec-fetch-site': 'same-site' })).toBe(false);
    expect(from({ 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(from({ origin: 'null' })).toBe(false);
  });
});

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { developmentContentSecurityPolicy } from './electron/main/app-path';

// RECIPROCAL_OUT lets two builds (e.g. parallel e2e runs) use separate output folders.
const out = process.env.RECIPROCAL_OUT ?? 'out';

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;

/**
 * `npm run dev` only (apply: 'serve'): the dev server's page gets the development CSP in place of
 * the production one in renderer/index.html, which would block React Refresh's inline preamble,
 * Vite's injected <style> elements and the hot-reload socket. Builds keep the file's policy as it is.
 */
function developmentCsp(): Plugin {
  return {
    name: 'reciprocal:development-csp',
    apply: 'serve',
    transformIndexHtml(html, context) {
      const server = context.server;
      const url = server?.resolvedUrls?.local[0] ?? `http://localhost:${server?.config.server.port ?? 5173}`;
      if (!CSP_META.test(html)) throw new Error('renderer/index.html has no Content-Security-Policy meta tag to relax for development.');
      // frame-ancestors is ignored (with a console error) in a <meta> policy; the header keeps it.
      const policy = developmentContentSecurityPolicy(url)
        .split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; ');
      return html.replace(CSP_META, `$1${policy}$2`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      // A sandboxed preload can only require('electron'): bundle everything else, as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), developmentCsp()],
    build: {
      outDir: resolve(__dirname, out, 'renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
      // No inline scripts or styles: the CSP forbids them.
      assetsInlineLimit: 0,
    },
  },
});

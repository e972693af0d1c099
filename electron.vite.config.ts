import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// RECIPROCAL_OUT lets two builds (e.g. parallel e2e runs) use separate output folders.
const out = process.env.RECIPROCAL_OUT ?? 'out';

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
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, out, 'renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
      // No inline scripts or styles: the CSP forbids them.
      assetsInlineLimit: 0,
    },
  },
});

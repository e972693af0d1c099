import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries (lint)', () => {
  it('keep Electron out of the core and shared code', async () => {
    expect(await boundaryErrors('electron/core/example.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await boundaryErrors('shared/example.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await boundaryErrors('electron/main/example.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });

  it('keep Node modules out of shared code and the renderer', async () => {
    expect(await boundaryErrors('shared/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
    expect(await boundaryErrors('renderer/src/example.ts', "import path from 'path';\nexport const p = path;\n")).toHaveLength(1);
    expect(await boundaryErrors('electron/core/example.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(0);
  });

  it('let the renderer import only shared code', async () => {
    const errors = await boundaryErrors('renderer/src/features/x.ts', "import { createCore } from '../../../electron/core';\nexport const c = createCore;\n");
    expect(errors.some((m) => m.includes('import only shared'))).toBe(true);
    expect(await boundaryErrors('renderer/src/features/x.ts', "import { contract } from '../../../shared/contract';\nexport const c = contract;\n")).toHaveLength(0);
  });

  it('keep the core below main, preload and renderer', async () => {
    expect(await boundaryErrors('electron/core/x.ts', "import { win } from '../main/window';\nexport const w = win;\n")).toHaveLength(1);
  });
});

/** Messages of the run-time loading rule (no-restricted-syntax), which static-import linting cannot see. */
async function runtimeLoadErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('layer boundaries at run time (lint)', () => {
  const electronLoads = [
    "export const e = import('electron');\n",
    'export const e = import(`electron`);\n',
    "export const e = import('electron/main');\n",
    "declare const require: (id: string) => unknown;\nexport const e = require('electron');\n",
    "import { createRequire } from 'node:module';\nexport const e = createRequire(import.meta.url)('electron');\n",
    "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const e = load.call(null, 'x') ?? module.require('electron');\n",
  ];

  it('flag every way of loading Electron in the core', async () => {
    for (const code of electronLoads) expect(await runtimeLoadErrors('electron/core/example.ts', code), code).toHaveLength(1);
  });

  it('flag every way of loading Electron in shared code', async () => {
    for (const code of electronLoads) {
      expect((await runtimeLoadErrors('shared/example.ts', code)).some((m) => m.startsWith('Only electron/main')), code).toBe(true);
    }
  });

  it('let main load Electron, and the core load packages and its own files at run time', async () => {
    expect(await runtimeLoadErrors('electron/main/example.ts', "export const e = import('electron');\n")).toEqual([]);
    expect(await runtimeLoadErrors('electron/core/example.ts', "export const p = import('pdfkit');\nexport const f = import('node:fs');\n")).toEqual([]);
    // createRequire itself stays allowed in the core: logbook.ts resolves a font package's folder with it.
    expect(await runtimeLoadErrors('electron/core/example.ts', "import { createRequire } from 'node:module';\nexport const r = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');\n")).toEqual([]);
  });

  it('flag dynamic imports of Node modules and any require in shared code and the renderer', async () => {
    for (const file of ['shared/example.ts', 'renderer/src/example.tsx']) {
      expect(await runtimeLoadErrors(file, "export const f = import('node:fs');\n"), file).toHaveLength(1);
      expect(await runtimeLoadErrors(file, "export const f = import('fs/promises');\n"), file).toHaveLength(1);
      expect(await runtimeLoadErrors(file, 'export const f = import(`path`);\n'), file).toHaveLength(1);
      expect(await runtimeLoadErrors(file, "declare const require: (id: string) => unknown;\nexport const f = require('lodash');\n"), file).toHaveLength(1);
    }
  });

  it('flag a dynamic import of the main process or core from the renderer, but not lazy-loaded screens', async () => {
    expect(await runtimeLoadErrors('renderer/src/features/x.ts', "export const c = import('../../../electron/core');\n")).toHaveLength(1);
    expect(await runtimeLoadErrors('renderer/src/app/x.ts', "export const s = import('../features/pilots/PilotsPage');\n")).toEqual([]);
    expect(await runtimeLoadErrors('renderer/src/app/x.ts', "export const z = import('zod');\n")).toEqual([]);
  });
});

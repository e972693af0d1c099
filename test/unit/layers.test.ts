import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules are syntactic; the type-aware rules need a file that a tsconfig includes, which
// these made-up paths are not, so they are switched off for these snippets.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/switch-exhaustiveness-check': 'off', 'import-x/no-cycle': 'off' },
  },
});

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

describe('core feature boundaries (lint)', () => {
  it('let a core feature use another only through its index.ts', async () => {
    const inner = await boundaryErrors('electron/core/matching/engine/x.ts', "import { person } from '../../participants/repository';\nexport const p = person;\n");
    expect(inner).toHaveLength(1);
    expect(inner[0]).toMatch(/only through the other feature's index\.ts/);
    expect(await boundaryErrors('electron/core/matching/engine/x.ts', "import { person } from '../../participants';\nexport const p = person;\n")).toEqual([]);
    expect(await boundaryErrors('electron/core/meetings/x.ts', "import { person } from '../participants/index';\nexport const p = person;\n")).toEqual([]);
  });

  it('leave a feature its own modules, the contract in shared/, and infrastructure its reach', async () => {
    expect(await boundaryErrors('electron/core/participants/import/x.ts', "import { person } from '../repository';\nexport const p = person;\n")).toEqual([]);
    expect(await boundaryErrors('electron/core/matching/engine/x.ts', "import { statusLabels } from '../../../../shared/participants/contract';\nexport const s = statusLabels;\n")).toEqual([]);
    expect(await boundaryErrors('electron/core/registry/x.ts', "import { participantHandlers } from '../participants/handlers';\nexport const h = participantHandlers;\n")).toEqual([]);
  });

  it('flag a dynamic import of another feature’s inner module', async () => {
    expect(await runtimeLoadErrors('electron/core/meetings/x.ts', "export const m = import('../participants/lifecycle');\n")).toHaveLength(1);
    expect(await runtimeLoadErrors('electron/core/meetings/x.ts', "export const m = import('../participants');\n")).toEqual([]);
  });
});

describe('SQL in the core (lint)', () => {
  const prepares = "declare const db: { prepare(sql: string): unknown };\nexport const s = db.prepare('SELECT 1');\n";

  it('prepare statements only in the database layer: elsewhere SQL goes through db/query.ts', async () => {
    expect(await runtimeLoadErrors('electron/core/meetings/repository.ts', prepares)).toEqual([expect.stringMatching(/^Run SQL through electron\/core\/db\/query\.ts/)]);
    expect(await runtimeLoadErrors('electron/core/registry/registry.ts', prepares)).toHaveLength(1);
    expect(await runtimeLoadErrors('electron/core/db/query.ts', prepares)).toEqual([]);
  });

  it('keep SQL out of handlers.ts, in strings and templates, but not words that start like it', async () => {
    const sql = "export const a = 'SELECT pilot_id FROM meetings WHERE id = ?';\nexport const b = `UPDATE meetings SET note = ''`;\n";
    expect(await runtimeLoadErrors('electron/core/meetings/handlers.ts', sql)).toHaveLength(2);
    expect(await runtimeLoadErrors('electron/core/meetings/repository.ts', sql)).toEqual([]);
    expect(await runtimeLoadErrors('electron/core/meetings/handlers.ts', "export const m = 'Select a pilot first.';\n")).toEqual([]);
  });
});

describe('renderer feature boundaries (lint)', () => {
  const featureMessage = /Renderer features never import each other/;

  it('keep each renderer feature out of the others, also from a subfolder and at run time', async () => {
    const fromPairing = await boundaryErrors('renderer/src/features/pairing/PairingPage.tsx', "import { usePilotPeople } from '../participants/api';\nexport const u = usePilotPeople;\n");
    expect(fromPairing).toHaveLength(1);
    expect(fromPairing[0]).toMatch(featureMessage);
    expect(await boundaryErrors('renderer/src/features/pairing/propose/ProposeTab.tsx', "import { LogsPage } from '../../logs/LogsPage';\nexport const l = LogsPage;\n")).toHaveLength(1);
    expect((await runtimeLoadErrors('renderer/src/features/meetings/x.ts', "export const l = import('../logs/LogsPage');\n")).some((m) => featureMessage.test(m))).toBe(true);
  });

  it('let a feature use its own modules, app/ and ui/', async () => {
    expect(await boundaryErrors('renderer/src/features/pairing/propose/ProposeTab.tsx', "import { useSetRule } from '../api';\nexport const s = useSetRule;\n")).toEqual([]);
    expect(await boundaryErrors('renderer/src/features/pairing/PairingPage.tsx', "import { pairingPath } from '../../app/paths';\nimport { Tabs } from '../../ui/Tabs';\nexport const p = [pairingPath, Tabs];\n")).toEqual([]);
  });

  it('keep ui/ free of features and of app/, which compose it', async () => {
    expect(await boundaryErrors('renderer/src/ui/Table.tsx', "import { pairingPath } from '../app/paths';\nexport const p = pairingPath;\n")).toHaveLength(1);
    expect(await boundaryErrors('renderer/src/ui/Table.tsx', "import { PilotsPage } from '../features/pilots/PilotsPage';\nexport const p = PilotsPage;\n")).toHaveLength(1);
    expect(await boundaryErrors('renderer/src/ui/Table.tsx', "import { Button } from './Button';\nexport const b = Button;\n")).toEqual([]);
  });

  it('let app/ compose the features into screens', async () => {
    expect(await boundaryErrors('renderer/src/app/SettingsScreen.tsx', "import { RevealKey } from '../features/vault/KeySettings';\nexport const r = RevealKey;\n")).toEqual([]);
  });
});

describe('type-aware rules (lint)', () => {
  // A real file of the project, so that the project service knows its tsconfig; its text is replaced.
  const inProject = 'electron/core/util/json.ts';
  const typed = new ESLint();
  const ruleIds = async (code: string) => ((await typed.lintText(code, { filePath: inProject }))[0]?.messages ?? []).map((m) => m.ruleId);

  it('flag a promise nobody awaits, a switch that misses a case of its union, and an import cycle', async () => {
    expect(await ruleIds('async function save(): Promise<void> {}\nsave();\n')).toContain('@typescript-eslint/no-floating-promises');
    expect(await ruleIds('async function save(): Promise<void> {}\nvoid save();\n')).not.toContain('@typescript-eslint/no-floating-promises');
    const kind = (cases: string) => `export function kind(x: 'a' | 'b'): number {\n  switch (x) {\n${cases}  }\n  return 0;\n}\n`;
    expect(await ruleIds(kind("    case 'a':\n      return 1;\n"))).toContain('@typescript-eslint/switch-exhaustiveness-check');
    expect(await ruleIds(kind("    case 'a':\n      return 1;\n    case 'b':\n      return 2;\n"))).not.toContain('@typescript-eslint/switch-exhaustiveness-check');
    // demo/demo.ts imports util/json.ts, so util/json.ts importing the demo closes a loop.
    expect(await ruleIds("import { fillDemo } from '../demo/demo';\nexport const fill = fillDemo;\n")).toContain('import-x/no-cycle');
    expect(await ruleIds("import type { DemoOptions } from '../demo/demo';\nexport type Options = DemoOptions;\n")).not.toContain('import-x/no-cycle');
  }, 180_000);
});

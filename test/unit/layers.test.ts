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

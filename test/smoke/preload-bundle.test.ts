import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { channels } from '../../shared/contract';
import { PRELOAD_BUNDLE, assertBuilt } from './main-process';

/**
 * The BUILT preload (out/preload/index.cjs) loaded the way a sandboxed preload is: a CommonJS
 * function whose `require` gives only 'electron' (a stand-in with contextBridge and ipcRenderer here;
 * Electron's sandbox also allows a few Node polyfills, which the preload must not need).
 */
describe('the built preload', () => {
  let exposed: Map<string, unknown>;
  let invoked: { channel: string; input: unknown }[];
  let required: string[];

  beforeAll(() => {
    assertBuilt();
    exposed = new Map();
    invoked = [];
    required = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
      ipcRenderer: {
        invoke: (channel: string, input: unknown) => {
          invoked.push({ channel, input });
          return Promise.resolve({ ok: true, value: null });
        },
      },
    };
    const sandboxedRequire = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`A sandboxed preload cannot require('${name}'): bundle it (electron.vite.config.ts) instead.`);
    };
    const module = { exports: {} };
    const wrapper = runInNewContext(`(function (exports, require, module) {${readFileSync(PRELOAD_BUNDLE, 'utf8')}\n})`, { console }, { filename: PRELOAD_BUNDLE });
    wrapper(module.exports, sandboxedRequire, module);
  });

  it("requires nothing but 'electron' and exposes only window.api", () => {
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it('window.api has one method per contract channel, each invoking that channel', async () => {
    const api = exposed.get('api') as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const methods = Object.entries(api).flatMap(([namespace, group]) => Object.keys(group).map((method) => `${namespace}.${method}`));
    expect(methods.sort()).toEqual([...channels].sort());
    await api.vault!.unlock!({ passphrase: 'x' });
    await api.vault!.status!();
    expect(invoked).toEqual([
      { channel: 'vault.unlock', input: { passphrase: 'x' } },
      { channel: 'vault.status', input: {} },
    ]);
  });
});

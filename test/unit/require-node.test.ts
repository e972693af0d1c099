import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ELECTRON_TOOLING_NODE, atLeast, nodeVersionProblem } from '../../scripts/require-node.mjs';

const enginesOf = (name: string) => (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { engines: { node: string } }).engines.node;

describe('which Node the Electron commands need (npm start, npm run dev, npm run dist)', () => {
  it("is what Electron's own tooling declares", () => {
    for (const name of ['electron', '@electron/get', '@electron/rebuild']) {
      expect(enginesOf(name).replace(/\s/g, '')).toBe(`>=${ELECTRON_TOOLING_NODE}`);
    }
  });

  it('compares versions numerically', () => {
    expect(atLeast('22.12.0', '22.12.0')).toBe(true);
    expect(atLeast('22.9.0', '22.12.0')).toBe(false);
    expect(atLeast('24.0.1', '22.12.0')).toBe(true);
    expect(atLeast('v20.20.2', '22.12.0')).toBe(false);
  });

  it('says plainly what is needed, why, and what works on older Node', () => {
    expect(nodeVersionProblem('npm start', '22.12.0')).toBeUndefined();
    const problem = nodeVersionProblem('npm start', '20.20.2');
    expect(problem).toContain('`npm start` needs Node 22.12.0 or newer; this is Node 20.20.2.');
    expect(problem).toContain('Electron 45 and its tools (electron, @electron/get, @electron/rebuild) require Node >= 22.12.0');
    expect(problem).toContain('Tests and the command line work on Node 20.19 or newer');
  });

  // The commands themselves can only be run to their refusal on an older Node; on a new enough one
  // `npm start` would go on to launch the app, which no test here should do.
  const older = !atLeast(process.versions.node, ELECTRON_TOOLING_NODE);
  if (!older) console.log(`Skipping the refusal runs: this Node (${process.versions.node}) is new enough to start the app.`);
  it.skipIf(!older)('npm start, npm run dev and npm run dist stop before doing anything, with exit 1', () => {
    for (const [command, program, args] of [
      ['npm start', process.execPath, ['scripts/start.mjs', 'preview']],
      ['npm run dev', process.execPath, ['scripts/start.mjs', 'dev']],
      ['npm run dist', 'bash', ['scripts/dist.sh']],
    ] as const) {
      const result = spawnSync(program, args, { encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`${nodeVersionProblem(command)}\n`);
      expect(result.stdout).toBe(''); // nothing was built, prepared or launched
    }
  });
});

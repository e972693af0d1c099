// The Node version the Electron commands need, checked before they do anything else.
// Electron 45's own tooling declares Node >= 22.12 in its package.json "engines": electron (its
// launcher), @electron/get (downloads Electron and its headers) and @electron/rebuild; electron-vite
// and electron-builder run on top of them. Tests and the CLI need only Node 20.19+ (package.json).
// test/unit/require-node.test.ts keeps ELECTRON_TOOLING_NODE equal to what those packages declare.
// Plain JavaScript with no dependencies, so it runs (and explains) on any Node.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ELECTRON_TOOLING_NODE = '22.12.0';

const parts = (version) => version.replace(/^v/, '').split('.').map((part) => Number.parseInt(part, 10) || 0);

/** Whether `version` is at least `minimum` (both like 22.12.0). */
export function atLeast(version, minimum) {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i += 1) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** What to tell someone running `command` on Node `version`, or undefined when it is new enough. */
export function nodeVersionProblem(command, version = process.versions.node) {
  if (atLeast(version, ELECTRON_TOOLING_NODE)) return undefined;
  return [
    `\`${command}\` needs Node ${ELECTRON_TOOLING_NODE} or newer; this is Node ${version}.`,
    `Why: Electron 45 and its tools (electron, @electron/get, @electron/rebuild) require Node >= ${ELECTRON_TOOLING_NODE} to download, build for and launch the desktop app.`,
    'Install a newer Node (for example `nvm install 22`) and run it again.',
    'Tests and the command line work on Node 20.19 or newer: `npm test`, `npm run cli`, `npm run dev:web`.',
  ].join('\n');
}

/** Exits with status 1 and the explanation when this Node is too old for `command`. */
export function requireNodeFor(command) {
  const problem = nodeVersionProblem(command);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

// `node scripts/require-node.mjs "npm run dist"` (from shell scripts).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) requireNodeFor(process.argv[2] ?? 'this command');

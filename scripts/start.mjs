// `npm start` (node scripts/start.mjs preview) and `npm run dev` (… dev): check Node, prepare the
// SQLCipher module for Electron (scripts/prepare-electron-native.ts), then hand over to electron-vite.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireNodeFor } from './require-node.mjs';

const modes = { preview: 'npm start', dev: 'npm run dev' };
const mode = process.argv[2];
if (!(mode in modes)) {
  console.error(`Usage: node scripts/start.mjs ${Object.keys(modes).join('|')} [electron-vite options]`);
  process.exit(2);
}
requireNodeFor(modes[mode]);

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

const prepared = step(['--import', 'tsx', join(root, 'scripts', 'prepare-electron-native.ts')]);
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

const app = step([join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), mode, ...process.argv.slice(3)]);
process.exit(app.status ?? 1);

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the Electron binary is, or why there is none. Does not `require('electron')`:
 * that would try to download the binary, which this sandbox cannot do.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const pkg = resolve('node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { missing: 'node_modules/electron has no downloaded binary (no path.txt); run `npx install-electron` where downloads work.' };
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary ${binary} is not installed.` };
}

// electron-builder afterPack hook (electron-builder.yml): fails the packaging when the package lacks
// the SQLCipher module for the Electron it ships, which the app would only discover on first start.
// The names mirror electron/core/db/native-binding.ts (test/unit/native-binding-package.test.ts checks
// this hook against them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']; // builder-util's Arch enum, by value

/** Where the packaged app looks (process.resourcesPath/native/electron-<platform>-<arch>), or the problem. */
export function packagedNativeProblem({ resourcesDir, platform, arch, electronVersion }) {
  const folder = join(resourcesDir, 'native', `electron-${platform}-${arch}`);
  const module = join(folder, 'better_sqlite3.node');
  const stampPath = join(folder, 'better_sqlite3.stamp.json');
  if (!existsSync(module) || !existsSync(stampPath)) {
    return `The package has no SQLCipher module at ${module}: run \`npm run prepare:electron -- --platform ${platform} --arch ${arch}\` before packaging.`;
  }
  const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  if (stamp.electron !== electronVersion || stamp.platform !== platform || stamp.arch !== arch) {
    return `The packaged SQLCipher module was built for Electron ${stamp.electron} on ${stamp.platform}-${stamp.arch}, not Electron ${electronVersion} on ${platform}-${arch}: run \`npm run prepare:electron -- --platform ${platform} --arch ${arch}\`.`;
  }
  return undefined;
}

export default async function afterPack(context) {
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const electronVersion = context.packager.config.electronVersion ?? JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  const problem = packagedNativeProblem({ resourcesDir: context.packager.getResourcesDir(context.appOutDir), platform, arch, electronVersion });
  if (problem) throw new Error(problem);
}

/**
 * `npm run dev:web`: builds the renderer, then serves it and the core handlers on 127.0.0.1.
 *   RECIPROCAL_VAULT=DIR   the vault folder (default: ./.vault-dev)
 *   RECIPROCAL_EXPORT_DIR=DIR   where exports (calendars, log books) are written (default: ./.exports-dev)
 *   --port N               a fixed port (default: a free one)
 * Prints one line: `Reciprocal test bridge: http://127.0.0.1:<port>/?token=<random>`.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync, mkdirSync } from 'node:fs';
import { startBridge } from './server';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const staticDir = resolve('out/renderer');
if (!existsSync(staticDir)) {
  console.error('out/renderer is missing: run `npm run build` first.');
  process.exit(2);
}

function exportDir(): string {
  const dir = resolve(process.env.RECIPROCAL_EXPORT_DIR ?? '.exports-dev');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const bridge = await startBridge({
  vaultDir: resolve(process.env.RECIPROCAL_VAULT ?? '.vault-dev'),
  exportDir: exportDir(),
  staticDir,
  ...(values.port ? { port: Number(values.port) } : {}),
});
console.log(`Reciprocal test bridge: ${bridge.url}`);
const stop = () => void bridge.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

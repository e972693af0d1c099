/**
 * Runs every benchmark (`bench/*.bench.ts`) or those named on the command line:
 *   npm run bench            all
 *   npm run bench -- vault   only bench/vault.bench.ts
 * Each prints `BENCH <name> <value> <unit>` lines. Figures, not pass/fail: targets are in the issues.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')))
  .sort();
console.log(`# Reciprocal benchmarks on ${process.platform} ${process.arch}, Node ${process.version}`);
for (const file of benches) {
  console.log(`# ${file}`);
  const bench = (await import(join(here, file))) as { run: () => Promise<void> };
  await bench.run();
}

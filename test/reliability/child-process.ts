/**
 * Children for the kill -9 tests: bundled once with esbuild so each starts in plain Node without
 * compiling TypeScript again, then killed with SIGKILL a chosen time after they say "ready".
 */
import { spawn } from 'node:child_process';
import { build, type Plugin } from 'esbuild';

/**
 * Replaces the passphrase checker's word lists with empty ones. Decompressing them takes a child
 * about a second, longer than the operations it is killed in; the check itself still runs (and
 * runs before any file is touched), it only knows fewer words. The passphrases used are strong.
 */
export const withoutPassphraseWordLists: Plugin = {
  name: 'without-passphrase-word-lists',
  setup(b) {
    b.onResolve({ filter: /^\.\/\w+\.json\.[cm]?js$/ }, (args) => (args.importer.includes('@zxcvbn-ts') && !args.path.includes('adjacencyGraphs') ? { path: args.path, namespace: 'empty-word-list' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'empty-word-list' }, () => ({ contents: 'module.exports = [];', loader: 'js' }));
  },
};

export async function bundleChild(entry: string, outfile: string, plugins: Plugin[] = []): Promise<void> {
  await build({
    plugins,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    // Aliased: bundled dependencies may import createRequire themselves.
    banner: { js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

export interface ChildRun {
  /** True when the SIGKILL ended it; false when it finished first. */
  killed: boolean;
  /** What it printed after "ready" ("done <ms>" when it finished). */
  lines: string[];
}

/**
 * Runs `node bundle ...args`; `killAfterMs` after it prints "ready", SIGKILL. Without `killAfterMs`
 * it runs to the end (to measure how long the operation takes). A child that fails by itself
 * rejects, with its stderr.
 */
export function runChild(bundle: string, args: string[], env: Record<string, string>, killAfterMs?: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const complete = buffer.split('\n');
      buffer = complete.pop()!;
      for (const line of complete) {
        if (line === 'ready') {
          if (killAfterMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        } else lines.push(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ killed: true, lines });
      else if (code === 0) resolve({ killed: false, lines });
      else reject(new Error(`child ${args[0]} exited with code ${code}: ${stderr}`));
    });
  });
}

/** How long the operation took in a run that finished ("done <ms>"). */
export function doneMs(run: ChildRun): number {
  const done = run.lines.find((line) => line.startsWith('done '));
  if (!done) throw new Error(`the child did not finish: ${run.lines.join(' | ')}`);
  return Number(done.slice(5));
}

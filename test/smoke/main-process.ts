import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const MAIN_BUNDLE = resolve('out/main/index.js');
export const PRELOAD_BUNDLE = resolve('out/preload/index.cjs');
export const RENDERER_INDEX = resolve('out/renderer/index.html');

/** Fails with what to run when the bundles were not built (the smoke test runs after `npm run build`). */
export function assertBuilt(): void {
  for (const file of [MAIN_BUNDLE, PRELOAD_BUNDLE, RENDERER_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test builds before this step).`);
  }
}

export interface Report {
  calls: string[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocols: string[];
  ipcChannels: string[];
  menuSet: boolean;
  powerMonitorEvents: string[];
  errorBoxes: { title: string; content: string }[];
  exitCode: number | null;
  quitCompleted: boolean;
  events: { event: string; prevented: boolean; vault: string | null }[];
  windows: { options: { webPreferences: Record<string, unknown> } & Record<string, unknown>; url: string; shown: boolean; destroyed: boolean }[];
  pageScripts: string[];
}

export interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The built main process running in a child Node process with the electron stand-in
 * (test/smoke/electron-stub), steered through the commands of test/smoke/run-main.mjs.
 */
export class MainProcess {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private output = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.on('message', (message: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(message.error));
    });
    child.on('exit', (code) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`The main process exited (${code}) before answering. Its output:\n${this.output}`));
      this.pending.clear();
    });
  }

  /** Starts the bundle and waits until its module body has run (it then awaits 'ready'). */
  static async start(env: Record<string, string>): Promise<MainProcess> {
    const child = fork(resolve('test/smoke/run-main.mjs'), [], {
      execArgv: ['--import', resolve('test/smoke/electron-stub/register.mjs')],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', MAIN_BUNDLE, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const main = new MainProcess(child);
    await new Promise<void>((done, fail) => {
      child.on('message', (message: { loaded?: boolean }) => message.loaded && done());
      child.on('exit', (code) => fail(new Error(`The built main process failed to load (exit ${code}):\n${main.output}`)));
    });
    return main;
  }

  send<T>(command: string, ...args: unknown[]): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.child.connected) return reject(new Error(`The main process has exited; it could not run "${command}". Its output:\n${this.output}`));
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, command, args });
    });
  }

  report(): Promise<Report> {
    return this.send<Report>('report');
  }

  /** What the process printed (main logs errors to stderr). */
  get printed(): string {
    return this.output;
  }

  stop(): void {
    this.child.kill();
  }
}

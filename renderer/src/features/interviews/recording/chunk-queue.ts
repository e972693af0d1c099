/**
 * The recorder's chunks on their way to the main process: in order, one in flight at a time, each
 * retried until it is stored (a busy disk, a moment's lock contention). The main process treats a
 * repeat of the last sequence as done, so a retry after an answer that never arrived is harmless.
 */
export type SendChunk = (sequence: number, chunk: Blob) => Promise<void>;

export type QueueState = {
  /** Chunks handed over, stored or not. */
  queued: number;
  /** Chunks the main process has stored. */
  stored: number;
  /** The last failure while it is being retried; undefined once a send succeeds. */
  failing?: string;
  /** A failure retrying cannot mend (the vault locked, consent withdrawn): nothing more is sent. */
  fatal?: boolean;
};

/** Waits between retries: quick at first, then every few seconds. */
export const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000] as const;

export class ChunkQueue {
  private readonly chunks: Blob[] = [];
  private stored = 0;
  private failing: string | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly send: SendChunk,
    private readonly onChange: (state: QueueState) => void = () => undefined,
    private readonly wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    private readonly retryable: (error: unknown) => boolean = () => true,
  ) {}

  private fatal = false;

  get state(): QueueState {
    return { queued: this.chunks.length, stored: this.stored, failing: this.failing, ...(this.fatal ? { fatal: true } : {}) };
  }

  /** Adds the next chunk (sequence = its place) and starts sending if nothing is in flight. */
  push(chunk: Blob): number {
    const sequence = this.chunks.length;
    this.chunks.push(chunk);
    this.changed();
    this.start();
    return sequence;
  }

  /**
   * Resolves once every chunk handed over is stored. With `attempts`, gives up after that many
   * failures of one chunk (a lock cannot wait for ever) and rejects with the last error.
   */
  async drain(attempts?: number): Promise<void> {
    this.attemptsLeft = attempts;
    this.start();
    while (this.running) await this.running;
    if (this.stored < this.chunks.length) throw new Error(this.failing ?? 'Some of the recording could not be saved.');
  }

  /** Stops retrying (the vault is locking): what is stored stays stored. */
  abandon(): void {
    this.stopped = true;
  }

  private attemptsLeft: number | undefined;

  private start() {
    if (this.running || this.stopped || this.stored >= this.chunks.length) return;
    this.running = this.run().finally(() => (this.running = undefined));
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.stored < this.chunks.length && !this.stopped) {
      const sequence = this.stored;
      try {
        await this.send(sequence, this.chunks[sequence]!);
        this.stored += 1;
        failures = 0;
        this.failing = undefined;
        this.changed();
      } catch (error) {
        failures += 1;
        this.failing = error instanceof Error ? error.message : String(error);
        if (!this.retryable(error)) this.fatal = this.stopped = true;
        this.changed();
        if (this.fatal) return;
        if (this.attemptsLeft !== undefined && failures >= this.attemptsLeft) return;
        await this.wait(RETRY_DELAYS_MS[Math.min(failures - 1, RETRY_DELAYS_MS.length - 1)]!);
      }
    }
  }

  private changed() {
    this.onChange(this.state);
  }
}

import { describe, expect, it } from 'vitest';
import { ChunkQueue } from '../chunk-queue';

const chunk = (text: string) => new Blob([text]);
const noWait = () => Promise.resolve();

describe('the queue of recorded chunks', () => {
  it('sends chunks in order, one at a time, numbered from 0', async () => {
    const sent: [number, string][] = [];
    let inFlight = 0;
    let most = 0;
    const queue = new ChunkQueue(async (sequence, blob) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push([sequence, await blob.text()]);
      inFlight -= 1;
    }, undefined, noWait);
    for (const text of ['a', 'b', 'c', 'd']) queue.push(chunk(text));
    await queue.drain();
    expect(sent).toEqual([[0, 'a'], [1, 'b'], [2, 'c'], [3, 'd']]);
    expect(most).toBe(1);
    expect(queue.state).toEqual({ queued: 4, stored: 4, failing: undefined });
  });

  it('retries a failed chunk before the next and reports the failure until it goes through', async () => {
    const attempts: number[] = [];
    const states: (string | undefined)[] = [];
    let failuresLeft = 2;
    const queue = new ChunkQueue(
      async (sequence) => {
        attempts.push(sequence);
        if (sequence === 1 && failuresLeft-- > 0) throw new Error('The vault is busy');
      },
      (state) => states.push(state.failing),
      noWait,
    );
    queue.push(chunk('a'));
    queue.push(chunk('b'));
    queue.push(chunk('c'));
    await queue.drain();
    expect(attempts).toEqual([0, 1, 1, 1, 2]);
    expect(states).toContain('The vault is busy');
    expect(queue.state.failing).toBeUndefined();
  });

  it('gives up after the attempts a drain allows, saying why, and keeps what was stored', async () => {
    const queue = new ChunkQueue(async (sequence) => {
      if (sequence === 1) throw new Error('Disk full');
    }, undefined, noWait);
    queue.push(chunk('a'));
    queue.push(chunk('b'));
    await expect(queue.drain(3)).rejects.toThrow('Disk full');
    expect(queue.state.stored).toBe(1);
  });

  it('stops at once on a failure retrying cannot mend, and sends nothing more', async () => {
    const attempts: number[] = [];
    const queue = new ChunkQueue(
      async (sequence) => {
        attempts.push(sequence);
        if (sequence === 1) throw Object.assign(new Error('The vault is locked.'), { code: 'VAULT_LOCKED' });
      },
      undefined,
      noWait,
      (error) => (error as { code?: string }).code !== 'VAULT_LOCKED',
    );
    for (const text of ['a', 'b', 'c']) queue.push(chunk(text));
    await expect(queue.drain()).rejects.toThrow('The vault is locked.');
    expect(attempts).toEqual([0, 1]);
    expect(queue.state).toMatchObject({ stored: 1, queued: 3, fatal: true });
  });
});

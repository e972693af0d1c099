import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SegmentedHeaps } from '../../../electron/core/matching/segmented-heaps';

describe('SegmentedHeaps', () => {
  it('keeps independent heaps that pop in order, whatever mix of fill, push and replaceTop built them', () => {
    const operations = fc.array(
      fc.record({ heap: fc.nat(2), kind: fc.constantFrom('push', 'replaceTop'), item: fc.integer({ min: -50, max: 50 }) }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 10 }), operations, (initial, ops) => {
        // Heap 0 is a max-heap, heaps 1 and 2 are min-heaps: the order comes from `above`.
        const heaps = new SegmentedHeaps([80, 80, 80], (heap, a, b) => (heap === 0 ? a > b : a < b));
        const models: number[][] = [[...initial], [], []];
        heaps.fill(0, initial);
        for (const { heap, kind, item } of ops) {
          if (kind === 'push' || heaps.size(heap) === 0) {
            heaps.push(heap, item);
            models[heap]!.push(item);
          } else {
            const removed = heaps.replaceTop(heap, item);
            const model = models[heap]!;
            expect(removed).toBe(heap === 0 ? Math.max(...model) : Math.min(...model));
            model.splice(model.indexOf(removed), 1, item);
          }
        }
        models.forEach((model, heap) => {
          expect([...heaps.items(heap)].sort((a, b) => a - b)).toEqual([...model].sort((a, b) => a - b));
          const popped = model.map(() => heaps.pop(heap));
          expect(popped).toEqual([...model].sort((a, b) => (heap === 0 ? b - a : a - b)));
        });
      }),
    );
  });
});

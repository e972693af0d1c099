/**
 * Many small binary heaps of integers packed in one Int32Array: heap k owns the slots
 * [offset[k], offset[k] + room[k]). `above(k, a, b)` says whether item a belongs nearer the top of
 * heap k than item b; it must be a strict order for the results to be deterministic.
 */
export class SegmentedHeaps {
  private readonly offset: Int32Array;
  private readonly length: Int32Array;
  private readonly slots: Int32Array;

  constructor(
    room: ArrayLike<number>,
    private readonly above: (heap: number, a: number, b: number) => boolean,
  ) {
    this.offset = new Int32Array(room.length + 1);
    for (let k = 0; k < room.length; k++) this.offset[k + 1] = this.offset[k]! + room[k]!;
    this.length = new Int32Array(room.length);
    this.slots = new Int32Array(this.offset[room.length]!);
  }

  size(heap: number): number {
    return this.length[heap]!;
  }

  top(heap: number): number {
    if (this.length[heap] === 0) throw new RangeError(`Heap ${heap} is empty.`);
    return this.slots[this.offset[heap]!]!;
  }

  items(heap: number): Int32Array {
    return this.slots.subarray(this.offset[heap]!, this.offset[heap]! + this.length[heap]!);
  }

  /** Replaces heap k's content with `items` (at most its room) in O(items). */
  fill(heap: number, items: ArrayLike<number>): void {
    this.slots.set(items, this.offset[heap]!);
    this.length[heap] = items.length;
    for (let k = (items.length >> 1) - 1; k >= 0; k--) this.siftDown(heap, k);
  }

  push(heap: number, item: number): void {
    let k = this.length[heap]!;
    this.slots[this.offset[heap]! + k] = item;
    this.length[heap] = k + 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.isAbove(heap, k, parent)) return;
      this.swap(heap, k, parent);
      k = parent;
    }
  }

  /** Removes and returns the top item. */
  pop(heap: number): number {
    const top = this.top(heap);
    const last = this.length[heap]! - 1;
    this.slots[this.offset[heap]!] = this.slots[this.offset[heap]! + last]!;
    this.length[heap] = last;
    this.siftDown(heap, 0);
    return top;
  }

  /** Swaps the top item for another and returns the one removed. */
  replaceTop(heap: number, item: number): number {
    const top = this.top(heap);
    this.slots[this.offset[heap]!] = item;
    this.siftDown(heap, 0);
    return top;
  }

  private isAbove(heap: number, x: number, y: number): boolean {
    const base = this.offset[heap]!;
    return this.above(heap, this.slots[base + x]!, this.slots[base + y]!);
  }

  private swap(heap: number, x: number, y: number): void {
    const base = this.offset[heap]!;
    const t = this.slots[base + x]!;
    this.slots[base + x] = this.slots[base + y]!;
    this.slots[base + y] = t;
  }

  private siftDown(heap: number, position: number): void {
    const length = this.length[heap]!;
    let k = position;
    for (;;) {
      const left = 2 * k + 1;
      let highest = k;
      if (left < length && this.isAbove(heap, left, highest)) highest = left;
      if (left + 1 < length && this.isAbove(heap, left + 1, highest)) highest = left + 1;
      if (highest === k) return;
      this.swap(heap, k, highest);
      k = highest;
    }
  }
}

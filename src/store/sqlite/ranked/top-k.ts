/**
 * The best `k` of scored matches, best first: a min-heap of size k over the scores (O(n log k)), since a
 * query of common words matches a large share of the archive and a full sort of every match would cost
 * more than scoring them. Ties go to the lower id, so that a ranking is the same on every run.
 */

/** Is (sa, ia) ranked before (sb, ib)? */
function before(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa > sb || (sa === sb && ia < ib);
}

/** Indexes (into `ids`/`scores`) of the best `k`, best first. */
export function topK(ids: ArrayLike<number>, scores: ArrayLike<number>, k: number): number[] {
  const n = ids.length;
  if (k <= 0 || n === 0) return [];
  const size = Math.min(k, n);
  // heap[0] is the worst of the kept ones.
  const heap = new Int32Array(size);
  let len = 0;
  const worse = (a: number, b: number) => before(scores[b]!, ids[b]!, scores[a]!, ids[a]!);
  const siftUp = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      const t = heap[i]!; heap[i] = heap[p]!; heap[p] = t;
      i = p;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < len && worse(heap[l]!, heap[m]!)) m = l;
      if (r < len && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      const t = heap[i]!; heap[i] = heap[m]!; heap[m] = t;
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (len < size) {
      heap[len++] = i;
      siftUp(len - 1);
    } else if (before(scores[i]!, ids[i]!, scores[heap[0]!]!, ids[heap[0]!]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return [...heap.subarray(0, len)].sort((a, b) => (before(scores[a]!, ids[a]!, scores[b]!, ids[b]!) ? -1 : 1));
}

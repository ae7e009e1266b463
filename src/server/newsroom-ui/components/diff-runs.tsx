/** A word diff as RTL text: deletions in `<del>`, insertions in `<ins>`, all text escaped by hono/jsx. */
import type { DiffRun } from '../../../newsroom/index.js';

/** The runs in order. */
export function DiffRuns(p: { runs: readonly DiffRun[] }) {
  return (
    <span dir="rtl">
      {p.runs.map((r) => (r.op === 'add' ? <ins>{r.text}</ins> : r.op === 'del' ? <del>{r.text}</del> : r.text))}
    </span>
  );
}

/** How many changes the runs hold (a deletion followed by its insertion is one). */
export function changeCount(runs: readonly DiffRun[]): number {
  let n = 0;
  runs.forEach((r, i) => {
    if (r.op === 'add' || (r.op === 'del' && runs[i + 1]?.op !== 'add')) n++;
  });
  return n;
}

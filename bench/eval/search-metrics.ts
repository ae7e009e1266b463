/** Glue between search results and the TREC measures of trec.ts, for the search evaluation. */
import { evaluate, readQrels, type Evaluation, type Run } from './trec.js';

/** One line of a run, as the evaluation collects it. */
export interface RunLine {
  qid: string;
  docno: string;
  rank: number;
  score: number;
}

/** MAP, P@10, nDCG@10 and R@depth of a run against qrels text. */
export function evaluateRun(qrelsText: string, lines: readonly RunLine[], depth: number): Evaluation {
  const run: Run = new Map();
  for (const l of lines) {
    const list = run.get(l.qid) ?? [];
    list.push({ docno: l.docno, score: l.score });
    run.set(l.qid, list);
  }
  return evaluate(readQrels(qrelsText), run, { depth });
}

/** A markdown table row. */
export function formatMetricsRow(system: string, queries: string, e: Evaluation): string {
  const m = e.mean;
  return `| ${system} | ${queries} | ${m.map.toFixed(3)} | ${m.p10.toFixed(3)} | ${m.ndcg10.toFixed(3)} | ${m.r1000.toFixed(3)} |`;
}

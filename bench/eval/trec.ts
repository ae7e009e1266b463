/**
 * TREC evaluation, written to agree with trec_eval 9.x (https://github.com/usnistgov/trec_eval) on the
 * measures the search evaluation reports: MAP (`map`), P@10 (`P_10`), nDCG@10 (`ndcg_cut_10`) and
 * R@1000 (`recall_1000`), averaged as `trec_eval -c` does (over every judged query with a relevant
 * document; a query the run misses scores 0). Conventions kept from trec_eval:
 * - a document is relevant when its judgment is ≥ 1; the nDCG gain is the judgment itself (negative → 0);
 * - the run's rank column is ignored: documents are ordered by score descending, ties by docno
 *   descending (trec_eval `form_res_rels.c` sorts that way), and only the first `depth` are used;
 * - P@10 divides by 10 even when fewer than 10 documents were retrieved;
 * - the ideal DCG is built from the judgments, not from the run.
 */
import { KhabarError } from '../../src/errors/index.js';

/** Judgments: query id → docno → relevance level. */
export type Qrels = Map<string, Map<string, number>>;

/** One retrieved document of a run. */
export interface RunEntry {
  docno: string;
  score: number;
}

/** A run: query id → retrieved documents, in file order. */
export type Run = Map<string, RunEntry[]>;

/** Measures of one query. */
export interface QueryMetrics {
  qid: string;
  /** Average precision (trec_eval `map` for this query). */
  ap: number;
  /** Precision at 10. */
  p10: number;
  /** nDCG at 10, trec_eval `ndcg_cut_10`. */
  ndcg10: number;
  /** Recall at 1000. */
  r1000: number;
  /** Relevant documents in the judgments. */
  numRel: number;
  /** Documents retrieved (after the depth cut). */
  numRet: number;
  /** Relevant documents retrieved. */
  relRet: number;
}

/** Per-query and mean measures. */
export interface Evaluation {
  queries: QueryMetrics[];
  /** Means over `queries`. */
  mean: { map: number; p10: number; ndcg10: number; r1000: number };
}

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  /** Documents per query used, like `trec_eval -M`; default 1000. */
  depth?: number;
}

function lines(text: string): Array<[number, string[]]> {
  if (typeof text !== 'string') throw new KhabarError('INVALID_INPUT', 'TREC file text must be a string');
  const out: Array<[number, string[]]> = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const f = line.trim().split(/\s+/);
    if (f[0] !== '') out.push([i + 1, f]);
  });
  return out;
}

/**
 * Reads a qrels file: `qid iter docno rel` per line (the iter column is ignored).
 * @throws KhabarError INVALID_INPUT naming the line of a malformed entry or a repeated judgment.
 */
export function readQrels(text: string): Qrels {
  const qrels: Qrels = new Map();
  for (const [n, f] of lines(text)) {
    if (f.length !== 4) throw new KhabarError('INVALID_INPUT', `qrels line ${n}: expected "qid iter docno rel", got ${f.length} fields`);
    const [qid, , docno, relText] = f as [string, string, string, string];
    if (!/^-?\d+$/.test(relText)) throw new KhabarError('INVALID_INPUT', `qrels line ${n}: relevance "${relText}" is not an integer`);
    let q = qrels.get(qid);
    if (!q) qrels.set(qid, (q = new Map()));
    if (q.has(docno)) throw new KhabarError('INVALID_INPUT', `qrels line ${n}: ${docno} is judged twice for query ${qid}`);
    q.set(docno, Number(relText));
  }
  return qrels;
}

/**
 * Reads a run file: `qid Q0 docno rank score tag` per line.
 * @throws KhabarError INVALID_INPUT naming the line of a malformed entry or a docno retrieved twice for
 *   one query (trec_eval refuses such runs too).
 */
export function readRun(text: string): Run {
  const run: Run = new Map();
  const seen = new Map<string, Set<string>>();
  for (const [n, f] of lines(text)) {
    if (f.length !== 6) throw new KhabarError('INVALID_INPUT', `run line ${n}: expected "qid Q0 docno rank score tag", got ${f.length} fields`);
    const [qid, , docno, , scoreText] = f as [string, string, string, string, string, string];
    const score = Number(scoreText);
    if (!Number.isFinite(score)) throw new KhabarError('INVALID_INPUT', `run line ${n}: score "${scoreText}" is not a number`);
    let s = seen.get(qid);
    if (!s) seen.set(qid, (s = new Set()));
    if (s.has(docno)) throw new KhabarError('INVALID_INPUT', `run line ${n}: ${docno} is retrieved twice for query ${qid}`);
    s.add(docno);
    let list = run.get(qid);
    if (!list) run.set(qid, (list = []));
    list.push({ docno, score });
  }
  return run;
}

/** trec_eval's order: score descending, then docno descending (byte order, as strcmp). */
function trecOrder(a: RunEntry, b: RunEntry): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.docno < b.docno ? 1 : a.docno > b.docno ? -1 : 0;
}

/** Measures one query. `judged` holds the query's judgments; `entries` its retrieved documents. */
function evaluateQuery(qid: string, judged: Map<string, number>, entries: readonly RunEntry[], depth: number): QueryMetrics {
  const ranked = [...entries].sort(trecOrder).slice(0, depth);
  const gains = [...judged.values()];
  const numRel = gains.filter((g) => g >= 1).length;
  let relRet = 0;
  let sumPrec = 0;
  let rel10 = 0;
  let rel1000 = 0;
  let dcg = 0;
  ranked.forEach((e, i) => {
    const g = judged.get(e.docno) ?? 0;
    if (i < 10 && g > 0) dcg += g / Math.log2(i + 2);
    if (g >= 1) {
      relRet++;
      sumPrec += relRet / (i + 1);
      if (i < 10) rel10++;
      if (i < 1000) rel1000++;
    }
  });
  const ideal = gains.filter((g) => g > 0).sort((a, b) => b - a).slice(0, 10);
  const idcg = ideal.reduce((s, g, i) => s + g / Math.log2(i + 2), 0);
  return {
    qid,
    ap: numRel ? sumPrec / numRel : 0,
    p10: rel10 / 10,
    ndcg10: idcg > 0 ? dcg / idcg : 0,
    r1000: numRel ? rel1000 / numRel : 0,
    numRel,
    numRet: ranked.length,
    relRet,
  };
}

/**
 * Evaluates a run against judgments. Queries are those of `qrels` with at least one relevant document,
 * in qid order (numeric when all are numbers); a query absent from the run scores 0 on every measure
 * (`trec_eval -c`); run queries without judgments are ignored.
 */
export function evaluate(qrels: Qrels, run: Run, options: EvaluateOptions = {}): Evaluation {
  const depth = options.depth ?? 1000;
  if (!Number.isInteger(depth) || depth < 1) throw new KhabarError('INVALID_OPTION', `depth must be a positive integer, got ${String(options.depth)}`);
  const qids = [...qrels.keys()].filter((q) => [...qrels.get(q)!.values()].some((g) => g >= 1));
  const numeric = qids.every((q) => /^\d+$/.test(q));
  qids.sort((a, b) => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  const queries = qids.map((q) => evaluateQuery(q, qrels.get(q)!, run.get(q) ?? [], depth));
  const mean = (f: (m: QueryMetrics) => number) => (queries.length ? queries.reduce((s, m) => s + f(m), 0) / queries.length : 0);
  return { queries, mean: { map: mean((m) => m.ap), p10: mean((m) => m.p10), ndcg10: mean((m) => m.ndcg10), r1000: mean((m) => m.r1000) } };
}

/** One ranked result to write: the query, the document and its score. */
export interface RunHit {
  qid: string;
  docno: string;
  score: number;
}

/**
 * Writes hits as run lines `qid Q0 DOCNO rank score tag`, ranks counted from 1 per query in the order
 * given. trec_eval reorders by score (ties by docno descending), so give tied hits distinct scores when
 * their order matters.
 * @throws KhabarError INVALID_INPUT for a qid/docno/tag with white space or empty, or a non-finite score.
 */
export function formatRun(hits: Iterable<RunHit>, tag = 'khabar'): string {
  const bad = (s: string) => typeof s !== 'string' || s === '' || /\s/.test(s);
  if (bad(tag)) throw new KhabarError('INVALID_INPUT', `run tag must be one word, got ${JSON.stringify(tag)}`);
  const ranks = new Map<string, number>();
  let out = '';
  for (const h of hits) {
    if (bad(h.qid) || bad(h.docno)) throw new KhabarError('INVALID_INPUT', `run: qid and docno must be single words, got ${JSON.stringify(h.qid)} ${JSON.stringify(h.docno)}`);
    if (!Number.isFinite(h.score)) throw new KhabarError('INVALID_INPUT', `run: score of ${h.docno} for ${h.qid} is not finite`);
    const rank = (ranks.get(h.qid) ?? 0) + 1;
    ranks.set(h.qid, rank);
    out += `${h.qid} Q0 ${h.docno} ${rank} ${h.score} ${tag}\n`;
  }
  return out;
}

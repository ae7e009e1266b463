/** Tests of bench/eval/trec.ts (bench/ is outside the vitest include): hand-computed TREC measures. */
import { describe, expect, it } from 'vitest';
import { evaluate, formatRun, readQrels, readRun } from '../../bench/eval/trec.js';

const QRELS = `
1 0 d1 1
1 0 d2 2
1 0 d3 0
1 0 d4 1
2 0 d5 1
3 0 d6 0
4 0 d7 1
`;
// Rank column deliberately wrong: trec_eval orders by score, ties by docno descending (dx before d2).
const RUN = `
1 Q0 d2 1 8 t
1 Q0 d3 2 10 t
1 Q0 dx 3 8 t
1 Q0 d1 4 9 t
2 Q0 d5 1 1.5 t
9 Q0 d9 1 3 t
`;

describe('TREC metrics (trec_eval conventions)', () => {
  const qrels = readQrels(QRELS);
  const run = readRun(RUN);
  it('per query: order d3 d1 dx d2 → AP 1/3, P@10 0.2, nDCG@10, R@1000 2/3', () => {
    const e = evaluate(qrels, run);
    expect(e.queries.map((q) => q.qid)).toEqual(['1', '2', '4']); // 3 has no relevant document, 9 no judgments
    const q1 = e.queries[0]!;
    expect(q1.ap).toBeCloseTo((1 / 2 + 2 / 4) / 3, 12);
    expect(q1.p10).toBeCloseTo(0.2, 12);
    const dcg = 1 / Math.log2(3) + 2 / Math.log2(5);
    const idcg = 2 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(q1.ndcg10).toBeCloseTo(dcg / idcg, 12);
    expect(q1.ndcg10).toBeCloseTo(0.476627, 5);
    expect(q1.r1000).toBeCloseTo(2 / 3, 12);
    expect([q1.numRel, q1.numRet, q1.relRet]).toEqual([3, 4, 2]);
    expect(e.queries[1]).toMatchObject({ ap: 1, p10: 0.1, ndcg10: 1, r1000: 1 });
    expect(e.queries[2]).toMatchObject({ ap: 0, p10: 0, ndcg10: 0, r1000: 0, numRet: 0 });
  });
  it('means over judged queries, a query missing from the run counting 0', () => {
    const { mean } = evaluate(qrels, run);
    expect(mean.map).toBeCloseTo(4 / 9, 12);
    expect(mean.p10).toBeCloseTo(0.1, 12);
    expect(mean.ndcg10).toBeCloseTo((0.4766271 + 1) / 3, 6);
    expect(mean.r1000).toBeCloseTo(5 / 9, 12);
  });
  it('depth cuts the ranked list', () => {
    const q1 = evaluate(qrels, run, { depth: 2 }).queries[0]!;
    expect(q1.ap).toBeCloseTo(1 / 6, 12);
    expect(q1.r1000).toBeCloseTo(1 / 3, 12);
    expect(() => evaluate(qrels, run, { depth: 0 })).toThrow(/depth/);
  });
  it('perfect and reversed rankings of graded judgments', () => {
    const q = readQrels('7 0 a 3\n7 0 b 2\n7 0 c 1\n');
    expect(evaluate(q, readRun('7 Q0 a 1 3 t\n7 Q0 b 2 2 t\n7 Q0 c 3 1 t')).mean).toEqual({ map: 1, p10: 0.3, ndcg10: 1, r1000: 1 });
    const rev = evaluate(q, readRun('7 Q0 c 1 3 t\n7 Q0 b 2 2 t\n7 Q0 a 3 1 t')).queries[0]!;
    expect(rev.ap).toBe(1); // every document is relevant (≥ 1)
    const idcg = 3 + 2 / Math.log2(3) + 1 / 2;
    expect(rev.ndcg10).toBeCloseTo((1 + 2 / Math.log2(3) + 3 / 2) / idcg, 12);
  });
  it('reports malformed files with their line', () => {
    expect(() => readQrels('1 0 d1\n')).toThrow(/qrels line 1: expected/);
    expect(() => readQrels('1 0 d1 x\n')).toThrow(/not an integer/);
    expect(() => readQrels('1 0 d1 1\n1 0 d1 0\n')).toThrow(/line 2: d1 is judged twice/);
    expect(() => readRun('\n1 Q0 d1 1 abc t\n')).toThrow(/run line 2: score "abc"/);
    expect(() => readRun('1 Q0 d1 1 2 t\n1 Q0 d1 2 1 t\n')).toThrow(/line 2: d1 is retrieved twice/);
  });
  it('formatRun writes ranks per query and reads back', () => {
    const text = formatRun([{ qid: '1', docno: 'HAM-1', score: 2.5 }, { qid: '1', docno: 'HAM-2', score: 1 }, { qid: '2', docno: 'HAM-1', score: 0.25 }]);
    expect(text).toBe('1 Q0 HAM-1 1 2.5 khabar\n1 Q0 HAM-2 2 1 khabar\n2 Q0 HAM-1 1 0.25 khabar\n');
    expect(readRun(text).get('1')).toEqual([{ docno: 'HAM-1', score: 2.5 }, { docno: 'HAM-2', score: 1 }]);
    expect(() => formatRun([{ qid: '1', docno: 'a b', score: 1 }])).toThrow(/single words/);
    expect(() => formatRun([{ qid: '1', docno: 'a', score: NaN }])).toThrow(/not finite/);
  });
});

/** The Hamshahri test collection (../shared/corpus/hamshahri-ir): documents, dev queries, qrels. */
import { basename } from 'node:path';
import { corpusPath, hamshahriFiles, readText } from './corpus.js';
import { fromHamshahriText } from '../src/story/index.js';
import type { Story } from '../src/story/index.js';

/** A DOCNO and the raw text of its document. */
export interface RawDoc {
  docno: string;
  text: string;
}

/** Every document as it is on disk. */
export function hamshahriRawDocs(): RawDoc[] {
  return hamshahriFiles().map((f) => ({ docno: basename(f, '.ham'), text: readText(f) }));
}

/** Every document as a story (source id = DOCNO). */
export function hamshahriStories(docs: RawDoc[] = hamshahriRawDocs()): Story[] {
  return docs.map((d) => fromHamshahriText(d.text, d.docno));
}

/** The dev queries: `qid<TAB>query` lines. */
export function hamshahriQueries(): Array<{ qid: string; query: string }> {
  return readText(corpusPath('hamshahri-ir', 'queries-dev.tsv')).split(/\r?\n/).filter(Boolean).map((l) => {
    const [qid = '', ...rest] = l.split('\t');
    return { qid, query: rest.join('\t') };
  });
}

/** The dev relevance judgments, as TREC qrels text. */
export function hamshahriQrelsText(): string {
  return readText(corpusPath('hamshahri-ir', 'qrels-dev.trec'));
}

/**
 * A query in modern orthography, as the issue defines it: Persian ی/ک for Arabic ي/ك, ZWNJ before
 * ها/های and after می/نمی (whether they were written apart with a space or joined).
 */
export function modernOrthography(q: string): string {
  return q
    .replace(/ي/g, 'ی').replace(/ك/g, 'ک')
    .replace(/([\u0600-\u06FF])[ \u00A0]+(ها|های|هایی)(?=[\s\u00A0]|$)/g, '$1\u200C$2')
    .replace(/([\u0600-\u06FF]{2,})(ها|های)(?=[\s\u00A0]|$)/g, '$1\u200C$2')
    .replace(/(^|[\s\u00A0])(ن?می)[ \u00A0]+(?=[\u0600-\u06FF])/g, '$1$2\u200C');
}

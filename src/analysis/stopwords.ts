/**
 * Stopwords for the `fa` analyzer: function words only. Lists built for Persian IR (Lucene's, Hazm's,
 * Kaviani's aggregate) also drop content words such as مردم, خدمات, میلیون, جلوگیری, which an archive
 * user searches for; this one is written by hand and holds prepositions, conjunctions, particles,
 * demonstratives, pronouns and the copula — words that carry no topic. Compared in folded form.
 */
import { fold } from './fold.js';

const WORDS = `
و در به از که این را با برای آن تا بر هم نیز یا اما ولی هر اگر چه چون پس زیرا بلکه لیکن
است هست نیست بود باشد هستند نیستند بودند باشند ام ای ایم اید اند
یک همین همان آنها اینها آن‌ها این‌ها ها وی او ایشان ما من تو شما خود خویش
دیگر دیگری نیز باز هنوز فقط تنها حتی همچنین همچون مانند مثل چنین چنان
روی زیر پیش پس بین میان درباره دربارهٔ طی طبق توسط نزد سوی جز بی بدون
کی کو کجا چرا چگونه چطور آیا نه بله خیر
ها های هایی شان مان تان ش م ت
`;

const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean).map(fold));

/** True when `foldedWord` (already folded, as the analyzer sees it) is a stopword. */
export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord);
}

/** The stopword list, folded, for documentation and tests. */
export function stopwordList(): readonly string[] {
  return [...STOPWORDS].sort();
}

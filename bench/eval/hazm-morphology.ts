/**
 * Maps the morphology cases of Hazm's test suite (test_stem, test_lemmatize, test_lemmatize_with_pos,
 * test_join_verb_parts, test_split_token_words) to khabar's functions, so that a driver can compare
 * khabar's answers with the expected values in hazm-tests-gold.tsv.
 */
import { joinVerbParts, lemmatize, splitTokenWords, stem } from '../../src/analysis/morphology/index.js';

/**
 * Runs one Hazm morphology case: `fn` is Hazm's test function name, `input` the parsed JSON input
 * (a word, a [word, pos] pair, or a token list). Throws for a function name it does not know.
 */
export function runHazmMorphologyCase(fn: string, input: unknown): unknown {
  switch (fn) {
    case 'test_stem':
      return stem(input as string);
    case 'test_lemmatize':
      return lemmatize(input as string);
    case 'test_lemmatize_with_pos': {
      // khabar's lemmatizer takes no part of speech; the word alone decides.
      const [word] = input as [string, string];
      return lemmatize(word);
    }
    case 'test_join_verb_parts':
      return joinVerbParts(input as string[]);
    case 'test_split_token_words':
      return splitTokenWords(input as string);
    default:
      throw new Error(`unknown Hazm morphology test function: ${fn}`);
  }
}

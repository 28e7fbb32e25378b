import { normalizePlaceName } from "../../../core/text/normalize.ts";

// The analyzer (standard-folding) drops these English stop words when indexing: a query term
// equal to one of them could never match.
const stopWords = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/**
 * A Lucene query for text typed by a person, as they type: every word must match, exactly
 * (boosted), as a prefix, or with one typo. Accents and case are removed here as the index
 * removes them, since Lucene does not analyse prefix and fuzzy terms.
 */
export function toLuceneQuery(text: string): string | undefined {
  const words = normalizePlaceName(text)
    .split(" ")
    .filter((word) => word && !stopWords.has(word));
  if (words.length === 0) return undefined;
  return words
    .map((word) => {
      const alternatives = [`${word}^3`, `${word}*^2`];
      if (word.length >= 4) alternatives.push(`${word}~1`);
      return `(${alternatives.join(" OR ")})`;
    })
    .join(" AND ");
}

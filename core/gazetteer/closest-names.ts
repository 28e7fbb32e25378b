import { distance } from "fastest-levenshtein";
/** The edit distance between a and b when it is `max` or less, else max + 1 (Myers' bit-parallel algorithm, fastest-levenshtein). */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  return Math.min(distance(a, b), max + 1);
}

/** The keys closest to `key` with their score (edit distance; names that start with it come after typos). */
export function closestKeys(key: string, keys: Iterable<string>, limit: number): { key: string; score: number }[] {
  const max = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
  const scored: { key: string; score: number }[] = [];
  for (const candidate of keys) {
    const distance = boundedLevenshtein(key, candidate, max);
    if (distance <= max) scored.push({ key: candidate, score: distance });
    else if (key.length >= 3 && candidate.startsWith(key)) scored.push({ key: candidate, score: max + 0.5 + candidate.length / 100 });
  }
  return scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, limit);
}

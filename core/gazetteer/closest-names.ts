/** Edit distance between two strings, giving up (returning max + 1) once it exceeds max. */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
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

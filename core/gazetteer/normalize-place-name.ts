/**
 * The key under which a place name is looked up: accents, case, hyphens, apostrophes and the
 * "St"/"Ste" abbreviations do not matter ("loos en gohelle", "ST-DENIS", "Évry" → "evry").
 */
export function normalizePlaceName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint");
}

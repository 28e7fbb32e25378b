/**
 * Text as the alliance compares it: accents and case folded away, œ and æ spelled out. One folding,
 * two uses: slugs (the stable keys of entities) and lookup keys (place names, search terms).
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

/** "Loos-en-Gohelle" → "loos-en-gohelle", "L'Île-Saint-Denis" → "l-ile-saint-denis": lowercase ASCII words joined by hyphens. */
export function slugify(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * The key under which a place name is looked up: accents, case, hyphens, apostrophes and the
 * "St"/"Ste" abbreviations do not matter ("loos en gohelle", "ST-DENIS", "Évry" → "evry").
 */
export function normalizePlaceName(name: string): string {
  return foldText(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint");
}

/**
 * A view of the explorer is its URL query string (?season=2&color=community…). The keys and the
 * values the explorer understands are here, shared by the page's URL parser (client/src/state) and
 * the check of the curated views (seeds/views.yaml), so a curated view cannot ask for a state the
 * page would silently drop.
 */
export const sizeModes = ["degree", "betweenness"] as const;
export type SizeMode = (typeof sizeModes)[number];

export const colorModes = ["kind", "community", "region", "theme"] as const;
export type ColorMode = (typeof colorModes)[number];

const integer = (min: number, max: number) => (value: string) =>
  /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max ? undefined : `an integer from ${min} to ${max}`;
const oneOf = (values: readonly string[]) => (value: string) => (values.includes(value) ? undefined : `one of ${values.join(", ")}`);
const text = (value: string) => (value.trim() ? undefined : "some text");

/** Each key of the query string, with what its value must be (undefined: fine; else what was expected). */
export const viewQueryKeys: Record<string, (value: string) => string | undefined> = {
  layout: oneOf(["network", "map"]),
  view: oneOf(["graph", "list"]),
  kinds: text,
  season: integer(1, 99),
  theme: text,
  region: text,
  focus: integer(1, 3),
  near: text,
  radius: integer(1, 1000),
  nearTheme: text, // "allies near…" about this theme (a slug)
  from: text,
  to: text,
  limit: integer(1, 20000),
  size: oneOf(sizeModes),
  color: oneOf(colorModes),
  until: integer(1, 99), // the timeline: the graph as it stood at the end of that season
  community: integer(0, 100000), // one community brought forward
  title: text, // the name a user gave the view
  lang: oneOf(["fr", "en"]),
};

/** What is wrong with a view's query string: one sentence per key, empty when it is fine. */
export function checkViewQuery(query: string): string[] {
  const problems: string[] = [];
  for (const [key, value] of new URLSearchParams(query)) {
    const check = viewQueryKeys[key];
    if (!check) problems.push(`unknown key "${key}" (known: ${Object.keys(viewQueryKeys).join(", ")})`);
    else {
      const expected = check(value);
      if (expected) problems.push(`"${key}=${value}": expected ${expected}`);
    }
  }
  return problems;
}

import { percentile, round } from "./stats.ts";

export interface RefusalRow {
  query: string;
  status: number; // what the API answered
  p50: number; // ms
  max: number;
}

export interface RefusalResult {
  reference: { p50: number; max: number }; // { __typename }: the cheapest answer, same run
  rows: RefusalRow[];
}

/**
 * How fast abusive queries are refused, against the graph being measured: a query 20 levels deep
 * through the generated relationship fields, 5 000 aliases (a 175 kB body), and a costly one within
 * the depth and alias limits. Each is sent `times` times in a row; the cheapest query is the reference.
 */
export async function measureRefusals(url: string, times = 20): Promise<RefusalResult> {
  const nested = `{ territories { ${"accompaniedBy { accompanied { ".repeat(10)} slug ${"} } ".repeat(10)} } }`;
  const aliases = `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: search(text: "vimy") { slug }`).join(" ")} }`;
  const chain = "accompaniedBy { accompanied { ".repeat(4) + "name slug population areaKm2 inseeCode siren" + " } }".repeat(4);
  const costly = `{ ${Array.from({ length: 14 }, (_, i) => `t${i}: territories { ${chain} }`).join(" ")} }`;
  const time = async (query: string) => {
    const durations: number[] = [];
    let status = 0;
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", connection: "keep-alive" },
        body: JSON.stringify({ query }),
      });
      await response.arrayBuffer();
      durations.push(performance.now() - started);
      status = response.status;
    }
    return { status, p50: round(percentile(durations, 50), 1), max: round(Math.max(...durations), 1) };
  };
  const reference = await time("{ __typename }");
  const rows: RefusalRow[] = [];
  for (const [name, query] of [
    ["depth 20", nested],
    ["5 000 aliases", aliases],
    ["cost-heavy (depth 10, 14 aliases)", costly],
  ] as const)
    rows.push({ query: name, ...(await time(query)) });
  return { reference: { p50: reference.p50, max: reference.max }, rows };
}

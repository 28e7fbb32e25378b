import type { Driver } from "neo4j-driver";
import { nodeIdOfLabel } from "../../core/ids.ts";
import { cohortTypes, networkLabels, partOfTypes, themeTypes, tieTypes, type Label } from "../../core/model/index.ts";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import type { MetricsInput } from "./compute-metrics.ts";

/** The network as the metrics take it, read in one read transaction (one graph version). */
export async function readNetwork(driver: Driver, database: string): Promise<MetricsInput> {
  const session = driver.session({ database, defaultAccessMode: "READ" });
  try {
    return await session.executeRead(async (tx) => {
      const params = { labels: networkLabels, tieTypes, cohortTypes, themeTypes, partOfTypes };
      const nodes = await tx.run(readQuery("queries/network-nodes"), params);
      const ties = await tx.run(readQuery("queries/network-ties"), params);
      return {
        nodes: nodes.records.map((r) => ({
          id: nodeIdOfLabel(r.get("label") as Label, r.get("slug") as string),
          name: String(r.get("name")),
          regions: r.get("regions") as string[],
          cohorts: r.get("cohorts") as string[],
          themes: r.get("themes") as string[],
        })),
        ties: ties.records.map((r) => [
          nodeIdOfLabel(r.get("fromLabel") as Label, r.get("fromSlug") as string),
          nodeIdOfLabel(r.get("toLabel") as Label, r.get("toSlug") as string),
        ]),
      };
    });
  } finally {
    await session.close();
  }
}

import type { ManagedTransaction } from "neo4j-driver";
import { fillQuery, checkedLabel, checkedType } from "../../core/neo4j/cypher-template.ts";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import { toLatLon } from "../../core/node-values.ts";
import type { Label } from "../../core/model/index.ts";
import type { ExistingEntity } from "../existing-entity.ts";
import { existingEntities } from "../import/read-existing.ts";

/** An entity as the graph holds it: plain values (a location as { latitude, longitude }), and its relationships. */
export interface EntityState {
  label: Label;
  slug: string;
  props: Record<string, unknown>;
  relationships: { type: string; out: boolean; label: Label; slug: string; props: Record<string, unknown> }[];
}

export interface ChangeSummary {
  id: string;
  author: string;
  appliedAt: string;
  seq: number;
  fields: Record<string, string[]>; // key → the fields that change touched
}

/** What a change's planning reads, inside the change's own transaction (so it sees what it will write over). */
export class GraphReader {
  constructor(private readonly tx: ManagedTransaction) {}

  async entity(label: Label, slug: string): Promise<EntityState | undefined> {
    const { records } = await this.tx.run(fillQuery("changes/read-entity", { __LABEL__: checkedLabel(label) }), { slug });
    const record = records[0];
    if (!record) return undefined;
    return {
      label,
      slug,
      props: plain(record.get("props")),
      relationships: (record.get("relationships") as EntityState["relationships"]).map((r) => ({ ...r, props: plain(r.props) })),
    };
  }

  /** An entity's own properties only (a source's, whose citations may be thousands), or undefined. */
  async properties(label: Label, slug: string): Promise<Record<string, unknown> | undefined> {
    const { records } = await this.tx.run(fillQuery("changes/read-properties", { __LABEL__: checkedLabel(label) }), { slug });
    return records[0] ? plain(records[0].get("props")) : undefined;
  }

  /** Many entities at once (a change of thousands of operations reads them in a few queries): each found, or undefined. */
  async entities(refs: { label: Label; slug: string }[]): Promise<Map<string, EntityState | undefined>> {
    const found = new Map<string, EntityState | undefined>();
    const byLabel = new Map<Label, string[]>();
    for (const ref of refs) {
      found.set(`${ref.label}/${ref.slug}`, undefined);
      byLabel.set(ref.label, [...(byLabel.get(ref.label) ?? []), ref.slug]);
    }
    for (const [label, slugs] of byLabel) {
      const { records } = await this.tx.run(fillQuery("changes/read-entities", { __LABEL__: checkedLabel(label) }), {
        slugs: [...new Set(slugs)],
      });
      for (const record of records) {
        const slug = record.get("slug") as string;
        found.set(`${label}/${slug}`, {
          label,
          slug,
          props: plain(record.get("props")),
          relationships: (record.get("relationships") as EntityState["relationships"]).map((r) => ({ ...r, props: plain(r.props) })),
        });
      }
    }
    return found;
  }

  async relationships(
    type: string,
    from: { label: Label; slug: string },
    to: { label: Label; slug: string },
  ): Promise<{ id: string; props: Record<string, unknown> }[]> {
    const query = fillQuery("changes/find-relationships", {
      __TYPE__: checkedType(type),
      __FROM__: checkedLabel(from.label),
      __TO__: checkedLabel(to.label),
    });
    const { records } = await this.tx.run(query, { from: from.slug, to: to.slug });
    return records.map((r) => ({ id: r.get("id") as string, props: plain(r.get("props")) }));
  }

  async existing(refs: { label: Label; slug: string }[]): Promise<Map<string, ExistingEntity>> {
    const { records } = await this.tx.run(fillQuery("changes/read-existing", {}), { refs });
    return existingEntities(records);
  }

  /** How many relationships name this source as theirs (their `source` property). */
  async citations(slug: string): Promise<number> {
    const { records } = await this.tx.run(readQuery("changes/count-citations"), { slug });
    return Number(records[0]?.get("citations") ?? 0);
  }

  /** The applied changes that touched a key, in the order they were applied: its version is how many. */
  async changesTouching(keys: string[], afterSeq = 0): Promise<ChangeSummary[]> {
    const { records } = await this.tx.run(readQuery("changes/applied-after"), { keys, seq: afterSeq });
    return records.map((r) => {
      const change = r.get("change") as Record<string, unknown>;
      return {
        id: String(change.id),
        author: String(change.author),
        appliedAt: String(change.appliedAt ?? r.get("createdAt")),
        seq: Number(change.seq),
        fields: JSON.parse(String(change.fields ?? "{}")) as Record<string, string[]>,
      };
    });
  }
}

/** Node and relationship properties as plain JSON values: points become { latitude, longitude }. */
export function plain(props: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === "location") {
      const { latitude, longitude } = toLatLon(value);
      result[key] = latitude === null ? value : { latitude, longitude };
    } else result[key] = value;
  }
  return result;
}

import { checkedLabel, fillQuery } from "../../../core/neo4j/cypher-template.ts";
import { badUserInput } from "../bad-user-input.ts";
import { labelOf, type Kind, type Label } from "../../../core/model/index.ts";
import { summarize, type EntitySummary } from "../../../core/node-values.ts";
import { locales } from "../../../core/locales/index.ts";
import { assertEntityExists } from "./entity-exists.ts";
import { readQuery, type Services } from "./services.ts";

interface ReasonRow {
  reason: "SHARED_TERRITORY" | "SHARED_INITIATIVE" | "DIRECT_TIE";
  relationship: string | null;
  seasons: (number | null)[];
  viaLabel: Label | null;
  viaProps: Record<string, unknown> | null;
}

interface Reason {
  reason: ReasonRow["reason"];
  via: EntitySummary | null;
  relationship: string | null;
  seasons: number[];
  description: string;
}

/** collaborators(kind, slug): who worked with an ally or a person, each with every reason. */
export async function collaborators(services: Services, args: { kind?: Kind | null; slug: string }) {
  const kind = args.kind ?? "ally";
  if (kind !== "ally" && kind !== "person") throw badUserInput("not-a-collaborator", { kind }, "kind");
  const query = fillQuery("queries/collaborators", { __LABEL__: checkedLabel(labelOf[kind]) });
  const rows = await readQuery<{ label: Label; props: Record<string, unknown>; reasons: ReasonRow[] }>(services, query, {
    slug: args.slug,
  });
  if (rows.length === 0) await assertEntityExists(services, kind, args.slug, "slug");
  return rows.map((row) => ({ collaborator: summarize(row.label, row.props), reasons: mergeReasons(row.reasons) }));
}

/** One reason per shared territory, initiative or tie, with every season it holds for. */
function mergeReasons(rows: ReasonRow[]): Reason[] {
  const merged = new Map<string, Reason>();
  for (const row of rows) {
    const via = row.viaLabel && row.viaProps ? summarize(row.viaLabel, row.viaProps) : null;
    const key = [row.reason, via?.kind, via?.slug, row.relationship].join("|");
    const reason = merged.get(key) ?? { reason: row.reason, via, relationship: row.relationship, seasons: [], description: "" };
    for (const season of row.seasons) if (season !== null && !reason.seasons.includes(season)) reason.seasons.push(season);
    reason.seasons.sort();
    merged.set(key, reason);
  }
  return [...merged.values()].map((reason) => ({ ...reason, description: describe(reason) }));
}

/** In French, for API users who show it as it is (deprecated: the explorer words reason, via and seasons itself). */
function describe(reason: Omit<Reason, "description">): string {
  return locales.fr.collaboration[reason.reason]({
    via: reason.via?.name ?? null,
    seasons: reason.seasons,
    relationship: reason.relationship,
  });
}

import type { Label } from "../../core/model/index.ts";
import { nodeRow, provenanceRows, type LoadPlan } from "../build-load-plan.ts";
import { gazetteerSources } from "../check-territories.ts";
import type { ExistingEntity } from "../existing-entity.ts";
import { entityKey } from "../merge-entities.ts";
import type { EntityState } from "./graph-reader.ts";
import type { EntityWrite } from "./plan-change.ts";

/**
 * The entity's row as the loader makes it, and what the gazetteer gave it. An ally without a location
 * of its own stands where it is based after the change (the loader only sees the relationships the
 * change names, not those already in the graph).
 */
export function placed(
  plan: LoadPlan,
  existing: Map<string, ExistingEntity>,
  entity: { label: Label; slug: string; before: EntityState | undefined; props: Record<string, unknown> },
  creates: { type: string; from: { label: Label; slug: string }; to: { label: Label; slug: string } }[],
  deletes: { type: string; from: { label: Label; slug: string }; to: { label: Label; slug: string } }[],
): Pick<EntityWrite, "row" | "gazetteer"> {
  const merged = plan.nodes.find((n) => n.label === entity.label)!.entities.find((e) => e.slug === entity.slug)!;
  const row = nodeRow(plan, merged);
  if (entity.label === "Ally" && entity.props.location === undefined) {
    const self = (r: { from: { label: Label; slug: string } }) => r.from.label === "Ally" && r.from.slug === entity.slug;
    const gone = new Set(deletes.filter((r) => r.type === "BASED_IN" && self(r)).map((r) => entityKey(r.to.label, r.to.slug)));
    const targets = [
      ...creates.filter((r) => r.type === "BASED_IN" && self(r)).map((r) => entityKey(r.to.label, r.to.slug)),
      ...(entity.before?.relationships ?? []).filter((r) => r.type === "BASED_IN" && r.out).map((r) => entityKey(r.label, r.slug)),
    ].filter((key) => !gone.has(key));
    const where = targets.map((key) => plan.locations.get(key) ?? existing.get(key)?.location).find((location) => location !== undefined);
    delete row.props.locationPrecision;
    delete row.props.locationApproximate;
    row.location = where ? { latitude: where.latitude, longitude: where.longitude } : null;
    if (where)
      Object.assign(row.props, {
        locationPrecision: `based-in:${where.precision.replace(/^based-in:/, "")}`,
        locationApproximate: where.approximate,
      });
  }
  const gazetteer = provenanceRows(plan, merged)
    .filter((p) => p.source === gazetteerSources.names)
    .map(({ source, fields }) => ({ source, fields }));
  if (row.location && row.props.locationPrecision !== "seed")
    gazetteer.push({ source: gazetteerSources.coordinates, fields: ["location"] });
  return { row, gazetteer };
}

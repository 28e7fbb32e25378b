import {
  entityKinds,
  givenPropertiesOf,
  labelOf,
  placeColumnNames,
  placeColumns,
  relationshipKinds,
  type Kind,
  type Label,
  type PlaceColumn,
  type Property,
  type RelationshipType,
  type Words,
} from "./index.ts";

/**
 * What a spreadsheet's column can say about its rows, for one kind of row, all read from the
 * model: one of its properties, a part of where it is (commune, postcode…), entities it is related
 * to (a cell "Partenaires" naming allies), or a property of those relationships (a season).
 * A target's key is what a saved mapping stores: "name", "place:postcode", "link:WORKS_FOR:out",
 * "link:ACCOMPANIED:out:season".
 */
export type ColumnTarget =
  | { key: string; group: "property"; names: Words; headers: readonly string[]; property: string; definition: Property }
  | { key: string; group: "place"; names: Words; headers: readonly string[]; part: PlaceColumn }
  | {
      key: string;
      group: "link";
      names: Words;
      headers: readonly string[];
      type: RelationshipType;
      direction: "out" | "in";
      otherKinds: Label[]; // what the cell names
    }
  | {
      key: string;
      group: "link-property";
      names: Words;
      headers: readonly string[];
      type: RelationshipType;
      direction: "out" | "in";
      property: string;
      definition: Property;
    };

const cache = new Map<Label, ColumnTarget[]>();

/** Every target a column of rows of this kind may map to, properties first. */
export function columnTargets(kind: Kind): ColumnTarget[] {
  const label = labelOf[kind];
  const cached = cache.get(label);
  if (cached) return cached;
  const definition = entityKinds[label] as (typeof entityKinds)[Label] & { placedBy?: string };
  const targets: ColumnTarget[] = [];
  for (const [property, prop] of Object.entries(givenPropertiesOf(label))) {
    if (prop.type === "location") continue; // placed by its commune, not by coordinates typed in a cell
    const headers = [...(prop.headers ?? []), ...(property === "slug" ? ["ID", "Slug", "Identifiant"] : [])];
    targets.push({ key: property, group: "property", names: prop.names, headers, property, definition: prop });
  }
  if (definition.placedBy)
    for (const part of placeColumnNames) {
      // A row of territories has its own INSEE code (a property), and its intercommunalité is a PART_OF.
      if (definition.placedBy === "itself" && (part === "inseeCode" || part === "epci")) continue;
      targets.push({ key: `place:${part}`, group: "place", names: placeColumns[part].names, headers: placeColumns[part].headers, part });
    }
  for (const kindOfRelationship of Object.values(relationshipKinds)) {
    const type = kindOfRelationship.type as RelationshipType;
    if (type === definition.placedBy || type === "CREDITED_IN") continue; // the place columns say it; sources are not rows
    const headers = (
      kindOfRelationship as {
        headers?: { out?: readonly string[]; in?: readonly string[]; properties?: Record<string, readonly string[]> };
      }
    ).headers;
    for (const direction of ["out", "in"] as const) {
      const here = (direction === "out" ? kindOfRelationship.from : kindOfRelationship.to) as readonly Label[];
      const there = (direction === "out" ? kindOfRelationship.to : kindOfRelationship.from) as readonly Label[];
      if (!here.includes(label)) continue;
      const otherKinds = there.filter((l) => l !== "Source");
      if (otherKinds.length === 0) continue;
      const arrow =
        direction === "out" ? kindOfRelationship.names : { fr: `← ${kindOfRelationship.names.fr}`, en: `← ${kindOfRelationship.names.en}` };
      targets.push({
        key: `link:${type}:${direction}`,
        group: "link",
        names: arrow,
        headers: headers?.[direction] ?? [],
        type,
        direction,
        otherKinds: [...otherKinds],
      });
      for (const [property, prop] of Object.entries(kindOfRelationship.properties as Record<string, Property>))
        targets.push({
          key: `link:${type}:${direction}:${property}`,
          group: "link-property",
          names: { fr: `${arrow.fr} : ${prop.names.fr}`, en: `${arrow.en}: ${prop.names.en}` },
          headers: headers?.properties?.[property] ?? [],
          type,
          direction,
          property,
          definition: prop,
        });
    }
  }
  cache.set(label, targets);
  return targets;
}

export function targetOf(kind: Kind, key: string): ColumnTarget | undefined {
  return columnTargets(kind).find((target) => target.key === key);
}

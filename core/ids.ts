import { isKind, kindOf, segmentOf, type Kind, type Label } from "./model/index.ts";

/** An entity as the API and the explorer name it. */
export interface EntityRef {
  kind: Kind;
  slug: string;
}

/**
 * The element id of an entity, the same in every answer so that the explorer can merge slices:
 * "ally:extracites". Slugs hold no colon, so the id splits back unambiguously.
 */
export function nodeId(ref: EntityRef): string {
  return `${ref.kind}:${ref.slug}`;
}

export function nodeIdOfLabel(label: Label, slug: string): string {
  return `${kindOf[label]}:${slug}`;
}

export function refOfNodeId(id: string): EntityRef {
  const [kind, ...rest] = id.split(":");
  return { kind: kind as Kind, slug: rest.join(":") };
}

/** "ally:extracites" → the ref, or null when it names no kind or no slug. */
export function parseNodeId(id: string | null | undefined): EntityRef | null {
  if (!id) return null;
  const ref = refOfNodeId(id);
  return isKind(ref.kind) && ref.slug ? ref : null;
}

/** The permalink of an entity, as the Fabrique's pages link to it: /allies/extracites, /embed/allies/extracites. */
export function entityPath(ref: EntityRef, embed = false): string {
  return `${embed ? "/embed" : ""}/${segmentOf[ref.kind]}/${encodeURIComponent(ref.slug)}`;
}

import type { PreviewPlace, PreviewTerritory } from "../../../core/import-preview.ts";
import type { ResolvedPlace } from "../../../core/gazetteer/resolve-address.ts";
import { slugify } from "../../../core/text/normalize.ts";
import type { SnapshotEntity } from "./graph-snapshot.ts";

/**
 * The territories an import's rows name: the graph's own when it has them (found by INSEE code or
 * SIREN, whatever their slug), else new ones, made once however many rows name them, with a slug no
 * other territory has ("saint-martin-32" beside a "saint-martin" of another département).
 */
export class TerritoryRegistry {
  private readonly byCode = new Map<string, SnapshotEntity>();
  private readonly slugs = new Set<string>();
  private readonly created = new Map<string, PreviewTerritory>();

  constructor(entities: SnapshotEntity[]) {
    for (const entity of entities) {
      if (entity.label !== "Territory") continue;
      this.slugs.add(entity.slug);
      const code = codeOf(String(entity.props.kind), entity.props);
      if (code) this.byCode.set(code, entity);
    }
  }

  /** The territory of a resolved place, for a row (new ones remember which rows name them). */
  place(place: ResolvedPlace, line: number): PreviewPlace {
    const { kind, code, name, departement, approximate } = describe(place);
    const key = `${kind}:${code}`;
    const known = this.byCode.get(key);
    if (known)
      return {
        kind,
        slug: known.slug,
        name: String(known.props.name ?? name),
        code,
        departement,
        exists: true,
        approximate: Boolean(known.props.locationApproximate),
        linked: false,
      };
    let created = this.created.get(key);
    if (!created) {
      created = { kind, slug: this.freeSlug(name, departement), name, code, rows: [] };
      this.created.set(key, created);
    }
    if (!created.rows.includes(line)) created.rows.push(line);
    return { kind, slug: created.slug, name, code, departement, exists: false, approximate, linked: false };
  }

  /** The graph's territory of this code, if any. */
  existing(kind: string, code: string): SnapshotEntity | undefined {
    return this.byCode.get(`${kind}:${code}`);
  }

  /** The new territories, and only those some row still names (rows dropped or fixed name others). */
  newTerritories(lines: Set<number>): PreviewTerritory[] {
    return [...this.created.values()]
      .map((t) => ({ ...t, rows: t.rows.filter((line) => lines.has(line)) }))
      .filter((t) => t.rows.length > 0);
  }

  private freeSlug(name: string, departement: string | undefined): string {
    const base = slugify(name) || "territoire";
    for (const slug of [
      base,
      ...(departement ? [`${base}-${departement.toLowerCase()}`] : []),
      ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}-${n}`),
    ]) {
      if (!this.slugs.has(slug)) {
        this.slugs.add(slug);
        return slug;
      }
    }
    throw new Error(`no free slug for the territory ${name}`);
  }
}

/** "commune:62041", "intercommunalité:200033579", "département:62": how territories are told apart. */
function codeOf(kind: string, props: Record<string, unknown>): string | undefined {
  if (kind === "intercommunalité") return typeof props.siren === "string" ? `${kind}:${props.siren}` : undefined;
  return typeof props.inseeCode === "string" ? `${kind}:${props.inseeCode}` : undefined;
}

function describe(place: ResolvedPlace): {
  kind: PreviewPlace["kind"];
  code: string;
  name: string;
  departement: string | undefined;
  approximate: boolean;
} {
  if (place.kind === "commune")
    return {
      kind: "commune",
      code: place.commune.code,
      name: place.commune.name,
      departement: place.commune.departement,
      approximate: place.commune.approximate,
    };
  if (place.kind === "intercommunalité")
    return { kind: place.kind, code: place.siren, name: place.name, departement: undefined, approximate: true };
  return { kind: place.kind, code: place.code, name: place.name, departement: place.code, approximate: true };
}

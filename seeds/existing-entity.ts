import type { Label } from "../core/model/index.ts";

/** An entity already in the database, that a file being imported may refer to without describing it. */
export interface ExistingEntity {
  label: Label;
  slug: string;
  location?: { latitude: number; longitude: number; precision: string; approximate: boolean };
  file?: string; // a Source's text file
  text?: string; // a Source's text kept in the graph (a fiche imported through the page)
}

import type { CellIssue, PreviewPlace } from "../../../core/import-preview.ts";
import type { Gazetteer } from "../../../core/gazetteer/gazetteer.ts";
import { resolveAddress, type AddressResult } from "../../../core/gazetteer/resolve-address.ts";
import type { RowValues } from "./row-values.ts";
import type { TerritoryRegistry } from "./territory-registry.ts";

/**
 * A row of territories is a territory of the COG: by its commune and postcode (or département),
 * its INSEE code, an intercommunalité's SIREN, or its name and kind. Its name, kind and codes are
 * then the COG's, whatever the row's spelling ("ST OMER" is Saint-Omer).
 */
export function territoryRow(
  values: RowValues,
  gazetteer: Gazetteer,
  territories: TerritoryRegistry,
  line: number,
  placeColumn: (part: string) => string | null,
): { place: PreviewPlace; props: Record<string, unknown> } | { problem: CellIssue } {
  const { props, address } = values;
  const kind = props.kind as string | undefined;
  const name = props.name as string | undefined;
  let result: AddressResult | undefined;
  let column: string | null = null;
  if (Object.values(address).some(Boolean)) result = resolveAddress(gazetteer, address);
  else if (typeof props.inseeCode === "string" && (kind === undefined || kind === "commune"))
    result = resolveAddress(gazetteer, { inseeCode: props.inseeCode, commune: name });
  else if (typeof props.siren === "string") {
    const epci = gazetteer.epci(props.siren);
    if (epci) result = { place: { kind: "intercommunalité", siren: props.siren, name: epci.name }, notes: [] };
  } else if (name && kind === "intercommunalité") result = resolveAddress(gazetteer, { epci: name });
  else if (name && kind === "département") result = resolveAddress(gazetteer, { departement: name });
  else if (name) result = resolveAddress(gazetteer, { commune: name });
  if (result && "problem" in result) column = placeColumn(result.problem.part);
  if (!result || "problem" in result)
    return {
      problem: {
        column,
        reason: result?.problem.reason ?? "no-territory",
        params: { query: result?.problem.query ?? name ?? "", candidates: result?.problem.candidates ?? [] },
        message: result?.problem.message ?? "the row names no territory of the COG (a commune, an intercommunalité or a département)",
      },
    };
  const place = territories.place(result.place, line);
  const official =
    place.kind === "intercommunalité"
      ? { name: place.name, kind: place.kind, siren: place.code }
      : { name: place.name, kind: place.kind, inseeCode: place.code };
  return { place, props: official };
}

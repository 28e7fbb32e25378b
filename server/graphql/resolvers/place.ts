import { PlaceError, type Gazetteer, type ResolvedCommune } from "../../../core/gazetteer/gazetteer.ts";
import { badUserInput } from "../bad-user-input.ts";

/** The commune a place name resolves to, or a BAD_USER_INPUT error that lists the candidates. */
export function resolvePlaceArgument(gazetteer: Gazetteer, name: string, argument: string): ResolvedCommune {
  if (name.trim() === "") throw badUserInput("empty-place", { argument }, argument);
  try {
    return gazetteer.resolve(name);
  } catch (error) {
    if (!(error instanceof PlaceError)) throw error;
    throw badUserInput(error.reason, { query: error.query, candidates: error.candidates }, argument, { candidates: error.candidates });
  }
}

export function toPlace(commune: ResolvedCommune) {
  return {
    name: commune.name,
    inseeCode: commune.code,
    departement: commune.departement,
    departementName: commune.departementName,
    region: commune.region,
    regionName: commune.regionName,
    intercommunalite: commune.epciName,
    population: commune.population,
    latitude: commune.lat,
    longitude: commune.lon,
    precision: commune.precision,
    approximate: commune.approximate,
  };
}

/**
 * The map's projection: equirectangular with its standard parallel at 46.5° N, the middle of
 * metropolitan France, where east–west and north–south kilometres then weigh the same.
 * Model units: SCALE per degree of latitude.
 */
export const SCALE = 1000; // 1 km ≈ 9 units: towns 30 km apart stand well apart from nodes 30 units wide
const cosLat = Math.cos((46.5 * Math.PI) / 180);
export const KM_PER_DEGREE = 111.2;

export function project(longitude: number, latitude: number): { x: number; y: number } {
  return { x: longitude * cosLat * SCALE, y: -latitude * SCALE };
}

export function kmToModel(km: number): number {
  return (km / KM_PER_DEGREE) * SCALE;
}

import { createRequire } from "node:module";
import { Delaunay } from "d3-delaunay";
import { feature } from "topojson-client";
import type { MultiPolygon, Polygon, Position } from "geojson";
import type { GazetteerData } from "./gazetteer-types.ts";

const require = createRequire(import.meta.url);

export interface Basemap {
  outline: Position[][]; // rings of metropolitan France and Corsica, [longitude, latitude]
  regionBorders: [Position, Position][]; // segments between régions, approximate
  regions: { code: string; name: string; longitude: number; latitude: number }[]; // label positions
  credits: string;
}

// Metropolitan France: the map view. Overseas communes are placed, but off this map.
const metropolitan = (lon: number, lat: number): boolean => lon > -6 && lon < 10 && lat > 41 && lat < 52;
const cosLat = Math.cos((46.5 * Math.PI) / 180);

/**
 * The map's background, from data shipped with the app: France's outline from Natural Earth
 * (world-atlas, public domain) and région borders drawn between the communes GeoNames places
 * precisely, as the Voronoi edges separating communes of different régions (COG 2026). No
 * package offers région outlines under an open licence; this approximation is within a few
 * kilometres, and the map says it is approximate.
 */
export function buildBasemap(gazetteer: GazetteerData): Basemap {
  const outline = franceOutline();
  const points = gazetteer.communes
    .filter(([, , , , , , lat, lon, precision]) => (precision === "geonames" || precision === "file") && metropolitan(lon!, lat!))
    .map(([, , , region, , , lat, lon]) => ({ region, lon: lon!, lat: lat! }));
  const delaunay = Delaunay.from(
    points,
    (p) => p.lon * cosLat,
    (p) => p.lat,
  );
  const voronoi = delaunay.voronoi([-6 * cosLat, 41, 10 * cosLat, 52]);
  const { triangles, halfedges } = delaunay;
  const centers = voronoi.circumcenters;
  const regionBorders: [Position, Position][] = [];
  for (let e = 0; e < halfedges.length; e++) {
    const h = halfedges[e]!;
    if (h < e) continue; // each shared edge once; hull edges (h = -1) have no Voronoi edge inside
    const i = triangles[e]!;
    const j = triangles[e % 3 === 2 ? e - 2 : e + 1]!;
    if (points[i]!.region === points[j]!.region) continue;
    const t1 = Math.floor(e / 3);
    const t2 = Math.floor(h / 3);
    const a: Position = [round(centers[2 * t1]! / cosLat), round(centers[2 * t1 + 1]!)];
    const b: Position = [round(centers[2 * t2]! / cosLat), round(centers[2 * t2 + 1]!)];
    if (insideAny(outline, [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2])) regionBorders.push([a, b]);
  }
  return {
    outline,
    regionBorders,
    regions: regionLabels(gazetteer),
    credits: "Contour : Natural Earth. Limites des régions : approximation d'après les communes (COG 2026, GeoNames).",
  };
}

function franceOutline(): Position[][] {
  const topology = require("world-atlas/countries-50m.json");
  const countries = feature(topology, topology.objects.countries) as unknown as {
    features: { id: string; geometry: MultiPolygon | Polygon }[];
  };
  const france = countries.features.find((f) => f.id === "250");
  if (!france) throw new Error("world-atlas has no France (id 250)");
  const polygons = france.geometry.type === "MultiPolygon" ? france.geometry.coordinates : [france.geometry.coordinates];
  return polygons
    .map((polygon) => polygon[0]!)
    .filter((ring) => metropolitan(ring[0]![0]!, ring[0]![1]!))
    .map((ring) => ring.map(([lon, lat]) => [round(lon!), round(lat!)]));
}

function regionLabels(gazetteer: GazetteerData): Basemap["regions"] {
  const sums = new Map<string, { lon: number; lat: number; n: number }>();
  for (const [, , , region, , , lat, lon] of gazetteer.communes) {
    if (lat === null || lon === null || !metropolitan(lon, lat)) continue;
    const sum = sums.get(region) ?? { lon: 0, lat: 0, n: 0 };
    sum.lon += lon;
    sum.lat += lat;
    sum.n += 1;
    sums.set(region, sum);
  }
  return [...sums].map(([code, sum]) => ({
    code,
    name: gazetteer.regions[code]?.name ?? code,
    longitude: round(sum.lon / sum.n),
    latitude: round(sum.lat / sum.n),
  }));
}

function insideAny(rings: Position[][], point: Position): boolean {
  return rings.some((ring) => inside(ring, point));
}

/** Even-odd ray casting. */
function inside(ring: Position[], [x, y]: Position): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) result = !result;
  }
  return result;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

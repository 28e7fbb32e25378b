import neo4j from "neo4j-driver";

/**
 * A property value with its Cypher type, as a backup stores it: ["FLOAT", 12] stays a float though
 * whole, ["INTEGER", 12] an integer, temporals and points keep every field. The type is Neo4j's own
 * (valueType(), without "NOT NULL"), read in the same query as the value.
 */
export type TypedValue = [type: string, value: unknown];

const temporal = {
  DATE: ["year", "month", "day"],
  "LOCAL TIME": ["hour", "minute", "second", "nanosecond"],
  "ZONED TIME": ["hour", "minute", "second", "nanosecond", "timeZoneOffsetSeconds"],
  "LOCAL DATETIME": ["year", "month", "day", "hour", "minute", "second", "nanosecond"],
  "ZONED DATETIME": ["year", "month", "day", "hour", "minute", "second", "nanosecond", "timeZoneOffsetSeconds", "timeZoneId"],
  DURATION: ["months", "days", "seconds", "nanoseconds"],
} as const;

export class UnsupportedValue extends Error {}

/** The driver's value (integers as numbers: disableLosslessIntegers) and its type, as JSON. */
export function encodeValue(value: unknown, cypherType: string): TypedValue {
  const type = cypherType.replace(/ NOT NULL/g, "");
  if (type === "INTEGER" || type === "FLOAT" || type === "STRING" || type === "BOOLEAN") return [type, value];
  if (type.startsWith("LIST<")) {
    const item = /^LIST<(.*)>$/.exec(type)![1]!;
    const simple = ["INTEGER", "FLOAT", "STRING", "BOOLEAN", "NOTHING"].includes(item);
    if (!simple) throw new UnsupportedValue(`lists of ${item} are not backed up`);
    return [type, value];
  }
  if (type === "POINT") {
    const point = value as { srid: number; x: number; y: number; z?: number };
    return [
      type,
      point.z === undefined ? { srid: point.srid, x: point.x, y: point.y } : { srid: point.srid, x: point.x, y: point.y, z: point.z },
    ];
  }
  if (type in temporal) {
    const fields = temporal[type as keyof typeof temporal];
    const record = value as Record<string, unknown>;
    return [type, Object.fromEntries(fields.filter((f) => record[f] !== undefined && record[f] !== null).map((f) => [f, record[f]]))];
  }
  throw new UnsupportedValue(`values of type ${type} are not backed up`);
}

/** Back to what the driver sends as that type (a JS number is sent as FLOAT, so integers are wrapped). */
export function decodeValue([type, value]: TypedValue): unknown {
  if (type === "INTEGER") return neo4j.int(value as number);
  if (type === "LIST<INTEGER>") return (value as number[]).map((item) => neo4j.int(item));
  if (type === "FLOAT" || type === "STRING" || type === "BOOLEAN" || type.startsWith("LIST<")) return value;
  const v = value as Record<string, number> & { timeZoneId?: string };
  switch (type) {
    case "POINT":
      return v.z === undefined ? new neo4j.types.Point(v.srid!, v.x!, v.y!) : new neo4j.types.Point(v.srid!, v.x!, v.y!, v.z);
    case "DATE":
      return new neo4j.types.Date(v.year!, v.month!, v.day!);
    case "LOCAL TIME":
      return new neo4j.types.LocalTime(v.hour!, v.minute!, v.second!, v.nanosecond!);
    case "ZONED TIME":
      return new neo4j.types.Time(v.hour!, v.minute!, v.second!, v.nanosecond!, v.timeZoneOffsetSeconds!);
    case "LOCAL DATETIME":
      return new neo4j.types.LocalDateTime(v.year!, v.month!, v.day!, v.hour!, v.minute!, v.second!, v.nanosecond!);
    case "ZONED DATETIME":
      return new neo4j.types.DateTime(
        v.year!,
        v.month!,
        v.day!,
        v.hour!,
        v.minute!,
        v.second!,
        v.nanosecond!,
        v.timeZoneId ? undefined : v.timeZoneOffsetSeconds,
        v.timeZoneId ?? undefined,
      );
    case "DURATION":
      return new neo4j.types.Duration(v.months!, v.days!, v.seconds!, v.nanoseconds!);
    default:
      throw new UnsupportedValue(`values of type ${type} cannot be restored`);
  }
}

/** Properties and their types (the `types` list a backup query returns beside them) as typed JSON. */
export function encodeProperties(props: Record<string, unknown>, types: [string, string][]): Record<string, TypedValue> {
  const typeOf = new Map(types);
  return Object.fromEntries(
    Object.keys(props)
      .sort()
      .map((key) => [key, encodeValue(props[key], typeOf.get(key)!)]),
  );
}

export function decodeProperties(props: Record<string, TypedValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([key, typed]) => [key, decodeValue(typed)]));
}

import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../core/config.ts";
import { parseJavaMajor } from "../../core/neo4j/find-java.ts";
import { explainStartFailure } from "../../core/neo4j/start-embedded-neo4j.ts";
import { checkValue } from "../../core/validation/value-schema.ts";

describe("readConfig", () => {
  it("has the contract's defaults", () => {
    const config = readConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.embedded.boltPort).toBe(7687);
    expect(config.neo4j.embedded.home).toMatch(/\.neo4j$/);
    expect(config.neo4j.database).toBe("neo4j");
    expect(config.neo4j.maxConnections).toBe(10);
    expect(config.corsOrigins).toBe("*");
  });

  it("takes Neo4j's own variable names and fails fast on nonsense", () => {
    const config = readConfig({
      NEO4J_URI: "neo4j+s://x.databases.neo4j.io",
      NEO4J_USERNAME: "u",
      NEO4J_PASSWORD: "p",
      NEO4J_DATABASE: "alliance",
      NEO4J_MAX_CONNECTIONS: "40",
      CORS_ORIGINS: "https://a.org, https://b.org",
    });
    expect(config.neo4j).toMatchObject({
      uri: "neo4j+s://x.databases.neo4j.io",
      username: "u",
      password: "p",
      database: "alliance",
      maxConnections: 40,
    });
    expect(config.corsOrigins).toEqual(["https://a.org", "https://b.org"]);
    expect(() => readConfig({ PORT: "http" })).toThrow(ConfigError);
    expect(() => readConfig({ NEO4J_BOLT_PORT: "70000" })).toThrow(/NEO4J_BOLT_PORT=70000 is not a TCP port/);
    expect(() => readConfig({ NEO4J_HEAP: "lots" })).toThrow(/NEO4J_HEAP/);
    expect(() => readConfig({ NEO4J_MAX_CONNECTIONS: "0" })).toThrow(/NEO4J_MAX_CONNECTIONS/);
  });
});

describe("embedded Neo4j launcher messages", () => {
  it("reads Java versions old and new", () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
  });

  it("says what to do when the store is locked or the port taken", () => {
    const config = { home: "/data/n", boltPort: 7687, heap: "512m", pageCacheMb: 128 };
    expect(
      explainStartFailure(1, "org.neo4j.kernel.internal.locker.FileLockException: Lock file has been locked by another process", config),
    ).toMatch(/Another Neo4j is already using \/data\/n.*NEO4J_HOME.*NEO4J_URI/);
    expect(explainStartFailure(1, "java.net.BindException: Address already in use", config)).toMatch(
      /Port 7687 .* NEO4J_BOLT_PORT .* NEO4J_URI=bolt:\/\/127.0.0.1:7687/,
    );
  });
});

describe("checkValue", () => {
  it("accepts dates as precise as the source, and nothing impossible", () => {
    expect(checkValue("2024", { type: "date" })).toBeUndefined();
    expect(checkValue("2024-09", { type: "date" })).toBeUndefined();
    expect(checkValue("2024-02-29", { type: "date" })).toBeUndefined();
    expect(checkValue("2024-02-30", { type: "date" })).toMatch(/no day 30/);
    expect(checkValue("septembre 2024", { type: "date" })).toMatch(/YYYY/);
  });

  it("checks locations, web addresses and lists", () => {
    expect(checkValue({ latitude: 50.3, longitude: 2.8 }, { type: "location" })).toBeUndefined();
    expect(checkValue({ latitude: 50.3, longitude: 200 }, { type: "location" })).toMatch(/longitude 200/);
    expect(checkValue({ lat: 50.3, lon: 2.8 }, { type: "location" })).toMatch(/unexpected lat, lon/);
    expect(checkValue("lafabriquedestransitions.fr", { type: "url" })).toMatch(/https:\/\//);
    expect(checkValue([], { type: "strings" })).toMatch(/list/);
  });
});

describe("missing Java or Maven", () => {
  it("says how to install them, or to use NEO4J_URI instead", async () => {
    const { findJava } = await import("../../core/neo4j/find-java.ts");
    const { findMaven } = await import("../../core/neo4j/build-launcher.ts");
    expect(() => findJava({ JAVA_HOME: "/nonexistent/jdk" })).toThrow(
      /Java was not found \(\/nonexistent\/jdk\/bin\/java\).*apt-get install openjdk-17-jdk-headless maven.*NEO4J_URI=/,
    );
    const previous = process.env.MAVEN_CMD;
    process.env.MAVEN_CMD = "/nonexistent/mvn";
    try {
      expect(() => findMaven()).toThrow(/Maven was not found.*apt-get install maven.*NEO4J_URI=/);
    } finally {
      if (previous === undefined) delete process.env.MAVEN_CMD;
      else process.env.MAVEN_CMD = previous;
    }
  });
});

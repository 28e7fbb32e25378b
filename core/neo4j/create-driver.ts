import neo4j, { type Driver } from "neo4j-driver";

export interface DriverOptions {
  uri: string;
  username: string;
  password: string;
}

/** One driver per process; the embedded server runs with auth off, so an empty password means no auth. */
export function createDriver({ uri, username, password }: DriverOptions): Driver {
  const auth = password ? neo4j.auth.basic(username, password) : undefined;
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true, // counts and years here stay far below 2^53
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 50,
    // A web request should fail in seconds when Neo4j is away, not retry for the default 30 s.
    maxTransactionRetryTime: 5_000,
  });
}

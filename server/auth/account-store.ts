import type { Driver } from "neo4j-driver";
import { readQuery } from "../../core/neo4j/cypher-files.ts";
import type { Role } from "../../core/roles.ts";

/** An account as the server reads it; the hash never leaves server/auth. */
export interface StoredAccount {
  username: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
  loggedOutAt: number | undefined; // seconds since 1970: tokens issued before it are refused
}

export interface AccountSummary {
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | undefined;
}

export const usernamePattern = /^[a-z0-9][a-z0-9._@-]{1,62}$/;

/** Accounts are :Account nodes in Neo4j (a system label: never an entity, never in GraphQL or exports). */
export class AccountStore {
  constructor(
    private readonly driver: Driver,
    private readonly database: string,
  ) {}

  async create(username: string, passwordHash: string, role: Role): Promise<void> {
    await this.driver.executeQuery(readQuery("auth/create-account"), { username, passwordHash, role }, { database: this.database });
  }

  async find(username: string): Promise<StoredAccount | undefined> {
    const { records } = await this.driver.executeQuery(
      readQuery("auth/find-account"),
      { username },
      { database: this.database, routing: "READ" },
    );
    const record = records[0];
    if (!record) return undefined;
    const loggedOutAt = record.get("loggedOutAt") as string | null;
    return {
      username: record.get("username"),
      passwordHash: record.get("passwordHash"),
      role: record.get("role"),
      disabled: record.get("disabled") === true,
      loggedOutAt: loggedOutAt ? Math.floor(Date.parse(loggedOutAt) / 1000) : undefined,
    };
  }

  async list(): Promise<AccountSummary[]> {
    const { records } = await this.driver.executeQuery(readQuery("auth/list-accounts"), {}, { database: this.database, routing: "READ" });
    return records.map((r) => ({
      username: r.get("username"),
      role: r.get("role"),
      disabled: r.get("disabled") === true,
      createdAt: r.get("createdAt"),
      lastLoginAt: r.get("lastLoginAt") ?? undefined,
    }));
  }

  /** Sets some fields of one account; false when there is no such account. */
  async update(
    username: string,
    set: Partial<Pick<StoredAccount, "passwordHash" | "role" | "disabled">> & { stamp?: "lastLoginAt" | "loggedOutAt" },
  ): Promise<boolean> {
    const { stamp, ...fields } = set;
    const { records } = await this.driver.executeQuery(
      readQuery("auth/update-account"),
      { username, set: fields, stamp: stamp ?? null },
      { database: this.database },
    );
    return records.length > 0;
  }

  async countAdmins(): Promise<number> {
    const { records } = await this.driver.executeQuery(readQuery("auth/count-admins"), {}, { database: this.database, routing: "READ" });
    return Number(records[0]?.get("admins") ?? 0);
  }
}

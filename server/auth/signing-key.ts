import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AuthConfig } from "../../core/config.ts";
import type { Logger } from "../../core/logger.ts";

/**
 * The key that signs login tokens: AUTH_SECRET when set (several API instances must share it), else
 * a random key generated once and kept beside the embedded Neo4j's data (mode 600, outside git), so
 * that logins survive restarts. The key itself is never logged.
 */
export function readSigningKey(config: AuthConfig, log: Logger): Uint8Array {
  if (config.secret) return new TextEncoder().encode(config.secret);
  try {
    const stored = fs.readFileSync(config.secretFile, "utf8").trim();
    if (stored.length >= 43) return Buffer.from(stored, "base64url");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const key = randomBytes(32);
  fs.mkdirSync(path.dirname(config.secretFile), { recursive: true });
  fs.writeFileSync(config.secretFile, key.toString("base64url") + "\n", { mode: 0o600 });
  log.info({ file: config.secretFile }, "Generated the key that signs login tokens (set AUTH_SECRET to share one between instances)");
  return key;
}

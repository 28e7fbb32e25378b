import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum); about 30 ms per hash here.
const options = { algorithm: 2 } as const; // Algorithm.Argon2id (a const enum, which this build cannot import)

export const minimumPasswordLength = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

// Verified when the account does not exist, so that a wrong username takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/** Whether `password` matches `passwordHash`; with no hash (unknown account), false after the same work. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash === undefined) {
    decoy ??= hashPassword("decoy password, never a real one");
    await verify(await decoy, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // not an argon2 hash: no password matches it
  }
}

import { parseCommandLine } from "../../core/cli/parse-command-line.ts";
import { readConfig } from "../../core/config.ts";
import { createLogger } from "../../core/logger.ts";
import { applySchema } from "../../core/neo4j/apply-schema.ts";
import { connectForTool } from "../../core/neo4j/connect-for-tool.ts";
import { isRole, roles } from "../../core/roles.ts";
import { AccountStore, usernamePattern } from "./account-store.ts";
import { hashPassword, minimumPasswordLength } from "./passwords.ts";
import { readPassword } from "./read-password.ts";

const usage = `npm run user -- add USERNAME --role ROLE     create an account (password on standard input)
npm run user -- list                         the accounts, their roles, whether disabled
npm run user -- role USERNAME ROLE           give an account another role
npm run user -- disable USERNAME             refuse its logins and its tokens from now on
npm run user -- enable USERNAME              let it log in again
npm run user -- reset-password USERNAME      set a new password (on standard input)

Roles: ${roles.join(", ")}. The password is read from standard input, so that scripts can pipe it
(echo "$PASSWORD" | npm run user -- add ana --role editor); on a terminal it is asked twice.
Uses NEO4J_URI if set, else the embedded Neo4j (running or started for the command).`;

class UsageError extends Error {}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine({
    name: "npm run user",
    usage,
    options: { role: { type: "string" } },
    positionals: true,
  });
  const [command, username, extra] = positionals;
  const check = (condition: boolean, message: string): void => {
    if (!condition) throw new UsageError(message);
  };
  try {
    check(command !== undefined, "say what to do: add, list, role, disable, enable or reset-password");
    check(
      command === "list" || (username !== undefined && usernamePattern.test(username)),
      "give a username: 2 to 63 lowercase letters, digits, . _ @ -",
    );
    const role = command === "role" ? extra : values.role;
    if (command === "add" || command === "role") check(isRole(role), `give a role: ${roles.join(", ")} (got ${role ?? "none"})`);
    const password = command === "add" || command === "reset-password" ? await readPassword() : undefined;
    if (password !== undefined)
      check(password.length >= minimumPasswordLength, `the password must be at least ${minimumPasswordLength} characters long`);

    const config = readConfig();
    const log = createLogger(process.env.LOG_LEVEL ?? "warn");
    const database = await connectForTool(config, log);
    try {
      await applySchema(database.driver, database.database, log);
      const accounts = new AccountStore(database.driver, database.database);
      const found = async (): Promise<void> => check((await accounts.find(username!)) !== undefined, `no account is named ${username}`);
      switch (command) {
        case "add":
          check((await accounts.find(username!)) === undefined, `an account named ${username} exists already`);
          await accounts.create(username!, await hashPassword(password!), role as (typeof roles)[number]);
          console.log(`Created ${username} (${role}).`);
          break;
        case "list":
          for (const a of await accounts.list())
            console.log(`${a.username}\t${a.role}${a.disabled ? "\tdisabled" : ""}\tlast login ${a.lastLoginAt ?? "never"}`);
          break;
        case "role":
          await found();
          await accounts.update(username!, { role: role as (typeof roles)[number] });
          console.log(`${username} is now ${role}.`);
          break;
        case "disable":
        case "enable":
          await found();
          await accounts.update(username!, { disabled: command === "disable" });
          console.log(`${username} is ${command}d.`);
          break;
        case "reset-password":
          await found();
          await accounts.update(username!, { passwordHash: await hashPassword(password!), stamp: "loggedOutAt" });
          console.log(`New password set for ${username}; its sessions have ended.`);
          break;
        default:
          throw new UsageError(`unknown command ${command}`);
      }
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`npm run user: ${error.message}\n\n${usage}`);
      return 2;
    }
    console.error(`npm run user: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();

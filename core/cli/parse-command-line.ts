import { parseArgs, type ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

export interface Command<O extends ParseArgsOptionsConfig> {
  name: string; // as the user types it: "npm run seed"
  usage: string; // what --help prints: the forms of the command, one per line, and what they do
  options: O;
  positionals?: boolean; // whether it takes file names or other words besides its options
}

/**
 * Every command line of the project is read here, by node:util's parseArgs: one style for all, --help
 * on each, and an unknown or malformed option is refused with the usage rather than ignored.
 */
export function parseCommandLine<const O extends ParseArgsOptionsConfig>(command: Command<O>, args: string[] = process.argv.slice(2)) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    console.error(`${command.name}: ${(error as Error).message}\n\n${command.usage}`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(command.usage);
    process.exit(0);
  }
  return parsed;
}

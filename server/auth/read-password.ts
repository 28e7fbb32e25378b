import readline from "node:readline";

/**
 * The password for `npm run user`: piped on standard input (its first line), or typed twice on a
 * terminal without being echoed. Never an argument, which would land in the shell's history.
 */
export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0] ?? "";
  }
  const first = await ask("Password: ");
  const second = await ask("Password again: ");
  if (first !== second) throw new Error("the two passwords differ");
  return first;
}

function ask(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream };
  process.stdout.write(prompt);
  output._writeToOutput = (text) => {
    if (text.includes("\n")) output.output.write("\n");
  };
  return new Promise((resolve) =>
    rl.question("", (answer) => {
      rl.close();
      resolve(answer);
    }),
  );
}

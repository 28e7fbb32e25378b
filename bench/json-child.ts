import { spawn } from "node:child_process";

/**
 * A bench script in a process of its own, with the seed script's heap cap (so that its memory is
 * measured alone): resolves with the JSON it prints on its last line.
 */
export function runJsonChild<T>(script: string, args: string[], env: Record<string, string>, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-old-space-size=384", "--import", "tsx", script, ...args], {
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as T);
      else reject(new Error(`${what} failed (${code}): ${err.slice(-2000)}`));
    });
  });
}

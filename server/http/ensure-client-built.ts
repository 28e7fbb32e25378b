import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "../../core/logger.ts";
import { clientDir } from "../../core/client-dir.ts";

/** npm start builds the explorer when dist/client is missing (a fresh clone), with `npm run build`. */
export async function ensureClientBuilt(log: Logger): Promise<void> {
  if (["index.html", "ide.html", "basemap.json"].every((file) => fs.existsSync(path.join(clientDir, file)))) return;
  log.info("Building the explorer (npm run build), once");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(npm, ["run", "-s", "build"], { cwd: path.resolve(clientDir, "../.."), stdio: "inherit" });
    child.on("exit", resolve);
    child.on("error", () => resolve(1));
  });
  if (code !== 0) throw new Error("npm run build failed: the explorer could not be built (see above)");
}

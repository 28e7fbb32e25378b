import { execFileSync } from "node:child_process";

/** Browser tests look at the explorer as it is now: build it first (tsc, Vite, basemap). */
export default function setup(): void {
  execFileSync("npm", ["run", "-s", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}

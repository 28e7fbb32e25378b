import { pino, type Logger } from "pino";

/** The one logger of the app: JSON lines, or readable lines on a terminal when pino-pretty is installed. */
export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== "json" && canResolve("pino-pretty");
  return pino({
    level,
    ...(pretty ? { transport: { target: "pino-pretty", options: { translateTime: "HH:MM:ss", ignore: "pid,hostname" } } } : {}),
  });
}

function canResolve(moduleName: string): boolean {
  try {
    import.meta.resolve(moduleName);
    return true;
  } catch {
    return false;
  }
}

export type { Logger };

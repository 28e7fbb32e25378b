import { constants } from "node:zlib";
import compression from "compression";
import type { RequestHandler } from "express";

/** Answers at least this large are compressed (when the client asks): a neighbourhood, the overview, the page's script. */
export const COMPRESS_FROM_BYTES = 16 * 1024;

/**
 * gzip or brotli for large answers, only when the request's Accept-Encoding asks for it. Small ones
 * (a search, a place) go as they are: on a nearby network compressing them costs more time than the
 * bytes it saves. Each at its fastest level: JSON still shrinks about six times, at a third of the
 * default level's CPU (a depth-2 neighbourhood of 134 kB: about 1 ms).
 */
export function compressLarge(): RequestHandler {
  return compression({ threshold: COMPRESS_FROM_BYTES, level: 1, brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 1 } } });
}

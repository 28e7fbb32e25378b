import { randomBytes } from "node:crypto";

/**
 * A JSON value held as text, written into an answer as it is instead of being encoded again: the
 * response cache keeps each answer's data as the text it sent (response-cache.ts), so that a hit
 * costs a copy of bytes, not the serialisation of a thousand objects. Only `stringifyResult` below
 * writes the text in place; anything else that serialises it (JSON.stringify elsewhere, a plugin)
 * gets the parsed value.
 */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    if (!pending) return JSON.parse(this.text);
    pending.push(this.text);
    return `${marker}${pending.length - 1}`;
  }
}

// JSON.stringify is synchronous, so one list for the call under way is enough. The marker holds a
// control character (written \u0000 in JSON) and a random word that never leaves this process: no
// string of an answer can be taken for it.
let pending: string[] | undefined;
const nonce = randomBytes(12).toString("base64url");
const marker = `\u0000${nonce}:`;
const markerInJson = new RegExp(`"\\\\u0000${nonce}:(\\d+)"`, "g");

/** Apollo Server's stringifyResult: JSON.stringify, each JsonText's text in its place, and Apollo's closing newline. */
export function stringifyResult(value: unknown): string {
  pending = [];
  try {
    const json = JSON.stringify(value);
    const texts = pending;
    return `${texts.length === 0 ? json : json.replace(markerInJson, (_, index: string) => texts[Number(index)]!)}\n`;
  } finally {
    pending = undefined;
  }
}

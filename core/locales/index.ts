import type { Lang } from "../model/index.ts";
import { en } from "./en.ts";
import { fr, type Locale } from "./fr.ts";

export type { Locale } from "./fr.ts";

/** Every locale table: the only place where the product's sentences are written. */
export const locales: Readonly<Record<Lang, Locale>> = { fr, en };

/** An error's words in a language, from its reason and parameters; undefined for a reason no table knows. */
export function wordError(lang: Lang, reason: string, params: unknown): string | undefined {
  const word = (locales[lang].errors as Record<string, ((p: never) => string) | undefined>)[reason];
  return word ? word(params as never) : undefined;
}

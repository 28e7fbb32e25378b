/** The languages of the interface: French first, English second. */
export const langs = ["fr", "en"] as const;
export type Lang = (typeof langs)[number];

/** A name in every language of the interface: a missing translation is a compile error. */
export type Words = Readonly<Record<Lang, string>>;

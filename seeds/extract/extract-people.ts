import type { DraftEntity } from "./draft.ts";
import type { ExtractContext } from "./extract-context.ts";
import { unbreakName, type Block } from "./fiche-text.ts";

/** A person's name as the fiches write it: "Léa Morel", "Pierre-Yves Lacombe", "Mathil-de Roux" (mended by unbreakName). */
export const personName =
  "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{L}[\\p{Ll}'’]+)*(?: (?:de |du |d['’]|le |la )?\\p{Lu}[\\p{Ll}'’]+(?:-\\p{L}[\\p{Ll}'’]+)*){1,2}";

/** What a person is in the territory: "le maire", "chargée de mission économie circulaire à l'agglomération". */
export const roleWords =
  "(?:maire|(?:premi(?:er|ère) )?adjoint(?:e)?|élu(?:e)?|vice-président(?:e)?|président(?:e)?|conseill(?:er|ère)|chargé(?:e)? (?:de mission|de projet|des?|du)|chef(?:fe)? de projet|direct(?:eur|rice)|responsable|coordinat(?:eur|rice)|animat(?:eur|rice)|technicien(?:ne)?|agent(?:e)?|secrétaire général(?:e)?|DGS)\\b";

const verbOfRole: [RegExp, string][] = [
  [/scène/, "mise en scène"],
  [/anim/, "animation"],
  [/port/, "portage"],
  [/réalis/, "réalisation"],
  [/coordonn/, "coordination"],
  [/pilot/, "pilotage"],
  [/suiv|suit/, "suivi"],
];

/** "animé par X" → animation; "suit le projet" → suivi; what the sentence says otherwise. */
export function contributionRole(words: string): string {
  return verbOfRole.find(([pattern]) => pattern.test(words))?.[1] ?? words.replace(/[.,;]$/, "").trim();
}

/**
 * People the pilot's sections name with their role in the territory: "Le maire, Robert Faure, a
 * présenté le projet", "Nadia Benali, chargée de mission… à l'agglomération, pilote la démarche",
 * "animé par Mathilde Roux, adjointe à l'environnement". Each is drafted with that role and as a
 * contributor to the pilot. True when the sentence named someone.
 */
export function extractPeopleByRole(sentence: string, block: Block, context: ExtractContext): boolean {
  const found: { name: string; role: string; action: string }[] = [];
  const roleFirst = new RegExp(`(?:^|, |\\bet )(?:[Ll]e |[Ll]a |[Ll]['’])\\s?(${roleWords}[^,]*), (${personName}), (.+?)\\.?$`, "u").exec(
    sentence,
  );
  if (roleFirst) found.push({ role: roleFirst[1]!, name: roleFirst[2]!, action: roleFirst[3]! });
  const nameFirst = new RegExp(`^(${personName}), ((?:l['’]|le |la )?${roleWords}[^,]*), (.+?)\\.?$`, "u").exec(sentence);
  if (nameFirst) found.push({ name: nameFirst[1]!, role: nameFirst[2]!, action: nameFirst[3]! });
  for (const byName of sentence.matchAll(new RegExp(`(\\p{Ll}+) par (${personName}), ((?:l['’]|le |la )?${roleWords}[^,.;]*)`, "gu")))
    found.push({ name: byName[2]!, role: byName[3]!, action: byName[1]! });
  const people = found.filter((p) => context.allyMentions(p.name).length === 0);
  for (const { name, role, action } of people) {
    const person = context.entityNamed("Person", unbreakName(name, block));
    context.set(person, "role", role.trim(), sentence);
    if (context.pilot) relateToPilot(context, person, contributionRole(action), sentence);
  }
  return people.length > 0;
}

function relateToPilot(context: ExtractContext, person: DraftEntity, role: string, quote: string): void {
  context.draft.relate({
    type: "CONTRIBUTED_TO",
    from: `Person/${person.slug}`,
    to: context.pilot!.slug,
    props: { role }, // as for the people of the other projects: a person's part is not counted by season
    quote,
  });
}

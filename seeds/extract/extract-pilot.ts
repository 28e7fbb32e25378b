import { slugify } from "../../core/text/normalize.ts";
import type { AllyPhrase } from "./ally-phrases.ts";
import type { DraftEntity } from "./draft.ts";
import type { ExtractContext } from "./extract-context.ts";
import { extractPeopleByRole } from "./extract-people.ts";
import { capitalize, sentences, type Block } from "./fiche-text.ts";
import { activity, callsIn, endOf, pilotSubject, proposedEarlier } from "./pilot-phrases.ts";

/**
 * LE PROJET PILOTE and LES ÉTAPES: the pilot project (and what it became), who proposed it and
 * when, the allies called in, where they are, their ties, the steps planned and the status.
 */
export function extractPilot(blocks: Block[], context: ExtractContext): void {
  const { draft } = context;
  const season = context.season;
  const cohort = season !== undefined ? context.cohortSlug(season) : undefined;
  const summaries = new Map<DraftEntity, string[]>();

  const initiative = (title: string, kind: string, quote: string): DraftEntity => {
    const entity = context.entityNamed("Initiative", capitalize(title), `${slugify(title).split("-").slice(0, 6).join("-")}`);
    context.set(entity, "kind", kind, quote);
    // The fiche is the territory's: the sentence that states the initiative places it there.
    if (context.territory) draft.relate({ type: "LOCATED_IN", from: entity.slug, to: context.territory.slug, props: {}, quote });
    return entity;
  };

  for (const block of blocks) {
    for (const sentence of sentences(block)) {
      let placed = false;
      const take = (): void => {
        placed = true;
        draft.placed.add(sentence);
      };

      const subject = !context.pilot ? pilotSubject(sentence) : undefined;
      if (subject) {
        context.pilot = initiative(subject, "pilot-project", sentence);
        if (cohort) draft.relate({ type: "IN_COHORT", from: context.pilot.slug, to: cohort, props: {}, quote: sentence });
        take();
      }

      const why = /^L['’](intention|enjeu|objectif) \? (.+)$/.exec(sentence);
      if (why && context.pilot) {
        summaries.set(context.pilot, [...(summaries.get(context.pilot) ?? []), why[2]!]);
        draft.quote(context.pilot, sentence);
        take();
      }

      const earlier = proposedEarlier(sentence, season);
      if (earlier) {
        const { ally: phrase, season: s, years } = earlier;
        const ally = context.entityNamed("Ally", phrase.name, undefined, sentence);
        if (phrase.kind) context.set(ally, "kind", phrase.kind, sentence);
        if (phrase.description) context.set(ally, "description", phrase.description, sentence);
        if (!ally.known && !phrase.kind) ally.notes.push("its kind (cooperative, association…) is not in the sentence: add it");
        const cohortThen = context.cohort(s, years, sentence);
        if (context.territory) {
          draft.relate({ type: "MEMBER_OF", from: context.territory.slug, to: cohortThen.slug, props: {}, quote: sentence });
          draft.relate({
            type: "ACCOMPANIED",
            from: ally.slug,
            to: context.territory.slug,
            props: { season: s, startYear: years[0], endYear: years[1], ...(earlier.role ? { role: earlier.role } : {}) },
            quote: sentence,
          });
        }
        if (context.pilot && earlier.proposed)
          draft.relate({
            type: "CONTRIBUTED_TO",
            from: ally.slug,
            to: context.pilot.slug,
            props: { role: "a proposé cette orientation", season: s },
            quote: sentence,
          });
        if (phrase.basedIn) basedIn(context, ally, phrase.basedIn, sentence);
        context.lastAlly = ally;
        take();
      }

      const proposes = /^(.+?) propose(?: alors)? (un|une) (.+?)(?: avec .+| suivi .+)?\.$/.exec(sentence);
      if (proposes && !earlier) {
        const [by] = context.allyMentions(proposes[1]!);
        if (by) {
          const proposal = initiative(proposes[3]!.replace(/,$/, ""), "proposal", sentence);
          context.set(proposal, "status", "proposed", sentence);
          context.set(proposal, "summary", sentence);
          if (cohort) draft.relate({ type: "IN_COHORT", from: proposal.slug, to: cohort, props: {}, quote: sentence });
          const ally = draft.entity("Ally", by.slug, true);
          draft.relate({
            type: "CONTRIBUTED_TO",
            from: ally.slug,
            to: proposal.slug,
            props: { role: "a proposé", ...(season ? { season } : {}) },
            quote: sentence,
          });
          take();
        }
      }

      if (
        /n['’]est plus le plus pertinent|change(?:ment)?s? de priorit[ée]s/i.test(sentence) &&
        context.pilot &&
        /restauration|projet/.test(sentence) &&
        !placed
      ) {
        context.set(context.pilot, "status", "reoriented", sentence);
        take();
      }

      const newPilot = /(?:souhaitent|souhaite|demandent) plutôt un accompagnement sur (?:la |le |les |l['’])?(.+?)(?:, pour .+)?\.?$/.exec(
        sentence,
      );
      if (newPilot) {
        context.pilot = initiative(newPilot[1]!, "pilot-project", sentence);
        if (cohort) draft.relate({ type: "IN_COHORT", from: context.pilot.slug, to: cohort, props: {}, quote: sentence });
        take();
      }
      const aim = /^Il s['’]agit de (.+)$/.exec(sentence);
      if (aim && context.pilot) {
        summaries.set(context.pilot, [...(summaries.get(context.pilot) ?? []), capitalize(aim[1]!)]);
        draft.quote(context.pilot, sentence);
        take();
      }

      // Who was called in, and by whom (pilot-phrases.ts: one ally or a counted list of them).
      const called = !earlier ? callsIn(sentence) : undefined;
      if (called) {
        for (const phrase of called.allies) callIn(context, phrase, called.caller, sentence);
        take();
      }

      if (extractPeopleByRole(sentence, block, context)) take();

      const located =
        /(?:[Ee]lle|[Ii]l|[Ee]lles|[Ii]ls) (?:est|sont) (?:situ[ée]e?s?|bas[ée]e?s?|implant[ée]e?s?) à ([A-ZÀ-Ý][\p{L}'’-]+(?:[- ][\p{L}'’-]+)*)/u.exec(
          sentence,
        );
      const namedHere =
        /^(.+?) (?:est|sont) (?:situ[ée]e?s?|bas[ée]e?s?|install[ée]e?s?|implant[ée]e?s?) à ([A-ZÀ-Ý][\p{L}'’-]+(?:[- ][\p{L}'’-]+)*)/u.exec(
          sentence,
        );
      const [namedAlly] = namedHere && !located ? context.allyMentions(namedHere[1]!) : [];
      if (namedHere && namedAlly) {
        const where = context.commune(namedHere[2]!, namedHere[0]);
        if (where) {
          draft.relate({ type: "BASED_IN", from: namedAlly.slug, to: where.slug, props: {}, quote: namedHere[0] });
          take();
        }
      }
      if (located && context.lastAlly) {
        const where = context.commune(located[1]!, located[0]);
        if (where) {
          draft.relate({ type: "BASED_IN", from: context.lastAlly.slug, to: where.slug, props: {}, quote: located[0] });
          take();
        }
      }

      const ties = /des liens (professionnels|de travail) qu['’](?:elle|il) entretient(?: déjà)? avec (.+?)(?:,|\.|$)/.exec(sentence);
      if (ties && context.lastAlly) {
        const [other] = context.allyMentions(ties[2]!);
        if (other) {
          draft.relate({
            type: "PARTNERED_WITH",
            from: context.lastAlly.slug,
            to: other.slug,
            props: { nature: `liens ${ties[1]}` },
            quote: ties[0].replace(/[,.]$/, ""),
          });
          take();
        }
      }

      const meeting = /^Lors d['’]une réunion avec (.+?), le contour du projet pilote est dessiné(?: : (.+?))?\.?$/.exec(sentence);
      if (meeting && context.pilot) {
        const quote = /^Lors d['’]une réunion avec .+?, le contour du projet pilote est dessiné/.exec(sentence)![0];
        for (const ally of context.allyMentions(meeting[1]!)) {
          draft.relate({
            type: "CONTRIBUTED_TO",
            from: ally.slug,
            to: context.pilot.slug,
            props: { role: "a dessiné le contour du projet pilote", ...(season ? { season } : {}) },
            quote,
          });
        }
        if (meeting[2]) addStep(context, context.pilot, meeting[2], meeting[2]);
        take();
      }
      const planned = /(?:^|\. |, )((une? .+?) est (?:aussi |également )?prévue?)\.?$/i.exec(sentence);
      if (planned && context.pilot) {
        addStep(context, context.pilot, planned[2]!, planned[1]!);
        take();
      }

      // An activity planned or done: "Deux ateliers participatifs ont été organisés en mars 2022 avec les habitants."
      const step = !planned ? activity(sentence) : undefined;
      if (step && context.pilot) {
        addStep(context, context.pilot, step, sentence);
        take();
      }
      const end = endOf(sentence);
      if (end && context.pilot) {
        if (end.done) {
          context.set(context.pilot, "status", "completed", sentence);
          context.set(context.pilot, "endDate", end.month, sentence);
        } else context.set(context.pilot, "plannedEndDate", end.month, sentence);
        take();
      }

      if (/toujours en cours/.test(sentence) && context.pilot) {
        context.set(context.pilot, "status", "running", sentence);
        take();
      }
      if (!placed) draft.unplaced.push(sentence);
    }
  }
  for (const [entity, parts] of summaries) context.set(entity, "summary", parts.join(" "));
}

function addStep(context: ExtractContext, pilot: DraftEntity, step: string, quote: string): void {
  const steps = (pilot.props.steps as string[] | undefined) ?? [];
  const text = capitalize(step.replace(/\s+/g, " ").trim());
  if (!steps.includes(text)) pilot.props.steps = [...steps, text];
  context.draft.quote(pilot, quote);
}

/**
 * An ally called in for the pilot by another (the Fabrique, mostly): both contributed to it and
 * accompanied the territory in the fiche's season; the ally's kind, description and place when the
 * sentence gives them.
 */
function callIn(context: ExtractContext, phrase: AllyPhrase, callerText: string, quote: string): void {
  const { draft, season } = context;
  const ally = context.entityNamed("Ally", phrase.name, undefined, quote);
  if (phrase.kind) context.set(ally, "kind", phrase.kind, quote);
  if (phrase.description) context.set(ally, "description", phrase.description, quote);
  const [caller] = context.allyMentions(callerText).filter((c) => c.slug !== ally.slug);
  const callerName = caller ? nameOf(context, caller.slug) : undefined;
  const when = season !== undefined ? { season } : {};
  if (context.pilot) {
    draft.relate({
      type: "CONTRIBUTED_TO",
      from: ally.slug,
      to: context.pilot.slug,
      props: { role: callerName ? `appelé par ${callerName}` : "accompagne le projet pilote", ...when },
      quote,
    });
    if (caller)
      draft.relate({
        type: "CONTRIBUTED_TO",
        from: caller.slug,
        to: context.pilot.slug,
        props: { role: `a fait appel à ${phrase.name}`, ...when },
        quote,
      });
  }
  if (context.territory && season !== undefined) {
    const props = { season, ...(context.years ? { startYear: context.years[0], endYear: context.years[1] } : {}) };
    draft.relate({ type: "ACCOMPANIED", from: ally.slug, to: context.territory.slug, props, quote });
    if (caller) draft.relate({ type: "ACCOMPANIED", from: caller.slug, to: context.territory.slug, props, quote });
  }
  if (phrase.basedIn) basedIn(context, ally, phrase.basedIn, quote);
  context.lastAlly = ally;
}

/** "…installée à Grasse": the ally is based in that commune, when the gazetteer knows it. */
function basedIn(context: ExtractContext, ally: DraftEntity, commune: string, quote: string): void {
  const where = context.commune(commune, quote);
  if (where) context.draft.relate({ type: "BASED_IN", from: ally.slug, to: where.slug, props: {}, quote });
}

function nameOf(context: ExtractContext, slug: string): string {
  const drafted = context.draft.get("Ally", slug)?.props.name;
  return String(drafted ?? context.knowledge.bySlug("Ally", slug)?.names[0] ?? slug);
}

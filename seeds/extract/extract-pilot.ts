import { slugify } from "../../core/text/normalize.ts";
import type { DraftEntity } from "./draft.ts";
import type { ExtractContext } from "./extract-context.ts";
import { capitalize, monthYear, sentences, type Block } from "./fiche-text.ts";

/** The words that say what kind of ally it is: "une coopérative de communication" → cooperative. */
export function allyKind(description: string): string | undefined {
  const text = description.toLowerCase();
  if (/coop[ée]rative|scop|scic/.test(text)) return "cooperative";
  if (/association/.test(text)) return "association";
  if (/cabinet|bureau d['’][ée]tudes|conseil/.test(text)) return "consultancy";
  if (/r[ée]seau|alliance/.test(text)) return "network";
  if (/fondation|financeur/.test(text)) return "funder";
  if (/entreprise|soci[ée]t[ée]/.test(text)) return "company";
  if (/agence|[ée]tablissement public|minist[èe]re/.test(text)) return "public-body";
  if (/collectivit[ée]/.test(text)) return "local-authority";
  return undefined;
}

const kindNouns =
  /^(?:l['’]|la |le |les )(association|coop[ée]rative|r[ée]seau|cabinet(?: de conseil)?|bureau d['’][ée]tudes|fondation|agence|entreprise|soci[ée]t[ée]|collectif|scop|scic)\s+(.+)$/i;

/**
 * How a sentence names an ally: "Extracités", "l'association Terres Communes" (its kind before its
 * name), "Bascule Conseil, un cabinet de conseil en stratégie" (its kind in apposition).
 */
export function allyPhrase(text: string): { name: string; kind?: string; description?: string; basedIn?: string } {
  const apposition =
    /^(.+?), (une? .+)$/.exec(text) ??
    /^(.+?), ((?:association|coop[ée]rative|r[ée]seau|cabinet|bureau d['’][ée]tudes|collectif|agence|soci[ée]t[ée]|fondation)\b.+)$/i.exec(
      text,
    );
  if (apposition) {
    const description = apposition[2]!.trim();
    const basedIn = /\b(?:install[ée]e?|situ[ée]e?|bas[ée]e?) à ([A-ZÀ-Ý][\p{L}'’-]+(?:[- ][\p{L}'’-]+)*)/u.exec(description)?.[1];
    return { name: apposition[1]!.trim(), kind: allyKind(description), description, ...(basedIn ? { basedIn } : {}) };
  }
  const noun = kindNouns.exec(text);
  if (noun) return { name: noun[2]!.trim(), kind: allyKind(noun[1]!) };
  return { name: text.replace(/^(?:l['’]|la |le )(?=\p{Lu})/u, "").trim() };
}

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

      const pilot =
        /le projet pilote (?:faisait le choix de prioriser|porte sur|consiste à|vise à|a pour (?:ambition|objectif|objet) de|est consacré à|concerne) (?:la |le |les |l['’])?(.+?)\.?$/i.exec(
          sentence,
        ) ?? /^Au c(?:œ|oe)ur du projet pilote ?: (?:la |le |les |l['’])?(.+?)\.?$/i.exec(sentence);
      if (pilot) {
        context.pilot = initiative(pilot[1]!, "pilot-project", sentence);
        if (cohort) draft.relate({ type: "IN_COHORT", from: context.pilot.slug, to: cohort, props: {}, quote: sentence });
        take();
      }

      const why = /^L['’](intention|enjeu|objectif) \? (.+)$/.exec(sentence);
      if (why && context.pilot) {
        summaries.set(context.pilot, [...(summaries.get(context.pilot) ?? []), why[2]!]);
        draft.quote(context.pilot, sentence);
        take();
      }

      // "proposée par Extracités, dans le cadre de l'accompagnement "Territoires pilotes" saison 1 (2021-2022), suite à…",
      // "suggérée par la coopérative Ricochet lors de la saison 1 (2021-2022)", "proposé par Bascule Conseil, un cabinet…, en saison 1 (…)".
      const seasonClause =
        '(?:dans le cadre de l[\'’]accompagnement "?[^"]+?"? |lors de la |au cours de la |en )saison (\\d+) \\((\\d{4})\\s*[-–]\\s*(\\d{4})\\)(?:,? (?:suite à|après) (.+?))?\\.?$';
      const cleft = new RegExp(
        `^C['’]est (?:l['’]alli[ée]e? )?(.+?),? qui (?:avait |a )?(?:propos[ée]|sugg[ée]r[ée]|initi[ée]) .+? ${seasonClause}`,
      ).exec(sentence);
      const proposedBy = cleft ?? new RegExp(`(?:propos[ée]e?|sugg[ée]r[ée]e?|initi[ée]e?) par (.+?),? ${seasonClause}`).exec(sentence);
      if (proposedBy) {
        const phrase = allyPhrase(proposedBy[1]!.trim());
        const ally = context.entityNamed("Ally", phrase.name);
        if (phrase.kind) context.set(ally, "kind", phrase.kind, sentence);
        if (phrase.description) context.set(ally, "description", phrase.description, sentence);
        const [s, start, end] = [Number(proposedBy[2]), Number(proposedBy[3]), Number(proposedBy[4])];
        if (!ally.known && !phrase.kind) ally.notes.push("its kind (cooperative, association…) is not in the sentence: add it");
        const earlier = context.cohort(s, [start, end], sentence);
        if (context.territory) {
          draft.relate({ type: "MEMBER_OF", from: context.territory.slug, to: earlier.slug, props: {}, quote: sentence });
          draft.relate({
            type: "ACCOMPANIED",
            from: ally.slug,
            to: context.territory.slug,
            props: { season: s, startYear: start, endYear: end, ...(proposedBy[5] ? { role: proposedBy[5] } : {}) },
            quote: sentence,
          });
        }
        if (context.pilot)
          draft.relate({
            type: "CONTRIBUTED_TO",
            from: ally.slug,
            to: context.pilot.slug,
            props: { role: "a proposé cette orientation", season: s },
            quote: sentence,
          });
        context.lastAlly = ally;
        take();
      }

      const proposes = /^(.+?) propose(?: alors)? (un|une) (.+?)(?: avec .+| suivi .+)?\.$/.exec(sentence);
      if (proposes && !proposedBy) {
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

      // Who was called in, and by whom: "X fait appel à l'allié Y, une coopérative…", "X a fait appel à Y, un
      // collectif… installé à Rouen", "X fait appel à deux alliés : Y, une…, et Z, une…", "L'alliée Y, un…, a été sollicitée par X".
      const verb = "(?:fait appel à|a fait appel à|a sollicité|sollicite|a mobilisé|mobilise)";
      const several = new RegExp(`^(.+?) ${verb} (?:deux|trois|quatre|plusieurs) alli[ée]·?e?s ?: (.+?)\\.(?:\\s|$)`).exec(sentence);
      const calls = several ? undefined : new RegExp(`^(.+?) ${verb} (?:l['’]alli[ée]e? )?(.+?, (?:une? )?.+?)\\.(?:\\s|$)`).exec(sentence);
      const passive = /^(?:L['’]alli[ée]e? )?(.+?, une? .+?), a été (?:sollicit[ée]e?|appel[ée]e?|mobilis[ée]e?) par (.+?)\.(?:\s|$)/.exec(
        sentence,
      );
      const called = several
        ? { caller: several[1]!, allies: several[2]!.split(/,? et (?=\p{Lu})/u), quote: several[0].trim() }
        : calls
          ? { caller: calls[1]!, allies: [calls[2]!], quote: calls[0].trim() }
          : passive
            ? { caller: passive[2]!, allies: [passive[1]!], quote: passive[0].trim() }
            : undefined;
      if (called && called.allies.every((a) => allyPhrase(a.trim()).kind !== undefined || /, une? /.test(a))) {
        for (const phrase of called.allies) callIn(context, allyPhrase(phrase.trim()), called.caller, called.quote);
        take();
      }

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
      const activity =
        (!planned &&
          /^((?:Une?|Deux|Trois|Quatre|Cinq|Six|Plusieurs|\d+) .+?) (?:est|sont|a été|ont été|était|étaient|sera|seront) (?:aussi |également )?(prévue?s?|organis[ée]e?s?|men[ée]e?s?|r[ée]alis[ée]e?s?|anim[ée]e?s?)(?: (.+?))?\.?$/.exec(
            sentence,
          )) ||
        /^((?:Une?|Deux|Trois|Quatre|Cinq|Six|Plusieurs|\d+) .+?) (?:a|ont) eu lieu(?: (.+?))?\.?$/.exec(sentence);
      if (activity && context.pilot) {
        const when = activity.length === 4 ? activity[3] : activity[2];
        addStep(context, context.pilot, when ? `${activity[1]} (${when})` : activity[1]!, sentence);
        take();
      }
      const ended = /(?:L['’]accompagnement|Le projet(?: pilote)?|Il|Elle) s['’]est (?:termin[ée]e?|achev[ée]e?) en (.+?)\.?$/.exec(
        sentence,
      );
      if (ended && context.pilot) {
        context.set(context.pilot, "status", "completed", sentence);
        context.set(context.pilot, "endDate", monthYear(ended[1]!), sentence);
        take();
      }

      if (/toujours en cours/.test(sentence) && context.pilot) {
        context.set(context.pilot, "status", "running", sentence);
        take();
      }
      const ends = /(?:devrait se terminer|se terminera|prendra fin) en (.+?)\.?$/.exec(sentence);
      if (ends && context.pilot) {
        context.set(context.pilot, "plannedEndDate", monthYear(ends[1]!), sentence);
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
function callIn(context: ExtractContext, phrase: ReturnType<typeof allyPhrase>, callerText: string, quote: string): void {
  const { draft, season } = context;
  const ally = context.entityNamed("Ally", phrase.name);
  if (phrase.kind) context.set(ally, "kind", phrase.kind, quote);
  if (phrase.description) context.set(ally, "description", phrase.description, quote);
  const [caller] = context.allyMentions(callerText);
  const when = season !== undefined ? { season } : {};
  if (context.pilot) {
    draft.relate({
      type: "CONTRIBUTED_TO",
      from: ally.slug,
      to: context.pilot.slug,
      props: { role: `appelé par ${callerText}`, ...when },
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
  if (phrase.basedIn) {
    const where = context.commune(phrase.basedIn, quote);
    if (where) draft.relate({ type: "BASED_IN", from: ally.slug, to: where.slug, props: {}, quote });
  }
  context.lastAlly = ally;
}

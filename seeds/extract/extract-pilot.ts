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
    if (context.territory) draft.relate({ type: "LOCATED_IN", from: entity.slug, to: context.territory.slug, props: {} });
    return entity;
  };

  for (const block of blocks) {
    for (const sentence of sentences(block)) {
      let placed = false;
      const take = (): void => {
        placed = true;
        draft.placed.add(sentence);
      };

      const pilot = /le projet pilote (?:faisait le choix de prioriser|porte sur|consiste à|vise à) (?:la |le |les |l['’])?(.+?)\.?$/i.exec(
        sentence,
      );
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

      const proposedBy =
        /propos[ée]e? par (.+?), dans le cadre de l['’]accompagnement "?([^"]+?)"? saison (\d+) \((\d{4})\s*[-–]\s*(\d{4})\)(?:, suite à (.+?))?\.?$/.exec(
          sentence,
        );
      if (proposedBy) {
        const ally = context.entityNamed("Ally", proposedBy[1]!.trim());
        const [s, start, end] = [Number(proposedBy[3]), Number(proposedBy[4]), Number(proposedBy[5])];
        if (!ally.known) ally.notes.push("its kind (cooperative, association…) is not in the sentence: add it");
        const earlier = context.cohort(s, [start, end], sentence);
        if (context.territory) {
          draft.relate({ type: "MEMBER_OF", from: context.territory.slug, to: earlier.slug, props: {}, quote: sentence });
          draft.relate({
            type: "ACCOMPANIED",
            from: ally.slug,
            to: context.territory.slug,
            props: { season: s, startYear: start, endYear: end, ...(proposedBy[6] ? { role: proposedBy[6] } : {}) },
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
          if (cohort) draft.relate({ type: "IN_COHORT", from: proposal.slug, to: cohort, props: {} });
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
        if (cohort) draft.relate({ type: "IN_COHORT", from: context.pilot.slug, to: cohort, props: {} });
        take();
      }
      const aim = /^Il s['’]agit de (.+)$/.exec(sentence);
      if (aim && context.pilot) {
        summaries.set(context.pilot, [...(summaries.get(context.pilot) ?? []), capitalize(aim[1]!)]);
        draft.quote(context.pilot, sentence);
        take();
      }

      const calls = /^(.+?) fait appel à l['’]alli[ée]e? (.+?), (une? .+?)\.\s*/.exec(sentence);
      if (calls) {
        const ally = context.entityNamed("Ally", calls[2]!.trim());
        const quote = /^(.+?) fait appel à l['’]alli[ée]e? .+?, une? .+?\./.exec(sentence)![0];
        context.set(ally, "kind", allyKind(calls[3]!), quote);
        context.set(ally, "description", calls[3]!, quote);
        const [caller] = context.allyMentions(calls[1]!);
        if (context.pilot) {
          draft.relate({
            type: "CONTRIBUTED_TO",
            from: ally.slug,
            to: context.pilot.slug,
            props: { role: `appelé par ${calls[1]}`, ...(season ? { season } : {}) },
            quote,
          });
          if (caller)
            draft.relate({
              type: "CONTRIBUTED_TO",
              from: caller.slug,
              to: context.pilot.slug,
              props: { role: `a fait appel à ${calls[2]}`, ...(season ? { season } : {}) },
              quote,
            });
        }
        if (context.territory && season !== undefined) {
          draft.relate({
            type: "ACCOMPANIED",
            from: ally.slug,
            to: context.territory.slug,
            props: { season, ...(context.years ? { startYear: context.years[0], endYear: context.years[1] } : {}) },
            quote,
          });
          if (caller)
            draft.relate({
              type: "ACCOMPANIED",
              from: caller.slug,
              to: context.territory.slug,
              props: { season, ...(context.years ? { startYear: context.years[0], endYear: context.years[1] } : {}) },
              quote,
            });
        }
        context.lastAlly = ally;
        take();
      }

      const located = /(?:elle|il) est situ[ée]e? à ([A-ZÀ-Ý][\p{L}'’-]+(?:[- ][\p{L}'’-]+)*)/u.exec(sentence);
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

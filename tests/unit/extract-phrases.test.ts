import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import { allyPhrase, splitAllyList } from "../../seeds/extract/ally-phrases.ts";
import { extractFiche } from "../../seeds/extract/extract-fiche.ts";
import { readFiche, unbreakName } from "../../seeds/extract/fiche-text.ts";
import { Knowledge } from "../../seeds/extract/knowledge.ts";
import { activity, callsIn, endOf, pilotSubject, proposedEarlier } from "../../seeds/extract/pilot-phrases.ts";

// The wordings of the second round (issue 18), one sentence at a time; each expected value is read
// from the French sentence itself.
describe("the ways a fiche tells its pilot", () => {
  it("finds the subject whatever the verb, tense or opening", () => {
    const cases: [string, string][] = [
      ["Le projet pilote a porté sur l'approvisionnement biologique des crèches.", "approvisionnement biologique des crèches"],
      [
        "Le projet pilote retenu par la communauté de communes concerne la mobilité solidaire en milieu rural.",
        "mobilité solidaire en milieu rural",
      ],
      [
        "Le projet pilote s'attache à la préservation de la biodiversité dans les vignes.",
        "préservation de la biodiversité dans les vignes",
      ],
      [
        "Le projet pilote a pour ambition de développer les mobilités douces entre les hameaux.",
        "développer les mobilités douces entre les hameaux",
      ],
      [
        "Pour son projet pilote, l'agglomération a choisi de travailler sur le réemploi des matériaux du bâtiment.",
        "réemploi des matériaux du bâtiment",
      ],
      [
        "La commune a fait le choix d'un projet pilote autour de l'autoconsommation collective d'énergie solaire.",
        "autoconsommation collective d'énergie solaire",
      ],
      ["Au cœur du projet pilote : la rénovation énergétique des logements privés.", "rénovation énergétique des logements privés"],
    ];
    for (const [sentence, subject] of cases) expect(pilotSubject(sentence), sentence).toBe(subject);
    expect(pilotSubject("Lors d'une réunion, le contour du projet pilote est dessiné.")).toBeUndefined();
  });

  it("finds the ally of an earlier season, whatever the verb and wherever the season is said", () => {
    const cases: [string, string, boolean][] = [
      [
        "La démarche avait été initiée par la coopérative Graines d'Avenir, un collectif de maraîchers, lors de la saison 1 (2021-2022).",
        "Graines d'Avenir",
        true,
      ],
      [
        "Cette piste avait été impulsée par Extra Cités, coopérative d'urbanisme culturel, lors de la saison 1 (2021-2022).",
        "Extra Cités",
        true,
      ],
      [
        "Cette orientation avait été suggérée en saison 1 (2021-2022) par Soleil Commun, une société coopérative d'intérêt collectif.",
        "Soleil Commun",
        true,
      ],
      [
        "Lors de la saison 1 (2021-2022), c'est le cabinet Alter Terra, une agence de paysage, qui avait porté cette idée.",
        "Alter Terra",
        true,
      ],
      ["Cette idée était née en saison 1 (2021-2022) avec le cabinet Ecotone, un bureau d'études thermiques.", "Ecotone", true],
      ["Lors de la saison 1 (2021-2022), l'association Jeunes Pousses avait accompagné la commune sur ce sujet.", "Jeunes Pousses", false],
    ];
    for (const [sentence, name, proposed] of cases) {
      const earlier = proposedEarlier(sentence, 2);
      expect(earlier?.ally.name, sentence).toBe(name);
      expect(earlier).toMatchObject({ season: 1, years: [2021, 2022], proposed });
    }
    // The season to come proposed nothing yet; a commune is no ally.
    expect(proposedEarlier("Ce projet sera proposé par Ricochet en saison 3 (2025-2026).", 2)).toBeUndefined();
    expect(proposedEarlier("Lors de la saison 1 (2021-2022), la commune avait organisé un forum.", 2)).toBeUndefined();
  });

  it("splits a counted list of allies ally by ally, each with its own apposition and place", () => {
    const called = callsIn(
      "Pour ce second temps, la Fabrique des transitions a mobilisé trois alliées : Terres Partagées Sud, une association foncière, Les Cuisiniers Solidaires, une coopérative de restauration installée à Grasse, et l'association Petits Pas, un réseau de parents.",
    );
    expect(called?.caller).toBe("Pour ce second temps, la Fabrique des transitions a mobilisé");
    expect(called?.allies).toEqual([
      { name: "Terres Partagées Sud", kind: "association", description: "une association foncière" },
      {
        name: "Les Cuisiniers Solidaires",
        kind: "cooperative",
        description: "une coopérative de restauration installée à Grasse",
        basedIn: "Grasse",
      },
      { name: "Petits Pas", kind: "association", description: "un réseau de parents" },
    ]);
    // An "et" inside a name: the count tells it from an "et" between allies.
    expect(splitAllyList("Terre et Cité, une association, et Ricochet, une coopérative", 2)).toEqual([
      "Terre et Cité, une association",
      "Ricochet, une coopérative",
    ]);
    // No caller: "Deux alliées ont été appelées : …".
    expect(
      callsIn(
        "Deux alliées ont été appelées : Énergie Citoyenne Alpine, une association d'usagers, et Coop Alpes Solaires, une coopérative d'installateurs installée à Briançon.",
      )?.allies.map((a) => a.name),
    ).toEqual(["Énergie Citoyenne Alpine", "Coop Alpes Solaires"]);
    // An ally told without kind or apposition is not guessed at.
    expect(callsIn("La Fabrique des transitions fait appel à deux alliés : Ricochet et Maillage.")).toBeUndefined();
  });

  it("reads an ally's kind from the noun before its name, unless the noun says little", () => {
    expect(allyPhrase("l'association Roue Libre, un réseau de garages solidaires basé à Cahors")).toEqual({
      name: "Roue Libre",
      kind: "association",
      description: "un réseau de garages solidaires basé à Cahors",
      basedIn: "Cahors",
    });
    expect(allyPhrase("l'agence Paysages Vivants, un bureau d'études en écologie").kind).toBe("consultancy");
  });

  it("reads activities with their length and month, and the end in the past as in the future", () => {
    expect(activity("Une formation de deux jours des cuisiniers s'est tenue en novembre 2023.")).toBe(
      "Une formation de deux jours des cuisiniers (en novembre 2023)",
    );
    expect(activity("Trois journées de terrain se sont déroulées en avril 2024.")).toBe("Trois journées de terrain (en avril 2024)");
    expect(activity("Chaque atelier est animé par Mathilde Roux.")).toBeUndefined();
    expect(endOf("L'accompagnement a pris fin en juillet 2024.")).toEqual({ done: true, month: "2024-07" });
    expect(endOf("L'accompagnement s'est clôturé en juin 2022.")).toEqual({ done: true, month: "2022-06" });
    expect(endOf("L'accompagnement s'est terminé fin juin 2024.")).toEqual({ done: true, month: "2024-06" });
    expect(endOf("L'accompagnement doit s'achever en décembre 2024.")).toEqual({ done: false, month: "2024-12" });
    expect(endOf("L'accompagnement se terminera en octobre 2024.")).toEqual({ done: false, month: "2024-10" });
  });

  it("mends a name cut by a hyphen at a line's end, and keeps a compound first name", () => {
    const { blocks } = readFiche("coordonnée par Aurélie Bas-\ntide et par Pierre-\nYves Lacombe, avec Jean-Ma-\nrie Faure.");
    expect(unbreakName("Aurélie Bas-tide", blocks[0]!)).toBe("Aurélie Bastide");
    expect(unbreakName("Pierre-Yves Lacombe", blocks[0]!)).toBe("Pierre-Yves Lacombe");
    expect(unbreakName("Jean-Ma-rie Faure", blocks[0]!)).toBe("Jean-Marie Faure");
    expect(unbreakName("Anne-Louise Nègre", blocks[0]!)).toBe("Anne-Louise Nègre");
  });
});

describe("an ally spelt otherwise than the graph knows it", () => {
  it("is the known ally, quoted, with a note for the reviewer", () => {
    const gazetteer = new Gazetteer(readGazetteerFile());
    const knowledge = Knowledge.fromSeeds();
    expect(knowledge.closeTo("Ally", "Extra Cités")?.entity.slug).toBe("extracites");
    expect(knowledge.closeTo("Ally", "Bien fait pour ta comm")?.entity.slug).toBe("bien-fait-pour-ta-com");
    expect(knowledge.closeTo("Ally", "Ricochet")).toBeUndefined();
    const text = [
      "La cohorte Territoires pilotes : les projets des territoires",
      "Saison 2",
      "2023-2024",
      "LA COMMUNE DE CORRENS",
      "Var, Région Provence-Alpes-Côte d'Azur",
      "LE PROJET PILOTE",
      "Le projet pilote porte sur les circuits courts. Cette piste avait été impulsée par Extra Cités, coopérative d'urbanisme culturel, lors de la saison 1 (2021-2022).",
    ].join("\n\n");
    const { draft, yaml } = extractFiche(text, "fiche-test.txt", knowledge, gazetteer);
    expect(draft.get("Ally", "extra-cites")).toBeUndefined();
    const known = draft.get("Ally", "extracites")!;
    expect(known.known).toBe(true);
    expect(known.notes.join("\n")).toMatch(/^the fiche writes "Extra Cités": taken as the known Extracités \(extracites\)/);
    expect(draft.relationships.some((r) => r.type === "ACCOMPANIED" && r.from === "extracites" && r.props.season === 1)).toBe(true);
    expect(yaml).toContain('# the fiche writes "Extra Cités": taken as the known Extracités');
  });
});

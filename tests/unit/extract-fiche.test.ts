import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Gazetteer } from "../../core/gazetteer/gazetteer.ts";
import { readGazetteerFile } from "../../core/gazetteer/gazetteer-file.ts";
import type { DraftEntity, DraftRelationship } from "../../seeds/extract/draft.ts";
import { extractFiche, type Extraction } from "../../seeds/extract/extract-fiche.ts";
import { Knowledge } from "../../seeds/extract/knowledge.ts";
import { checkSeeds, listSeedFiles } from "../../seeds/load-seeds.ts";
import { formatProblem } from "../../seeds/problem.ts";
import { normalizeForQuotes } from "../../seeds/source-texts.ts";

const gazetteer = new Gazetteer(readGazetteerFile());
const fiche = fs.readFileSync("seeds/sources/territoires-pilotes-saison-2-vimy.txt", "utf8");
const fileName = "territoires-pilotes-saison-2-vimy.txt";

/** Knowing nothing: every fact must come from the text itself. */
const blank = () => new Knowledge();
const extract = (text: string, knowledge = blank()) => extractFiche(text, fileName, knowledge, gazetteer);

const entity = (x: Extraction, label: string, slug: string): DraftEntity => {
  const found = x.draft.get(label as never, slug);
  if (!found) throw new Error(`no ${label} ${slug} in ${[...x.draft.entities.keys()].join(", ")}`);
  return found;
};
const initiativeWith = (x: Extraction, words: RegExp): DraftEntity => {
  const found = [...x.draft.entities.values()].find((e) => e.label === "Initiative" && words.test(String(e.props.title)));
  if (!found) throw new Error(`no initiative titled ${words}`);
  return found;
};
const relations = (x: Extraction, type: string, from?: string, to?: string): DraftRelationship[] =>
  x.draft.relationships.filter(
    (r) => r.type === type && (!from || r.from.replace(/^\w+\//, "") === from) && (!to || r.to.replace(/^\w+\//, "") === to),
  );

describe("extracting the Vimy fiche, knowing nothing beforehand", () => {
  const x = extract(fiche);

  it("the header: a commune of the Pas-de-Calais, région Hauts-de-France, 4 261 habitants, 11,3 km², saison 2 (2023-2024)", () => {
    const vimy = entity(x, "Territory", "vimy");
    expect(vimy.props).toMatchObject({ name: "Vimy", kind: "commune", inseeCode: "62861", population: 4261, areaKm2: 11.3 });
    expect(vimy.quotes).toEqual(expect.arrayContaining(["4 261 habitants", "11,3 km²"]));
    expect(entity(x, "Territory", "pas-de-calais").props).toMatchObject({ kind: "département", inseeCode: "62" });
    expect(entity(x, "Territory", "hauts-de-france").props).toMatchObject({ kind: "région", inseeCode: "32" });
    expect(relations(x, "PART_OF", "vimy", "pas-de-calais")).toHaveLength(1);
    expect(entity(x, "Cohort", "territoires-pilotes-saison-2").props).toMatchObject({
      season: 2,
      startYear: 2023,
      endYear: 2024,
      programme: "Territoires pilotes",
    });
    expect(relations(x, "MEMBER_OF", "vimy", "territoires-pilotes-saison-2")).toHaveLength(1);
  });

  it("saison 1: Extracités accompanied Vimy (interviews, co-production workshop) and proposed the school catering pilot", () => {
    expect(entity(x, "Cohort", "territoires-pilotes-saison-1").props).toMatchObject({ season: 1, startYear: 2021, endYear: 2022 });
    const [accompanied] = relations(x, "ACCOMPANIED", "extracites", "vimy");
    expect(accompanied!.props).toMatchObject({
      season: 1,
      startYear: 2021,
      endYear: 2022,
      role: expect.stringMatching(/entretiens.*atelier de co-production/),
    });
    const pilot = initiativeWith(x, /restauration scolaire/);
    expect(pilot.props).toMatchObject({ kind: "pilot-project", status: "reoriented" });
    expect(pilot.props.summary).toMatch(/Relocaliser la cantine dans le cœur du bourg.*sans changement d'approvisionnement/);
    expect(relations(x, "CONTRIBUTED_TO", "extracites", pilot.slug)[0]!.props).toMatchObject({ season: 1 });
  });

  it("saison 2: the Fabrique's participatory evaluation, then the promotion of Vimy's transition actions with Bien fait pour ta com", () => {
    const evaluation = initiativeWith(x, /évaluation participatif/);
    expect(evaluation.props).toMatchObject({ kind: "proposal", status: "proposed" });
    expect(relations(x, "CONTRIBUTED_TO", "la-fabrique-des-transitions", evaluation.slug)).toHaveLength(1);
    const pilot = initiativeWith(x, /valorisation des actions de transition/i);
    expect(pilot.props).toMatchObject({ kind: "pilot-project", status: "running", plannedEndDate: "2024-09" });
    expect(pilot.props.summary).toMatch(/petites victoires/);
    expect(pilot.props.steps).toEqual([
      expect.stringMatching(/atelier collectif pendant deux jours.*équipes internes et des habitants/),
      expect.stringMatching(/formation des équipes internes à la communication/),
    ]);
    const bfptc = entity(x, "Ally", "bien-fait-pour-ta-com");
    expect(bfptc.props).toMatchObject({
      name: "Bien fait pour ta com",
      kind: "cooperative",
      description: "une coopérative de communication",
    });
    expect(relations(x, "BASED_IN", "bien-fait-pour-ta-com", "lille")[0]!.quote).toBe("elle est située à Lille");
    expect(entity(x, "Territory", "lille").props).toMatchObject({ inseeCode: "59350" });
    expect(relations(x, "PARTNERED_WITH", "bien-fait-pour-ta-com", "extracites")[0]!.quote).toMatch(/liens professionnels/);
    expect(relations(x, "CONTRIBUTED_TO", "bien-fait-pour-ta-com", pilot.slug)).toHaveLength(1);
  });

  it("the other initiatives: Vertiges de Labour, fiche Action 2.0 from the boussole of the Agglomération du Beauvaisis, the charte éco-manifestation", () => {
    const show = entity(x, "Initiative", "vertiges-de-labour");
    expect(show.props).toMatchObject({
      title: "Vertiges de Labour",
      kind: "show",
      pageTitle: "Ville de Vimy - Vertiges de Labour : mettre en récits le « monde agricole »",
    });
    expect(show.props.summary).toMatch(/juin 2023/);
    expect(relations(x, "CONTRIBUTED_TO", "loos-en-gohelle", "vertiges-de-labour")[0]!.props.role).toBe("créé en coopération");
    expect(entity(x, "Territory", "loos-en-gohelle").props).toMatchObject({ inseeCode: "62528" });
    expect(relations(x, "CONTRIBUTED_TO", "xavier-lacouture", "vertiges-de-labour")[0]!.props.role).toBe("mise en scène");
    const fiche20 = initiativeWith(x, /^Fiche Action 2\.0$/);
    const [inspired] = relations(x, "INSPIRED_BY", fiche20.slug);
    const boussole = entity(x, "Initiative", inspired!.to);
    expect(boussole.props).toMatchObject({ pageTitle: "Agglomération du Beauvaisis : la boussole de la coopération" });
    const [where] = relations(x, "LOCATED_IN", boussole.slug);
    expect(entity(x, "Territory", where!.to).props).toMatchObject({ kind: "intercommunalité", siren: "200067999" });
    expect(initiativeWith(x, /charte éco-manifestation/i).props.kind).toBe("charter");
  });

  it("the Fabrique: 400+ organisations and 1 000 people, supported by ADEME; the credits and the printer", () => {
    expect(entity(x, "Ally", "la-fabrique-des-transitions").props).toMatchObject({
      organisationCount: 400,
      organisationCountIsMinimum: true,
      personCount: 1000,
    });
    expect(relations(x, "SUPPORTS", "ademe", "la-fabrique-des-transitions")).toHaveLength(1);
    const credits = relations(x, "CREDITED_IN")
      .map((r) => `${r.from}: ${r.props.role}`)
      .sort();
    expect(credits).toEqual([
      "anne-louise-negre: rédaction, en lien avec les territoires",
      "irwin-marchal: relecture et mise en page",
      "julian-perdrigeat: direction de publication",
    ]);
    expect(entity(x, "Source", "territoires-pilotes-saison-2-vimy").props).toMatchObject({ printer: "Tanghe Printing", file: fileName });
  });

  it("invents nothing: every quote is in the text word for word, no web address, no one the text does not name", () => {
    const text = normalizeForQuotes(fiche);
    const quotes = [...x.draft.entities.values()]
      .flatMap((e) => e.quotes)
      .concat(x.draft.relationships.flatMap((r) => (r.quote ? [r.quote] : [])));
    expect(quotes.length).toBeGreaterThan(40);
    for (const quote of quotes) expect(text, quote).toContain(quote);
    expect(x.yaml).not.toMatch(/https?:\/\//);
    const people = [...x.draft.entities.values()]
      .filter((e) => e.label === "Person")
      .map((e) => e.props.name)
      .sort();
    expect(people).toEqual(["Anne-Louise Nègre", "Irwin Marchal", "Julian Perdrigeat", "Xavier Lacouture"]);
    for (const date of x.yaml.match(/\b\d{4}-\d{2}\b/g) ?? [])
      expect(["2024-09", "2021-2022", "2023-2024"].some((d) => d.startsWith(date.slice(0, 4)))).toBe(true);
  });

  it("lists what it could not place, in the draft and to the reviewer", () => {
    expect(x.unplaced.length).toBeGreaterThan(0);
    expect(x.unplaced).toEqual(expect.arrayContaining([expect.stringMatching(/^En un mot, montrer la valeur du projet/)]));
    expect(x.yaml).toMatch(/# Not placed: sentences the extractor drew no fact from/);
  });
});

describe("the draft, with what seeds/data knows", () => {
  it("reuses known slugs, states only what is new, and passes npm run seed -- --check in place of the hand-written file", () => {
    const x = extract(fiche, Knowledge.fromSeeds("territoires-pilotes-saison-2-vimy.yaml"));
    expect(x.draft.get("Ally", "bien-fait-pour-ta-com")!.props).toEqual({}); // allies.yaml already names and describes it
    expect(relations(x, "BASED_IN")).toEqual([]); // stated in allies.yaml
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "draft-"));
    const draftFile = path.join(dir, "territoires-pilotes-saison-2-vimy.yaml");
    fs.writeFileSync(draftFile, x.yaml);
    const files = [...listSeedFiles().filter((f) => path.basename(f) !== "territoires-pilotes-saison-2-vimy.yaml"), draftFile];
    const { problems, plan } = checkSeeds(files, gazetteer);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(plan!.nodeCount).toBeGreaterThanOrEqual(38);
  });
});

describe("variants of the layout", () => {
  const populationOf = (text: string) => entity(extract(text), "Territory", "vimy").props.population;
  it.each([
    ["4 261", 4261],
    ["4261", 4261],
    ["4\u00a0261", 4261],
    ["4\u202f261", 4261],
  ])("population written %j", (written, expected) => {
    expect(populationOf(fiche.replace("4 261 habitants", `${written} habitants`))).toBe(expected);
  });

  it.each(["11,3 km²", "11.3 km2", "11,3 km2", "11.3 km²"])("area written %j", (written) => {
    expect(entity(extract(fiche.replace("11,3 km²", written)), "Territory", "vimy").props.areaKm2).toBe(11.3);
  });

  it("CRLF line endings give the same draft", () => {
    expect(extract(fiche.replace(/\n/g, "\r\n")).yaml).toBe(extract(fiche).yaml);
  });

  it("a missing section: what it held is not there, the rest is", () => {
    const without = fiche.replace(/D'AUTRES PROJETS RÉUSSIS[\s\S]*?(?=\*\*La Fabrique des transitions anime)/, "");
    const x = extract(without);
    expect(x.draft.get("Initiative", "vertiges-de-labour")).toBeUndefined();
    expect(entity(x, "Territory", "vimy").props.population).toBe(4261);
    expect(initiativeWith(x, /valorisation/i).props.status).toBe("running");
    const noSteps = extract(fiche.replace("LES ÉTAPES", ""));
    expect(initiativeWith(noSteps, /valorisation/i).props.plannedEndDate).toBe("2024-09");
  });

  it("sections in another order", () => {
    const others = /D'AUTRES PROJETS RÉUSSIS[\s\S]*?(?=\*\*La Fabrique des transitions anime)/.exec(fiche)![0];
    const reordered = fiche.replace(others, "").replace("LE PROJET PILOTE", `${others}\n\nLE PROJET PILOTE`);
    const x = extract(reordered);
    expect(x.draft.get("Initiative", "vertiges-de-labour")!.props.pageTitle).toMatch(/Vertiges de Labour/);
    expect(initiativeWith(x, /restauration scolaire/).props.kind).toBe("pilot-project");
  });

  it.each([
    ["LA COMMUNAUTÉ D'AGGLOMÉRATION DU BEAUVAISIS", "Oise", { kind: "intercommunalité", siren: "200067999", name: "CA du Beauvaisis" }],
    ["LA COMMUNAUTÉ DE COMMUNES DES CAMPAGNES DE L'ARTOIS", "Pas-de-Calais", { kind: "intercommunalité", siren: "200069482" }],
    ["LE DÉPARTEMENT DU PAS-DE-CALAIS", "Pas-de-Calais", { kind: "département", inseeCode: "62" }],
  ])("another kind of territory in the header: %s", (heading, departement, expected) => {
    const x = extract(fiche.replace("LA COMMUNE DE VIMY", heading).replace("Pas-de-Calais,", `${departement},`));
    const territory = [...x.draft.entities.values()].find(
      (e) =>
        e.label === "Territory" &&
        e.props.kind === expected.kind &&
        (e.props.siren === (expected as any).siren || e.props.inseeCode === (expected as any).inseeCode),
    )!;
    expect(territory.props).toMatchObject(expected);
    expect(territory.props.population).toBe(4261);
  });
});

describe("npm run extract", () => {
  it("writes the draft and says what it found and what to do next", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "extract-")), "draft.yaml");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "seeds/extract/extract-cli.ts", "seeds/sources/territoires-pilotes-saison-2-vimy.txt", "--out", out],
      { encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Draft written to .*: .*\d+ Territory.*, \d+ relationships; \d+ sentence\(s\) not placed/);
    expect(run.stderr).toMatch(/npm run seed -- --check/);
    expect(fs.readFileSync(out, "utf8")).toMatch(/^# Draft extracted from territoires-pilotes-saison-2-vimy\.txt/);
  });
});

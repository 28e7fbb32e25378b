// Generated from core/model by `npm run generate`: edit the model, not this file.

/** The operation that reads an entity's sources, per kind (the answer's field is the kind's query field). */
export const provenanceQueries = {
  territory: { field: "territories", query: "query ProvenanceTerritory($slug: String!) { territories(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }" },
  ally: { field: "allies", query: "query ProvenanceAlly($slug: String!) { allies(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }" },
  initiative: { field: "initiatives", query: "query ProvenanceInitiative($slug: String!) { initiatives(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }" },
  person: { field: "people", query: "query ProvenancePerson($slug: String!) { people(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }" },
  cohort: { field: "cohorts", query: "query ProvenanceCohort($slug: String!) { cohorts(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }" },
  theme: { field: "themes", query: "query ProvenanceTheme($slug: String!) { themes(where: { slug: { eq: $slug } }) { sourcesConnection { edges { properties { fields quotes } node { slug title publisher } } } } }" },
} as const;

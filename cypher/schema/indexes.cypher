// Generated from core/model by `npm run generate`: edit the model, not this file.
// Point indexes serve `point.distance(n.location, $p) < $d` in allies-near.cypher and the
// distance filters of the generated API.
CREATE POINT INDEX territory_location IF NOT EXISTS FOR (n:Territory) ON (n.location);
CREATE POINT INDEX ally_location IF NOT EXISTS FOR (n:Ally) ON (n.location);

// Range indexes for the properties the API filters or looks up by (index: "range" in the model),
// and those system nodes are looked up by (`indexed` in the model).
CREATE INDEX territory_insee_code IF NOT EXISTS FOR (n:Territory) ON (n.inseeCode);
CREATE INDEX initiative_title IF NOT EXISTS FOR (n:Initiative) ON (n.title);
CREATE INDEX initiative_status IF NOT EXISTS FOR (n:Initiative) ON (n.status);
CREATE INDEX change_status IF NOT EXISTS FOR (n:Change) ON (n.status);

// Accent- and case-insensitive search over the properties marked `search` in the model, across kinds.
// standard-folding = Lucene's standard tokenizer + lowercase + ASCII folding ("Extracités" -> "extracites").
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Territory|Ally|Initiative|Person|Cohort|Theme|Source)
ON EACH [n.name, n.aliases, n.title, n.pageTitle]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } };
// Eventually consistent: a load of 100 000 entities commits without waiting for Lucene; the loader
// then waits for the refresh (awaitEventuallyConsistentIndexRefresh), so search is never behind it.

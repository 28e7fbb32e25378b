// Point indexes serve `point.distance(n.location, $p) < $d` in allies-near.cypher and the
// distance filters of the generated API.
CREATE POINT INDEX territory_location IF NOT EXISTS FOR (n:Territory) ON (n.location);
CREATE POINT INDEX ally_location IF NOT EXISTS FOR (n:Ally) ON (n.location);

// Initiatives are filtered by title (prefix) and status in the generated API.
CREATE INDEX initiative_title IF NOT EXISTS FOR (n:Initiative) ON (n.title);
CREATE INDEX initiative_status IF NOT EXISTS FOR (n:Initiative) ON (n.status);

// Territories are looked up by INSEE code when places are resolved.
CREATE INDEX territory_insee IF NOT EXISTS FOR (n:Territory) ON (n.inseeCode);

// Accent- and case-insensitive search over names, titles and aliases of every kind of entity.
// standard-folding = Lucene's standard tokenizer + lowercase + ASCII folding ("Extracités" -> "extracites").
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Territory|Ally|Initiative|Person|Cohort|Theme|Source)
ON EACH [n.name, n.title, n.aliases, n.pageTitle]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true } };
// Eventually consistent: a load of 100 000 entities commits without waiting for Lucene; the loader
// then waits for the refresh (awaitEventuallyConsistentIndexRefresh), so search is never behind it.

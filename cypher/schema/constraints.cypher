// Generated from core/model by `npm run generate`: edit the model, not this file.
// One slug per entity and label: the stable key of permalinks and of every MERGE in the loader.
CREATE CONSTRAINT territory_slug IF NOT EXISTS FOR (n:Territory) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT ally_slug IF NOT EXISTS FOR (n:Ally) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT initiative_slug IF NOT EXISTS FOR (n:Initiative) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT person_slug IF NOT EXISTS FOR (n:Person) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT cohort_slug IF NOT EXISTS FOR (n:Cohort) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT theme_slug IF NOT EXISTS FOR (n:Theme) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT source_slug IF NOT EXISTS FOR (n:Source) REQUIRE n.slug IS UNIQUE;
// One version node, found by its id in constant time by every cached read.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;

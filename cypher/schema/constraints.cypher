// Generated from core/model by `npm run generate`: edit the model, not this file.
// One slug per entity and label: the stable key of permalinks and of every MERGE in the loader.
CREATE CONSTRAINT territory_slug IF NOT EXISTS FOR (n:Territory) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT ally_slug IF NOT EXISTS FOR (n:Ally) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT initiative_slug IF NOT EXISTS FOR (n:Initiative) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT person_slug IF NOT EXISTS FOR (n:Person) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT cohort_slug IF NOT EXISTS FOR (n:Cohort) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT theme_slug IF NOT EXISTS FOR (n:Theme) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT source_slug IF NOT EXISTS FOR (n:Source) REQUIRE n.slug IS UNIQUE;
// The system nodes: one version node (found by its id by every cached read), accounts, change records, the keys of what they touched.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (n:GraphVersion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT account_username IF NOT EXISTS FOR (n:Account) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_key_key IF NOT EXISTS FOR (n:ChangeKey) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT import_mapping_name IF NOT EXISTS FOR (n:ImportMapping) REQUIRE n.name IS UNIQUE;

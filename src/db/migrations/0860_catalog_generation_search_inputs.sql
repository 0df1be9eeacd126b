-- 0860 The catalogue generation (0810) also moves when the other inputs of the public search change:
-- the search vocabulary (catalog_lexicon: typo corrections and compound splits) and municipalities
-- (the municipality filter reads their county). The search keeps results per generation
-- (src/domain/catalog/catalog.cache.ts), so every table a search result depends on must move it.
-- Statement-level, like 0810: one bump per statement, whatever the number of rows.

CREATE TRIGGER catalog_lexicon_generation
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON catalog_lexicon
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_generation_bump();

CREATE TRIGGER municipalities_catalog_generation
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_generation_bump();

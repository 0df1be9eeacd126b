-- 0861 Room on each page of the search vocabulary for HOT updates. Every import batch adds its services'
-- words with `doc_count = doc_count + n` (catalog.repository addWordsToLexicon): a thousand services
-- update ~6 500 lexicon rows. On full pages each update was a new row version in all three indexes
-- (the primary key, the prefix index and the trigram GIN index: ≈ 50 µs a row on PGlite); with free
-- space on the page the update is HOT (no index entry, doc_count is in no index) and later updates
-- reuse the space pruned on the page. CLUSTER rewrites the table once with the new fill factor.
ALTER TABLE catalog_lexicon SET (fillfactor = 50);
CLUSTER catalog_lexicon USING catalog_lexicon_pkey;

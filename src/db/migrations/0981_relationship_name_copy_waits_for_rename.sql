-- 0981 A relationship started while its client is being renamed takes the new name (0971's copy, PostgreSQL).
--
-- * Why: 0971's BEFORE trigger read the client's names with a plain SELECT. Under READ COMMITTED a
--   relationship inserted while another transaction renamed its client (not yet committed) copied the old
--   names, and the rename's AFTER trigger, which rewrites the copies of the client's relationships, could
--   not see the uncommitted relationship: the copy stayed stale and the caseload page sorted the client
--   under its old name. (The foreign key's check takes only a KEY SHARE lock, which a rename does not wait
--   for or block.)
-- * Now the names are read FOR SHARE: the insert waits for a rename in progress and then reads the committed
--   names; a rename that comes second waits for the insert's commit, and its AFTER trigger (a statement
--   of its own, with a snapshot taken after the wait) sees and rewrites the new relationship.
--   tests/api/caseload-name-order.test.ts runs the two at once on PostgreSQL. PGlite runs one transaction
--   at a time, so it never met the race; the lock costs it nothing. Relationships are started a few times a
--   day per worker; the lock marks one client row.
CREATE OR REPLACE FUNCTION client_relationships_client_name() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  SELECT c.last_name, c.first_name INTO NEW.client_last_name, NEW.client_first_name FROM clients c WHERE c.id = NEW.client_id FOR SHARE;
  -- No client: leave the copies null, so the NOT NULL check (or the foreign key) refuses the row as before.
  RETURN NEW;
END
$$;

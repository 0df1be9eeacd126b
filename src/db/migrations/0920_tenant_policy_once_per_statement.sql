-- 0920 Row-level security: the tenant is read once per statement instead of once per row.
-- See docs/adr/0801-row-level-security.md ("Policy form") and docs/performance.md.
--
-- 0801's policies call polku_tenant_row(county_code), which inlines to
--   county_code = nullif(current_setting('polku.county_code', true), '') OR current_setting('polku.role', true) = 'system'
-- and so looks both settings up for every row a statement scans (1M path events in a report: 2M lookups).
-- The same test with each setting read by a scalar sub-select is an InitPlan: evaluated once per execution
-- (also of a cached or generic plan), every row then compares county_code with a parameter. The visible
-- and writable rows are the same in every context (a county, no or an empty county, the system role):
-- the two functions below are the two halves of polku_tenant_row, unchanged. Settings are transaction-local
-- (set_config(…, true) in src/domain/shared/tx.ts) and set by their own statements, so no statement sees
-- them change while it runs.
--
-- Every policy that calls polku_tenant_row (0801, 0813, 0814, 0890 and any later one) is rewritten in place,
-- with its name, command and roles kept; the DO block fails if one is left. polku_tenant_row stays for
-- code that calls it, but new policies use the form below (tests/api/row-level-security.test.ts checks).

CREATE FUNCTION polku_tenant_county() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT nullif(current_setting('polku.county_code', true), '')
$$;

CREATE FUNCTION polku_system_context() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT current_setting('polku.role', true) = 'system'
$$;

DO $$
DECLARE
  p record;
  once text := '(county_code = (SELECT polku_tenant_county()) OR (SELECT polku_system_context()))';
  per_row text := 'polku_tenant_row(county_code)';
BEGIN
  FOR p IN
    SELECT pol.polname, c.relname, pg_get_expr(pol.polqual, pol.polrelid) AS qual, pg_get_expr(pol.polwithcheck, pol.polrelid) AS withcheck
      FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public'
  LOOP
    IF p.qual LIKE '%' || per_row || '%' THEN
      EXECUTE format('ALTER POLICY %I ON %I USING (%s)', p.polname, p.relname, replace(p.qual, per_row, once));
    END IF;
    IF p.withcheck LIKE '%' || per_row || '%' THEN
      EXECUTE format('ALTER POLICY %I ON %I WITH CHECK (%s)', p.polname, p.relname, replace(p.withcheck, per_row, once));
    END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_policy pol
              WHERE coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') LIKE '%polku_tenant_row%'
                 OR coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '') LIKE '%polku_tenant_row%') THEN
    RAISE EXCEPTION 'a policy still evaluates polku_tenant_row per row';
  END IF;
END
$$;

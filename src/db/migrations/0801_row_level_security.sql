-- 0801 Row-level security: a second line of defence behind the application's access checks.
-- See docs/adr/0801-row-level-security.md for the decisions.
--
-- The app runs as polku_app (not superuser, not owner). Each transaction sets, with set_config(..., true),
-- polku.county_code (the actor's county) and polku.role (src/domain/shared/tx.ts). Policies below:
--   * client data: a row is visible/writable only when its county_code equals polku.county_code;
--     with no tenant context (setting missing or '') nothing is visible. Background jobs and other
--     actorless machinery set polku.role = 'system' explicitly (inSystemTransaction), which sees all counties.
--   * reference data (organisations, units, municipalities, the public service catalogue, configuration
--     tables and the user directory needed for login): readable without a tenant; writes still only in the
--     actor's own county (or by the system context).
--   * audit_log: rows without a county (logins, failed logins) are readable without a tenant; county rows only
--     in their county. Writes go only through the SECURITY DEFINER audit_append (owner, bypasses RLS).
-- ENABLE (not FORCE): the owner that runs migrations, reference/demo seeding and the bench generator bypasses.

CREATE FUNCTION polku_tenant_row(p_county_code text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT p_county_code = nullif(current_setting('polku.county_code', true), '')
      OR current_setting('polku.role', true) = 'system'
$$;

DO $$
DECLARE
  t text;
  client_tables text[] := ARRAY[
    'clients', 'client_relationships', 'path_events',
    'households', 'client_close_ones', 'concerns', 'self_assessments', 'self_assessment_answers', 'assessments',
    'client_plans', 'client_plan_members', 'plan_goals', 'plan_actions', 'plan_services', 'plan_linked_plans',
    'plan_commitments', 'plan_versions', 'client_notifications',
    'consents', 'consent_events', 'emergency_access', 'referrals', 'referral_events', 'handovers', 'relationship_endings',
    'meetings', 'meeting_participants', 'followup_tasks', 'client_contacts', 'notifications',
    'pupil_enrolments', 'school_welfare_staff', 'absence_imports', 'absences', 'absence_steps', 'absence_surveys',
    'feedback_responses', 'feedback_answers', 'feedback_receipts'];
  reference_tables text[] := ARRAY[
    'municipalities', 'organizations', 'units', 'users',
    'catalog_services', 'catalog_service_history', 'life_areas',
    'referral_time_limits', 'followup_settings', 'absence_thresholds'];
BEGIN
  FOREACH t IN ARRAY client_tables LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_rows ON %I FOR ALL TO polku_app
                      USING (polku_tenant_row(county_code)) WITH CHECK (polku_tenant_row(county_code))', t);
  END LOOP;
  FOREACH t IN ARRAY reference_tables LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY reference_read ON %I FOR SELECT TO polku_app USING (true)', t);
    EXECUTE format('CREATE POLICY tenant_insert ON %I FOR INSERT TO polku_app WITH CHECK (polku_tenant_row(county_code))', t);
    EXECUTE format('CREATE POLICY tenant_update ON %I FOR UPDATE TO polku_app
                      USING (polku_tenant_row(county_code)) WITH CHECK (polku_tenant_row(county_code))', t);
    EXECUTE format('CREATE POLICY tenant_delete ON %I FOR DELETE TO polku_app USING (polku_tenant_row(county_code))', t);
  END LOOP;
END
$$;

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit_log FOR SELECT TO polku_app
  USING (county_code IS NULL OR polku_tenant_row(county_code));

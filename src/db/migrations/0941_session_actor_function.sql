-- 0941 The session lookup that starts every authenticated request (src/server/plugins/auth.ts) as a
-- PL/pgSQL function, so its three-table join is parsed and planned once per connection instead of on
-- every request, as 0940 does for the caseload page. It matters most on PGlite, where planning runs in
-- WASM on the server's only thread (docs/performance.md, seventh round).
--
-- Same statement as identity.repository.ts ran before: the session with its user and the user's
-- organisation, read per request so that a changed role or a disabled user applies at once. Sessions and
-- the user directory are not tenant data (0801); SECURITY INVOKER, search_path pinned.

CREATE FUNCTION polku_session_actor(p_id_hash text)
RETURNS TABLE (
  id_hash text, last_seen_at timestamptz, absolute_expires_at timestamptz,
  user_id uuid, username text, display_name text, role text, disabled boolean,
  organization_id uuid, unit_id uuid, county_code text, client_id uuid,
  organization_name text, organization_sector text
)
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
    SELECT s.id_hash, s.last_seen_at, s.absolute_expires_at, u.id, u.username, u.display_name, u.role, u.disabled,
           u.organization_id, u.unit_id, u.county_code, u.client_id, o.name, o.sector
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      JOIN organizations o ON o.id = u.organization_id
     WHERE s.id_hash = p_id_hash;
END
$$;

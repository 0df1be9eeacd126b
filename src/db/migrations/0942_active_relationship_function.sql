-- 0942 The first step of the access check on every read of a client's data (src/domain/access,
-- hasActiveRelationship: does the actor's organisation have an active relationship with the client?) as a
-- PL/pgSQL function, planned once per connection instead of on every request, like 0940 and 0941
-- (docs/performance.md, seventh round).
--
-- The same predicate as before. SECURITY INVOKER: row-level security and the request's tenant context
-- apply inside it exactly as to the statement itself, so a relationship in another county stays invisible
-- and the check still denies (the route answers 404).

CREATE FUNCTION polku_has_active_relationship(p_client_id uuid, p_organization_id uuid)
RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM client_relationships r
     WHERE r.client_id = p_client_id AND r.organization_id = p_organization_id AND r.ended_at IS NULL);
END
$$;

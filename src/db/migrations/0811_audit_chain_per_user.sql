-- 0811 Audit rows without a client are spread over the 64 chains by user (ADR 0003, docs/performance.md).
--
-- 0001 put every row without a client (caseload views, task lists, catalogue edits, logins) on
-- chain 0. The chain's advisory lock is held until commit (WAL flush included), so all such
-- requests of the whole county queued behind one lock: the bench's caseload scenario (10 workers)
-- was capped at about one commit at a time. Now such a row goes to the chain of its user (rows
-- without user and client, e.g. a failed login of an unknown name, stay on chain 0).
--
-- The hash is masked instead of abs(): abs(hashtext(...)) fails for the one value -2^31.
-- Verification is unchanged: every row stores its chain and its predecessor's hash, and a
-- verifier walks the rows of each chain in id order (audit.repository listChain).

CREATE OR REPLACE FUNCTION audit_append(
  p_user_id uuid, p_username text, p_organization_id uuid, p_county_code text, p_client_id uuid,
  p_action text, p_resource text, p_resource_id text, p_basis text, p_allowed boolean,
  p_correlation_id text, p_ip text, p_details jsonb
) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_chain smallint := CASE WHEN p_client_id IS NOT NULL THEN ((hashtext(p_client_id::text) & 2147483647) % 64)::smallint
                           WHEN p_user_id IS NOT NULL THEN ((hashtext(p_user_id::text) & 2147483647) % 64)::smallint
                           ELSE 0 END;
  v_prev text;
  v_at timestamptz := clock_timestamp();
  v_hash text;
  v_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(707023, v_chain);
  SELECT hash INTO v_prev FROM audit_log WHERE chain = v_chain ORDER BY id DESC LIMIT 1;
  v_hash := encode(sha256(convert_to(concat_ws('|',
    coalesce(v_prev, ''), v_at::text, v_chain::text, coalesce(p_user_id::text, ''), coalesce(p_organization_id::text, ''),
    coalesce(p_client_id::text, ''), p_action, coalesce(p_resource, ''), coalesce(p_resource_id, ''),
    coalesce(p_basis, ''), p_allowed::text, coalesce(p_details::text, '')), 'UTF8')), 'hex');
  INSERT INTO audit_log (at, chain, user_id, username, organization_id, county_code, client_id, action, resource,
                         resource_id, basis, allowed, correlation_id, ip, details, prev_hash, hash)
  VALUES (v_at, v_chain, p_user_id, p_username, p_organization_id, p_county_code, p_client_id, p_action, p_resource,
          p_resource_id, p_basis, p_allowed, p_correlation_id, p_ip, p_details, v_prev, v_hash)
  RETURNING id INTO v_id;
  RETURN v_id;
END
$$;

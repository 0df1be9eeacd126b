import type { Tx } from '../../db/schema.js';

/** Who has seen or changed a client's data: the client's Act 703/2023 § 11 view, newest first. */
export function listClientAccess(tx: Tx, clientId: string, since: Date, limit = 200) {
  return tx
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('organizations as o', 'o.id', 'a.organization_id')
    .select(['a.at', 'a.action', 'a.basis', 'a.allowed', 'a.resource', 'u.display_name', 'u.title', 'u.role', 'o.name as organization_name'])
    .where('a.client_id', '=', clientId)
    .where('a.at', '>=', since)
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute();
}

/** Recomputes nothing itself: returns the rows of a chain in order so a verifier can walk it. */
export function listChain(tx: Tx, chain: number) {
  return tx.selectFrom('audit_log').selectAll().where('chain', '=', chain).orderBy('id', 'asc').execute();
}

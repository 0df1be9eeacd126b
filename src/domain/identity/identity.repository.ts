import type { Tx } from '../../db/schema.js';

export function findUserForLogin(tx: Tx, username: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** The session's user as of now: role and organisation are read per request, so changes apply at once. */
export function findSessionActor(tx: Tx, idHash: string) {
  return tx
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select([
      's.id_hash',
      's.last_seen_at',
      's.absolute_expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.disabled',
      'u.organization_id',
      'u.unit_id',
      'u.county_code',
      'u.client_id',
      'o.name as organization_name',
      'o.sector as organization_sector',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function insertSession(
  tx: Tx,
  s: { idHash: string; userId: string; absoluteExpiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await tx
    .insertInto('sessions')
    .values({ id_hash: s.idHash, user_id: s.userId, absolute_expires_at: s.absoluteExpiresAt, ip: s.ip, user_agent: s.userAgent })
    .execute();
}

export async function touchSession(tx: Tx, idHash: string, at: Date) {
  await tx.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(tx: Tx, idHash: string) {
  await tx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteUserSessions(tx: Tx, userId: string) {
  await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';

export function findUserForLogin(tx: Tx, username: string) {
  return tx
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/**
 * The session's user as of now: role and organisation are read per request, so changes apply at once.
 * The join is `polku_session_actor` (migration 0941), planned once per connection: it runs on every request.
 */
export async function findSessionActor(tx: Tx, idHash: string): Promise<SessionActorRow | undefined> {
  const { rows } = await sql<SessionActorRow>`SELECT * FROM polku_session_actor(${idHash})`.execute(tx);
  return rows[0];
}

export interface SessionActorRow {
  id_hash: string;
  last_seen_at: Date;
  absolute_expires_at: Date;
  user_id: string;
  username: string;
  display_name: string;
  role: string;
  disabled: boolean;
  organization_id: string;
  unit_id: string | null;
  county_code: string;
  client_id: string | null;
  organization_name: string;
  organization_sector: string;
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

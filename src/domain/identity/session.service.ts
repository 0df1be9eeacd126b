import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../../db/schema.js';
import type { Actor } from './actor.js';
import * as repo from './identity.repository.js';
import { DUMMY_HASH, verifyPassword } from './password.js';
import type { Role } from './roles.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Checks the password and opens a new session. The token is returned once; only its hash is stored. */
export async function login(
  tx: Tx,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  policy: SessionPolicy,
): Promise<{ token: string; userId: string } | null> {
  const user = await repo.findUserForLogin(tx, input.username);
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) return null;
  const token = randomBytes(32).toString('base64url');
  await repo.insertSession(tx, {
    idHash: hashToken(token),
    userId: user.id,
    absoluteExpiresAt: new Date(Date.now() + policy.absoluteHours * 3600_000),
    ip: input.ip,
    userAgent: input.userAgent,
  });
  return { token, userId: user.id };
}

/** Resolves a session token to the acting user, enforcing idle and absolute timeouts. */
export async function resolveSession(
  tx: Tx,
  token: string,
  policy: SessionPolicy,
  meta: { correlationId: string; ip: string | null },
): Promise<Actor | null> {
  const idHash = hashToken(token);
  const row = await repo.findSessionActor(tx, idHash);
  if (!row) return null;
  const now = Date.now();
  const idleExpired = now - new Date(row.last_seen_at).getTime() > policy.idleMinutes * 60_000;
  if (row.disabled || idleExpired || now > new Date(row.absolute_expires_at).getTime()) {
    await repo.deleteSession(tx, idHash);
    return null;
  }
  // Writing on every request would turn reads into writes; a minute's precision is enough for a 30-minute idle limit.
  if (now - new Date(row.last_seen_at).getTime() > 60_000) await repo.touchSession(tx, idHash, new Date(now));
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationSector: row.organization_sector,
    countyCode: row.county_code,
    unitId: row.unit_id,
    clientId: row.client_id,
    correlationId: meta.correlationId,
    ip: meta.ip,
  };
}

export async function logout(tx: Tx, token: string) {
  await repo.deleteSession(tx, hashToken(token));
}

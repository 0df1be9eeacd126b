import type { Tx } from '../../db/schema.js';

/** OWASP ASVS 2.2.1: after 10 failed logins for one account or one address within 15 minutes, refuse. */
export const THROTTLE = { maxFailures: 10, windowMinutes: 15 } as const;

/**
 * Seconds until the caller may try again, or 0. Failed attempts are read from the audit log,
 * which every app node shares, so the limit holds across nodes.
 */
export async function loginRetryAfter(tx: Tx, username: string, ip: string | null, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const byUser = await recentFailures(tx, 'username', username, since);
  const byIp = ip ? await recentFailures(tx, 'ip', ip, since) : { n: 0, oldest: null };
  const blocking = [byUser, byIp].filter((f) => f.n >= THROTTLE.maxFailures && f.oldest);
  if (!blocking.length) return 0;
  const freeAt = Math.max(...blocking.map((f) => new Date(f.oldest!).getTime() + THROTTLE.windowMinutes * 60_000));
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}

async function recentFailures(tx: Tx, column: 'username' | 'ip', value: string, since: Date) {
  // The window's oldest failure that still counts decides when the block lifts.
  const rows = await tx
    .selectFrom('audit_log')
    .select('at')
    .where('action', '=', 'auth.login-failed')
    .where(column, '=', value)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(THROTTLE.maxFailures)
    .execute();
  return { n: rows.length, oldest: rows.length ? rows[rows.length - 1]!.at : null };
}

import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import type { Actor } from '../identity/actor.js';

export interface AuditEntry {
  action: string; // e.g. 'client.read', 'plan.update', 'auth.login'
  clientId?: string | null;
  resource?: string | null;
  resourceId?: string | null;
  basis?: string | null; // on what grounds: 'client-relationship', 'consent', 'self', 'statutory:shl35' …
  allowed: boolean;
  details?: Record<string, unknown> | null;
}

/** Control characters (newlines included) are dropped so that nobody can forge log lines. */
export const cleanLogText = (v: string | null | undefined) =>
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  v == null ? null : v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').slice(0, 500);

/**
 * Appends one row to the hash-chained audit log, in the caller's transaction, so the row
 * commits or rolls back together with the change it describes.
 */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry, meta?: { username?: string; ip?: string | null; correlationId?: string }) {
  await sql`SELECT audit_append(
      ${actor?.userId ?? null}::uuid, ${cleanLogText(actor?.username ?? meta?.username ?? null)}, ${actor?.organizationId ?? null}::uuid,
      ${actor?.countyCode ?? null}, ${entry.clientId ?? null}::uuid, ${cleanLogText(entry.action)}, ${cleanLogText(entry.resource ?? null)},
      ${cleanLogText(entry.resourceId ?? null)}, ${cleanLogText(entry.basis ?? null)}, ${entry.allowed},
      ${cleanLogText(actor?.correlationId ?? meta?.correlationId ?? null)}, ${cleanLogText(actor?.ip ?? meta?.ip ?? null)},
      ${entry.details ? JSON.stringify(entry.details) : null}::jsonb)`.execute(tx);
}

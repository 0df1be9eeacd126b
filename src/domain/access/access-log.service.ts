import type { Tx } from '../../db/schema.js';
import { listClientAccess } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { requireClientAccess } from './access.service.js';

const LOG_WINDOW_DAYS = 2 * 365;

/**
 * Who has seen or changed the client's data, on what basis, and who was refused
 * (Act 703/2023 § 11 use log). Reading the log is itself logged, so it is read after the check.
 */
export async function clientAccessLog(tx: Tx, actor: Actor, clientId: string, now = new Date()) {
  await requireClientAccess(tx, actor, clientId, { action: 'access-log.read', resource: 'audit_log' });
  const rows = await listClientAccess(tx, clientId, new Date(now.getTime() - LOG_WINDOW_DAYS * 86_400_000));
  return {
    items: rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      user: r.display_name ?? null,
      organization: r.organization_name ?? null,
      action: r.action,
      basis: r.basis,
      allowed: r.allowed,
    })),
  };
}

import type { Tx } from '../../db/schema.js';
import { requireClientAccess } from '../access/index.js';
import type { Actor } from '../identity/actor.js';
import { listPathEvents } from './path.repository.js';
import { groupIntoPhases } from './path.rules.js';

/** The client's path for the worker and, the same data, for the client in the portal. */
export async function getClientPath(tx: Tx, actor: Actor, clientId: string, now = new Date()) {
  await requireClientAccess(tx, actor, clientId, { action: 'path.read', category: 'plan', resource: 'path_events' });
  const shaped = groupIntoPhases(await listPathEvents(tx, [clientId]), now);
  return { clientId, ...shaped };
}

import type { Tx } from '../../db/schema.js';
import type { PathStepInput } from './path.rules.js';
import './path.tables.js';

/** Every step of one client's path (or of a family's paths), oldest first. */
export async function listPathEvents(tx: Tx, clientIds: string[]): Promise<PathStepInput[]> {
  if (clientIds.length === 0) return [];
  const rows = await tx
    .selectFrom('path_events as e')
    .leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(['e.id', 'e.at', 'e.phase', 'e.kind', 'e.title', 'e.description', 'e.sectors', 'e.interface_note', 'o.name as organization_name'])
    .where('e.client_id', 'in', clientIds)
    .orderBy('e.at')
    .orderBy('e.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at),
    phase: r.phase,
    kind: r.kind,
    title: r.title,
    description: r.description,
    sectors: r.sectors,
    interfaceNote: r.interface_note,
    organizationName: r.organization_name,
  }));
}

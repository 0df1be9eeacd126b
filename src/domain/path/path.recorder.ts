import type { Tx } from '../../db/schema.js';
import type { Sector } from '../catalog/catalog.types.js';
import type { PathPhase } from './path.tables.js';

export interface PathEventInput {
  clientId: string;
  countyCode: string;
  organizationId: string | null;
  phase: PathPhase;
  /** What happened: 'concern', 'self-assessment', 'assessment', 'segment', 'level', 'plan-version',
   *  'referral-status', 'meeting', 'task', 'service-start', 'service-end', 'handover', 'ending', 'absence-level', 'note' */
  kind: string;
  at?: Date | string;
  title: string;
  description?: string | null;
  /** Sectors involved in this step; more than one makes it an interface (yhdyspinta). */
  sectors: Sector[];
  interfaceNote?: string | null;
  ref?: { type: string; id: string } | null;
  createdBy?: string | null;
}

/** Appends one step to the client's path. Every module records its events through this. */
export async function recordPathEvent(tx: Tx, e: PathEventInput): Promise<string> {
  const row = await tx
    .insertInto('path_events')
    .values({
      client_id: e.clientId,
      county_code: e.countyCode,
      organization_id: e.organizationId,
      phase: e.phase,
      kind: e.kind,
      at: e.at ?? new Date(),
      title: e.title,
      description: e.description ?? null,
      sectors: [...new Set(e.sectors)],
      interface_note: e.interfaceNote ?? null,
      ref_type: e.ref?.type ?? null,
      ref_id: e.ref?.id ?? null,
      created_by: e.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

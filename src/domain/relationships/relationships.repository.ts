import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import type { NotificationKind, NotificationPayload } from './relationships.tables.js';
import './relationships.tables.js';

export interface WorkerRow {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  organizationId: string;
  role: string;
  disabled: boolean;
}

export interface RelationshipRow {
  id: string;
  clientId: string;
  organizationId: string;
  organizationName: string;
  organizationSector: string;
  organizationPhone: string | null;
  countyCode: string;
  unitName: string | null;
  level: string;
  responsibleUserId: string | null;
  backupUserId: string | null;
  holdsCoordination: boolean;
  coordinationNote: string | null;
  coordinationUntil: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

const isoDate = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export async function listRelationships(tx: Tx, clientId: string, opts: { activeOnly: boolean }): Promise<RelationshipRow[]> {
  let q = tx
    .selectFrom('client_relationships as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select([
      'r.id',
      'r.client_id',
      'r.organization_id',
      'o.name as organization_name',
      'o.sector',
      'o.phone as organization_phone',
      'r.county_code',
      'u.name as unit_name',
      'r.level',
      'r.responsible_user_id',
      'r.backup_user_id',
      // Added by 0300; the foundation's row type does not know it, hence raw SQL.
      sql<boolean>`r.holds_coordination`.as('holds_coordination'),
      'r.coordination_note',
      'r.coordination_until',
      'r.started_at',
      'r.ended_at',
    ])
    .where('r.client_id', '=', clientId);
  if (opts.activeOnly) q = q.where('r.ended_at', 'is', null);
  const rows = await q.orderBy('r.started_at').execute();
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    organizationSector: r.sector,
    organizationPhone: r.organization_phone,
    countyCode: r.county_code,
    unitName: r.unit_name,
    level: r.level,
    responsibleUserId: r.responsible_user_id,
    backupUserId: r.backup_user_id,
    holdsCoordination: r.holds_coordination,
    coordinationNote: r.coordination_note,
    coordinationUntil: isoDate(r.coordination_until),
    startedAt: new Date(r.started_at),
    endedAt: r.ended_at ? new Date(r.ended_at) : null,
  }));
}

export async function findWorkers(tx: Tx, ids: string[]): Promise<Map<string, WorkerRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .selectFrom('users')
    .select(['id', 'display_name', 'title', 'phone', 'email', 'organization_id', 'role', 'disabled'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((u) => [
      u.id,
      { id: u.id, name: u.display_name, title: u.title, phone: u.phone, email: u.email, organizationId: u.organization_id, role: u.role, disabled: u.disabled },
    ]),
  );
}

/** Active professionals of one organisation, by name: who can be named responsible worker or backup. */
export async function listOrganizationWorkers(tx: Tx, organizationId: string, roles: readonly string[]) {
  return tx
    .selectFrom('users')
    .select(['id', 'display_name as name', 'title', 'phone', 'email'])
    .where('organization_id', '=', organizationId)
    .where('disabled', '=', false)
    .where('role', 'in', [...roles])
    .orderBy('display_name')
    .execute();
}

export interface NewRelationship {
  clientId: string;
  organizationId: string;
  countyCode: string;
  unitId: string | null;
  level: string;
  /** Null only when a handover's receiving organisation has not named a worker yet. */
  responsibleUserId: string | null;
  backupUserId?: string | null;
  holdsCoordination?: boolean;
  coordinationNote?: string | null;
  coordinationUntil?: string | null;
  createdBy: string;
}

/** The one insert of a client relationship (registration, received concern, handover, the relationships page). */
export async function insertRelationship(tx: Tx, r: NewRelationship): Promise<string> {
  const row = await tx
    .insertInto('client_relationships')
    .values({
      client_id: r.clientId,
      organization_id: r.organizationId,
      county_code: r.countyCode,
      unit_id: r.unitId,
      level: r.level,
      responsible_user_id: r.responsibleUserId,
      backup_user_id: r.backupUserId ?? null,
      coordination_note: r.coordinationNote ?? null,
      coordination_until: r.coordinationUntil ?? null,
      created_by: r.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (r.holdsCoordination) await setHoldsCoordination(tx, row.id, true);
  return row.id;
}

export interface RelationshipPatch {
  level?: string;
  responsibleUserId?: string;
  backupUserId?: string | null;
  coordinationNote?: string | null;
  coordinationUntil?: string | null;
  endedAt?: Date;
}

export async function updateRelationship(tx: Tx, id: string, p: RelationshipPatch): Promise<void> {
  const set = {
    ...(p.level !== undefined && { level: p.level }),
    ...(p.responsibleUserId !== undefined && { responsible_user_id: p.responsibleUserId }),
    ...(p.backupUserId !== undefined && { backup_user_id: p.backupUserId }),
    ...(p.coordinationNote !== undefined && { coordination_note: p.coordinationNote }),
    ...(p.coordinationUntil !== undefined && { coordination_until: p.coordinationUntil }),
    ...(p.endedAt !== undefined && { ended_at: p.endedAt }),
  };
  if (Object.keys(set).length > 0) await tx.updateTable('client_relationships').set(set).where('id', '=', id).execute();
}

export async function setHoldsCoordination(tx: Tx, id: string, value: boolean): Promise<void> {
  await sql`UPDATE client_relationships SET holds_coordination = ${value} WHERE id = ${id}`.execute(tx);
}

export async function insertNotification(
  tx: Tx,
  n: { clientId: string; countyCode: string; organizationId: string; kind: NotificationKind; payload: NotificationPayload; createdBy: string | null; at?: Date },
): Promise<string> {
  const row = await tx
    .insertInto('client_notifications')
    .values({
      client_id: n.clientId,
      county_code: n.countyCode,
      organization_id: n.organizationId,
      kind: n.kind,
      payload: JSON.stringify(n.payload),
      created_by: n.createdBy,
      ...(n.at && { created_at: n.at }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listNotifications(tx: Tx, clientId: string, limit = 50) {
  return tx
    .selectFrom('client_notifications')
    .select(['id', 'kind', 'payload', 'created_at', 'read_at'])
    .where('client_id', '=', clientId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function markNotificationsRead(tx: Tx, clientId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('client_notifications').set({ read_at: new Date() }).where('client_id', '=', clientId).where('id', 'in', ids).where('read_at', 'is', null).execute();
}

import type { Tx } from '../../db/schema.js';
import type { Relationship, StartRelationshipRequest, UpdateRelationshipRequest, Worker } from '../../contracts/relationships.contracts.js';
import { requireClientAccess } from '../access/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional, PROFESSIONAL_ROLES, type Role } from '../identity/roles.js';
import { recordPathEvent } from '../path/index.js';
import type { Sector } from '../catalog/catalog.types.js';
import { badRequest, forbidden, notFound, type Lang } from '../shared/errors.js';
import * as repo from './relationships.repository.js';
import { byCoordinationFirst, notificationFor, notificationMessage, type GuidanceLevel } from './relationships.rules.js';
import type { NotificationKind, NotificationPayload } from './relationships.tables.js';

const toWorker = (w: repo.WorkerRow | undefined): Worker | null =>
  w ? { id: w.id, name: w.name, title: w.title, phone: w.phone, email: w.email } : null;

/** Active (or all) relationships of a client with named workers, coordinating one first. No access check: callers do it. */
export async function relationshipsOf(tx: Tx, clientId: string, activeOnly = true): Promise<Relationship[]> {
  const rows = await repo.listRelationships(tx, clientId, { activeOnly });
  const workers = await repo.findWorkers(tx, rows.flatMap((r) => [r.responsibleUserId, r.backupUserId].filter((v): v is string => !!v)));
  return rows
    .map((r) => ({
      id: r.id,
      organization: { id: r.organizationId, name: r.organizationName, sector: r.organizationSector, phone: r.organizationPhone },
      unitName: r.unitName,
      level: r.level as GuidanceLevel,
      responsible: toWorker(r.responsibleUserId ? workers.get(r.responsibleUserId) : undefined),
      backup: toWorker(r.backupUserId ? workers.get(r.backupUserId) : undefined),
      holdsCoordination: r.holdsCoordination,
      coordinationNote: r.coordinationNote,
      coordinationUntil: r.coordinationUntil,
      startedAt: r.startedAt.toISOString(),
      endedAt: r.endedAt?.toISOString() ?? null,
    }))
    .sort(byCoordinationFirst);
}

export async function listClientRelationships(tx: Tx, actor: Actor, clientId: string, includeEnded: boolean) {
  await requireClientAccess(tx, actor, clientId, { action: 'relationship.list', category: 'plan', resource: 'client_relationships' });
  return { items: await relationshipsOf(tx, clientId, !includeEnded) };
}

const workerNotInOrganization = () =>
  badRequest('worker_not_in_organization', {
    fi: 'Omatyöntekijän ja varahenkilön on oltava oman organisaatiosi työntekijöitä.',
    sv: 'Kontaktpersonen och ersättaren måste arbeta i din organisation.',
    en: 'The responsible worker and the backup must work in your organisation.',
  });

/** Only active professionals of the actor's own organisation can be named as workers. */
async function requireOwnWorkers(tx: Tx, actor: Actor, ids: (string | null | undefined)[]) {
  const wanted = ids.filter((v): v is string => !!v);
  const found = await repo.findWorkers(tx, wanted);
  for (const id of wanted) {
    const w = found.get(id);
    if (!w || w.disabled || w.organizationId !== actor.organizationId || !isProfessional(w.role as Role)) throw workerNotInOrganization();
  }
  return found;
}

/** The workers of the actor's own organisation the relationship page offers as responsible worker or backup. */
export async function listOwnWorkers(tx: Tx, actor: Actor): Promise<{ items: Worker[] }> {
  return { items: await repo.listOrganizationWorkers(tx, actor.organizationId, PROFESSIONAL_ROLES) };
}

async function tellClient(tx: Tx, actor: Actor, clientId: string, kind: NotificationKind, payload: NotificationPayload) {
  await repo.insertNotification(tx, { clientId, countyCode: actor.countyCode, organizationId: actor.organizationId, kind, payload, createdBy: actor.userId });
}

/** Starts a relationship in the actor's organisation, names the worker and tells the client who it is. */
export async function startRelationship(tx: Tx, actor: Actor, clientId: string, input: StartRelationshipRequest) {
  await requireClientAccess(tx, actor, clientId, { action: 'relationship.start', category: 'plan', resource: 'client_relationships' });
  const workers = await requireOwnWorkers(tx, actor, [input.responsibleUserId, input.backupUserId]);
  const id = await repo.insertRelationship(tx, {
    clientId,
    organizationId: actor.organizationId,
    countyCode: actor.countyCode,
    unitId: input.unitId ?? actor.unitId,
    level: input.level,
    responsibleUserId: input.responsibleUserId,
    backupUserId: input.backupUserId ?? null,
    holdsCoordination: input.holdsCoordination,
    coordinationNote: input.coordinationNote ?? null,
    coordinationUntil: input.coordinationUntil ?? null,
    createdBy: actor.userId,
  });
  const worker = toWorker(workers.get(input.responsibleUserId));
  await tellClient(tx, actor, clientId, 'relationship-started', { organizationName: actor.organizationName, worker, level: input.level });
  await recordPathEvent(tx, {
    clientId,
    countyCode: actor.countyCode,
    organizationId: actor.organizationId,
    phase: 'assessment',
    kind: 'responsible-worker',
    title: `Omatyöntekijä nimetty: ${worker?.name ?? ''} (${actor.organizationName})`,
    sectors: [actor.organizationSector as Sector],
    ref: { type: 'client_relationship', id },
    createdBy: actor.userId,
  });
  return (await relationshipsOf(tx, clientId, false)).find((r) => r.id === id)!;
}

/** Changes worker, backup, coordination or ends the relationship; the client is told of a new worker or the end. */
export async function updateRelationship(tx: Tx, actor: Actor, clientId: string, relationshipId: string, input: UpdateRelationshipRequest) {
  await requireClientAccess(tx, actor, clientId, { action: 'relationship.update', category: 'plan', resource: 'client_relationships', resourceId: relationshipId });
  const current = (await repo.listRelationships(tx, clientId, { activeOnly: false })).find((r) => r.id === relationshipId);
  // Another organisation's relationship is not ours to change: it answers like a missing one.
  if (!current || current.organizationId !== actor.organizationId) throw notFound();
  const workers = await requireOwnWorkers(tx, actor, [input.responsibleUserId, input.backupUserId]);
  const kind = notificationFor(current, input);
  await repo.updateRelationship(tx, relationshipId, {
    level: input.level,
    responsibleUserId: input.responsibleUserId,
    backupUserId: input.backupUserId,
    coordinationNote: input.coordinationNote,
    coordinationUntil: input.coordinationUntil,
    endedAt: input.end && !current.endedAt ? new Date() : undefined,
  });
  if (input.holdsCoordination !== undefined) await repo.setHoldsCoordination(tx, relationshipId, input.holdsCoordination);
  if (kind) await recordChange(tx, actor, clientId, relationshipId, kind, current, toWorker(input.responsibleUserId ? workers.get(input.responsibleUserId) : undefined));
  return (await relationshipsOf(tx, clientId, false)).find((r) => r.id === relationshipId)!;
}

async function recordChange(
  tx: Tx,
  actor: Actor,
  clientId: string,
  relationshipId: string,
  kind: NotificationKind,
  current: repo.RelationshipRow,
  newWorker: Worker | null,
) {
  const previous = current.responsibleUserId ? (await repo.findWorkers(tx, [current.responsibleUserId])).get(current.responsibleUserId) : undefined;
  const worker = kind === 'worker-changed' ? newWorker : toWorker(previous);
  await tellClient(tx, actor, clientId, kind, { organizationName: actor.organizationName, worker, previousWorkerName: previous?.name ?? null });
  await recordPathEvent(tx, {
    clientId,
    countyCode: actor.countyCode,
    organizationId: actor.organizationId,
    phase: kind === 'relationship-ended' ? 'follow-up' : 'services',
    kind: kind === 'relationship-ended' ? 'ending' : 'responsible-worker',
    title:
      kind === 'relationship-ended'
        ? `Asiakkuus päättyi: ${actor.organizationName}`
        : `Omatyöntekijä vaihtui: ${previous?.name ?? '–'} → ${worker?.name ?? '–'} (${actor.organizationName})`,
    sectors: [actor.organizationSector as Sector],
    ref: { type: 'client_relationship', id: relationshipId },
    createdBy: actor.userId,
  });
}

/** What the client has been told, newest first, in the reader's language. */
export async function listNotifications(tx: Tx, actor: Actor, clientId: string, lang: Lang) {
  await requireClientAccess(tx, actor, clientId, { action: 'notification.list', category: 'plan', resource: 'client_notifications' });
  const rows = await repo.listNotifications(tx, clientId);
  const items = rows.map((n) => {
    const payload = (typeof n.payload === 'string' ? JSON.parse(n.payload) : n.payload) as NotificationPayload;
    return {
      id: n.id,
      kind: n.kind,
      createdAt: new Date(n.created_at).toISOString(),
      readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
      organizationName: payload.organizationName,
      worker: payload.worker,
      message: notificationMessage(n.kind, payload, lang),
    };
  });
  // Reading never changes state: the client marks them read with markClientNotificationsRead (POST).
  return { items };
}

/** The client marks what they have been told as read (only the client themselves; a worker looking does not). */
export async function markClientNotificationsRead(tx: Tx, actor: Actor, clientId: string, ids: string[], lang: Lang) {
  await requireClientAccess(tx, actor, clientId, { action: 'notification.mark-read', category: 'plan', resource: 'client_notifications' });
  if (actor.role !== 'client') throw forbidden();
  await repo.markNotificationsRead(tx, clientId, ids);
  return listNotifications(tx, actor, clientId, lang);
}

import type { Tx } from '../../db/schema.js';
import type { Sector } from '../catalog/catalog.types.js';
import { requireClientAccess } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional } from '../identity/roles.js';
import { recordPathEvent } from '../path/index.js';
import { AppError, badRequest, forbidden, notFound, type Lang } from '../shared/errors.js';
import * as repo from './followup.repository.js';
import { finnishDate, isOverdue, mergeSettings, suggestFollowUp, type FollowupSettings, type GuidanceLevel } from './followup.rules.js';

export type TaskRow = NonNullable<Awaited<ReturnType<typeof repo.findTask>>>;

export function requireWorker(actor: Actor) {
  if (!isProfessional(actor.role)) throw forbidden();
}

export function toTask(r: TaskRow, today: string, names: ReadonlyMap<string, string | null>) {
  return {
    id: r.id,
    title: r.title,
    due: r.due,
    status: r.status as 'open' | 'done' | 'not-done',
    overdue: isOverdue(r, today),
    clientId: r.client_id,
    clientName: names.get(r.client_id) ?? null,
    ownerName: r.owner_name,
    ownerUserId: r.owner_user_id,
    source: r.source,
    meetingId: r.meeting_id,
    planActionId: r.plan_action_id,
    referralId: r.referral_id,
    outcomeNote: r.outcome_note,
  };
}

export async function settingsFor(tx: Tx, actor: Actor): Promise<FollowupSettings> {
  return mergeSettings(...(await repo.settingsLayers(tx, actor.countyCode, actor.organizationId)));
}

/** The worker's own tasks. One audit row for the list (like a caseload view), not one per client. */
export async function myTasks(tx: Tx, actor: Actor, status: 'open' | 'all', now = new Date()) {
  requireWorker(actor);
  const rows = await repo.tasksOfOwner(tx, actor.userId, status === 'open');
  const names = new Map(rows.map((r) => [r.client_id, r.client_name])); // read with the tasks, no second statement
  await recordAudit(tx, actor, { action: 'task.list-own', basis: 'task-owner', allowed: true, details: { count: rows.length } });
  const today = finnishDate(now);
  return { items: rows.map((r) => toTask(r, today, names)) };
}

export async function clientTasks(tx: Tx, actor: Actor, clientId: string, now = new Date()) {
  await requireClientAccess(tx, actor, clientId, { action: 'task.list', category: 'plan', resource: 'task' });
  const rows = await repo.tasksOfClient(tx, clientId);
  const names = await repo.clientNames(tx, [clientId]);
  return { items: rows.map((r) => toTask(r, finnishDate(now), names)) };
}

const ownerRequired = badRequest('owner_required', {
  fi: 'Kerro, kuka tehtävän tekee: valitse työntekijä tai kirjoita nimi.',
  sv: 'Ange vem som gör uppgiften: välj en anställd eller skriv ett namn.',
  en: 'Say who does the task: choose a worker or write a name.',
});
const unknownUser = badRequest('unknown_user', {
  fi: 'Valittua työntekijää ei löytynyt.',
  sv: 'Den valda anställda hittades inte.',
  en: 'The chosen worker was not found.',
});

/** Resolves who owns a task: a Polku user (their name and organisation) or a named person (client, close one, outside worker). */
export async function resolveOwner(tx: Tx, ownerUserId: string | undefined, ownerName: string | undefined) {
  if (ownerUserId) {
    const user = await repo.userById(tx, ownerUserId);
    if (!user) throw unknownUser;
    return { ownerUserId: user.id, ownerName: user.display_name, ownerOrganizationId: user.organization_id };
  }
  if (!ownerName?.trim()) throw ownerRequired;
  return { ownerUserId: null, ownerName: ownerName.trim(), ownerOrganizationId: null };
}

export async function createTask(
  tx: Tx,
  actor: Actor,
  clientId: string,
  input: { title: string; due: string; ownerUserId?: string | undefined; ownerName?: string | undefined; planActionId?: string | undefined; referralId?: string | undefined },
) {
  requireWorker(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'task.create', category: 'plan', resource: 'task' });
  const owner = await resolveOwner(tx, input.ownerUserId ?? (input.ownerName ? undefined : actor.userId), input.ownerName);
  const id = await repo.insertTask(tx, {
    countyCode: actor.countyCode,
    organizationId: actor.organizationId,
    clientId,
    title: input.title,
    ...owner,
    due: input.due,
    source: input.planActionId ? 'plan-action' : input.referralId ? 'referral' : 'manual',
    planActionId: input.planActionId ?? null,
    referralId: input.referralId ?? null,
    createdBy: actor.userId,
  });
  return { id };
}

/**
 * Done / not done with a note. The owner, or anyone with access to the client in the recording
 * organisation, may close it; the path gets a follow-up step with the sectors involved.
 */
export async function completeTask(tx: Tx, actor: Actor, taskId: string, status: 'done' | 'not-done', note: string | undefined, lang: Lang, now = new Date()) {
  requireWorker(actor);
  const task = await repo.findTask(tx, taskId);
  if (!task) throw notFound();
  await requireClientAccess(tx, actor, task.client_id, { action: 'task.complete', category: 'plan', resource: 'task', resourceId: taskId });
  if (task.status !== 'open') {
    throw new AppError(409, 'task_closed', { fi: 'Tehtävä on jo kuitattu.', sv: 'Uppgiften är redan kvitterad.', en: 'The task is already closed.' });
  }
  if (status === 'not-done' && !note?.trim()) {
    throw badRequest('note_required', {
      fi: 'Kirjoita lyhyesti, miksi tehtävä jäi tekemättä.',
      sv: 'Skriv kort varför uppgiften inte blev gjord.',
      en: 'Write briefly why the task was not done.',
    });
  }
  await repo.completeTask(tx, taskId, status, note?.trim() || null, actor.userId);
  const sectors = await repo.organizationSectors(tx, [actor.organizationId, task.owner_organization_id, task.organization_id]);
  await recordPathEvent(tx, {
    clientId: task.client_id,
    countyCode: task.county_code,
    organizationId: actor.organizationId,
    phase: 'follow-up',
    kind: 'task',
    at: now,
    title: `${status === 'done' ? 'Tehty' : 'Ei tehty'}: ${task.title}`,
    description: note?.trim() || null,
    sectors: sectors as Sector[],
    ref: { type: 'task', id: taskId },
    createdBy: actor.userId,
  });
  const updated = (await repo.findTask(tx, taskId))!;
  void lang;
  return toTask(updated, finnishDate(now), await repo.clientNames(tx, [task.client_id]));
}

/**
 * Records a contact with the client and answers with the "verify and follow" suggestion of the
 * relationship's level (after advice a follow-up call, client guidance a plan check, intensive
 * frequent contact). The suggestion is not saved: the worker decides.
 */
export async function recordContact(
  tx: Tx,
  actor: Actor,
  clientId: string,
  input: { channel: string; note?: string | undefined; at?: string | undefined },
  lang: Lang,
  now = new Date(),
) {
  requireWorker(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'contact.record', category: 'contact', resource: 'contact' });
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + 5 * 60_000) {
    throw badRequest('contact_in_future', { fi: 'Yhteydenotto ei voi olla tulevaisuudessa.', sv: 'Kontakten kan inte vara i framtiden.', en: 'A contact cannot be in the future.' });
  }
  const id = await repo.insertContact(tx, { countyCode: actor.countyCode, organizationId: actor.organizationId, clientId, userId: actor.userId, at, channel: input.channel, note: input.note ?? null });
  const level = (await repo.relationshipLevel(tx, clientId, actor.organizationId)) as GuidanceLevel | null;
  if (!level) return { id, suggestion: null };
  const s = suggestFollowUp(level, finnishDate(at), await settingsFor(tx, actor));
  return { id, suggestion: { kind: s.kind, level, due: s.due, title: s.title[lang] } };
}

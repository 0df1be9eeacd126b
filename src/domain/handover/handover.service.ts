import type { Tx } from '../../db/schema.js';
import type { EndRelationshipRequest, HandoverView, MeHandoverList, StartHandoverRequest } from '../../contracts/handover.contracts.js';
import { AccessDeniedError, isUuid, requireClientAccess } from '../access/index.js';
import type { Sector } from '../catalog/catalog.types.js';
import type { Actor } from '../identity/actor.js';
import { recordPathEvent } from '../path/index.js';
import { createReferral } from '../referrals/index.js';
import { insertNotification, insertRelationship } from '../relationships/index.js';
import { conflict, forbidden, notFound } from '../shared/errors.js';
import * as repo from './handover.repository.js';
import { canClientConfirm, missingSteps } from './handover.rules.js';

const toView = (h: repo.HandoverRow): HandoverView => ({
  id: h.id, clientId: h.client_id, referralId: h.referral_id, status: h.status, fromOrganization: h.from_org_name,
  toOrganization: h.to_org_name ?? h.to_provider_name, serviceName: h.service_name, summary: h.summary, referralStatus: h.referral_status,
  jointMeetingAt: iso(h.joint_meeting_at), jointMeetingHeldAt: iso(h.joint_meeting_held_at), clientConfirmedAt: iso(h.client_confirmed_at),
  missingSteps: h.status === 'open' ? missingSteps(state(h)) : [], completedAt: iso(h.completed_at),
});
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const state = (h: repo.HandoverRow) => ({
  status: h.status, jointMeetingHeldAt: h.joint_meeting_held_at, clientConfirmedAt: h.client_confirmed_at, referralStatus: h.referral_status,
});

/** Starts a warm handover from the actor's organisation's relationship: a handover referral and a summary. */
export async function startHandover(tx: Tx, actor: Actor, clientId: string, input: StartHandoverRequest, now = new Date()) {
  const grant = await requireClientAccess(tx, actor, clientId, { action: 'handover.start', category: 'plan', resource: 'handover' });
  const rel = grant.basis === 'client-relationship' ? await repo.activeRelationshipOf(tx, clientId, actor.organizationId) : undefined;
  if (!rel) throw new AccessDeniedError(actor, clientId, { action: 'handover.start' });
  if (await repo.openHandoverOfRelationship(tx, rel.id)) {
    throw conflict('handover_open', { fi: 'Asiakkaan siirto on jo käynnissä.', sv: 'En överföring pågår redan.', en: 'A handover is already under way.' });
  }
  const referral = await createReferral(tx, actor, { clientId, serviceId: input.serviceId, reason: input.reason, urgency: input.urgency, receiverInfo: input.summary }, now, 'handover');
  const id = await repo.insertHandover(tx, {
    countyCode: actor.countyCode, organizationId: actor.organizationId, clientId, fromRelationshipId: rel.id, referralId: referral.id,
    summary: input.summary, jointMeetingAt: input.jointMeetingAt ? new Date(input.jointMeetingAt) : null, createdBy: actor.userId,
  });
  return { id, referralId: referral.id };
}

/** Loads a handover the actor's organisation hands over or receives (or the client's own). */
async function handoverForParty(tx: Tx, actor: Actor, id: string, action: string) {
  const h = isUuid(id) ? await repo.getHandover(tx, id) : undefined;
  if (!h || h.county_code !== actor.countyCode) throw notFound();
  const party = actor.role === 'client' ? actor.clientId === h.client_id : [h.organization_id, h.to_organization_id].includes(actor.organizationId);
  if (!party) throw new AccessDeniedError(actor, h.client_id, { action, resource: 'handover', resourceId: id });
  await requireClientAccess(tx, actor, h.client_id, { action, category: 'plan', resource: 'handover', resourceId: id });
  return h;
}

export async function recordJointMeeting(tx: Tx, actor: Actor, id: string, input: { at: string; held?: boolean }) {
  const h = await handoverForParty(tx, actor, id, 'handover.meeting');
  if (actor.role === 'client') throw forbidden();
  if (h.status !== 'open') throw closed();
  const at = new Date(input.at);
  await repo.updateHandover(tx, id, { joint_meeting_at: at, ...(input.held && { joint_meeting_held_at: at }) });
  if (input.held) {
    await recordPathEvent(tx, {
      clientId: h.client_id, countyCode: h.county_code, organizationId: actor.organizationId, phase: 'follow-up', kind: 'meeting', at,
      title: 'Yhteinen tapaaminen asiakkaan kanssa (saattaen vaihto)', sectors: sectors(h), ref: { type: 'handover', id }, createdBy: actor.userId,
    });
  }
  return toView((await repo.getHandover(tx, id))!);
}

const closed = () => conflict('handover_closed', { fi: 'Siirto on jo päättynyt.', sv: 'Överföringen har redan avslutats.', en: 'The handover has already ended.' });
const sectors = (h: repo.HandoverRow) => [h.from_org_sector, ...(h.to_org_sector ? [h.to_org_sector] : [])] as Sector[];

/**
 * The client's confirmation is the last step: it needs the joint meeting and the receiver's
 * acceptance. Then responsibility moves: the new relationship starts and the old one ends.
 */
export async function confirmByClient(tx: Tx, actor: Actor, id: string, how: string, now = new Date()) {
  const h = await handoverForParty(tx, actor, id, 'handover.confirm');
  if (actor.role !== 'client' && actor.organizationId !== h.organization_id) throw forbidden();
  if (!canClientConfirm(state(h))) {
    throw conflict('handover_not_ready', {
      fi: 'Asiakas vahvistaa siirron vasta yhteisen tapaamisen ja vastaanottajan hyväksynnän jälkeen.',
      sv: 'Klienten bekräftar överföringen först efter det gemensamma mötet och mottagarens godkännande.',
      en: 'The client confirms the handover only after the joint meeting and the receiver’s acceptance.',
    }, { missingSteps: missingSteps(state(h)) });
  }
  await repo.updateHandover(tx, id, { client_confirmed_at: now, client_confirmed_how: how, status: 'completed', completed_at: now });
  await moveResponsibility(tx, actor, h, now);
  return toView((await repo.getHandover(tx, id))!);
}

async function moveResponsibility(tx: Tx, actor: Actor, h: repo.HandoverRow, now: Date) {
  const from = (await repo.relationshipOf(tx, h.from_relationship_id))!;
  const newWorker = await repo.acceptingUser(tx, h.referral_id);
  if (h.to_organization_id && !(await repo.activeRelationshipOf(tx, h.client_id, h.to_organization_id))) {
    await insertRelationship(tx, {
      clientId: h.client_id, organizationId: h.to_organization_id, countyCode: h.county_code, unitId: newWorker?.unit_id ?? null,
      level: from.level, responsibleUserId: newWorker?.id ?? null, createdBy: actor.userId,
    });
  }
  await repo.endRelationshipRow(tx, from.id, now);
  if (h.to_organization_id) {
    await insertNotification(tx, {
      clientId: h.client_id, countyCode: h.county_code, organizationId: h.to_organization_id, kind: 'worker-changed', createdBy: actor.userId, at: now,
      payload: {
        organizationName: h.to_org_name ?? '', previousWorkerName: from.worker_name,
        worker: newWorker ? { id: newWorker.id, name: newWorker.display_name, title: newWorker.title, phone: newWorker.phone, email: newWorker.email } : null,
      },
    });
  }
  await recordPathEvent(tx, {
    clientId: h.client_id, countyCode: h.county_code, organizationId: actor.organizationId, phase: 'follow-up', kind: 'handover', at: now,
    title: `Asiakas siirtyi saattaen: ${h.from_org_name} → ${h.to_org_name ?? h.to_provider_name ?? h.service_name}`, description: h.summary,
    sectors: sectors(h), ref: { type: 'handover', id: h.id }, createdBy: actor.userId,
  });
}

export async function listClientHandovers(tx: Tx, actor: Actor, clientId: string) {
  await requireClientAccess(tx, actor, clientId, { action: 'handover.list', category: 'plan', resource: 'handover' });
  return { items: (await repo.handoversOfClient(tx, clientId)).map(toView) };
}

/**
 * Oma polku: the client's open handovers and those completed in the last 30 days, with the names
 * of the worker who stays responsible until the client confirms and the worker who takes over.
 * `subject` is the client, or the guardian acting for their child (basis 'guardian' in resolveAccess).
 */
export async function myHandovers(tx: Tx, subject: Actor, clientId: string, now = new Date()): Promise<MeHandoverList> {
  await requireClientAccess(tx, subject, clientId, { action: 'portal.handovers', category: 'plan', resource: 'handover' });
  const since = now.getTime() - 30 * 86_400_000;
  const rows = (await repo.handoversOfClient(tx, clientId))
    .filter((h) => h.status === 'open' || (h.status === 'completed' && h.completed_at && new Date(h.completed_at).getTime() >= since));
  const items = [];
  for (const h of rows) {
    const from = await repo.relationshipOf(tx, h.from_relationship_id);
    const to = await repo.acceptingUser(tx, h.referral_id);
    const v = toView(h);
    items.push({
      id: v.id, status: v.status, serviceName: v.serviceName, fromOrganization: v.fromOrganization, fromWorker: from?.worker_name ?? null,
      toOrganization: v.toOrganization, toWorker: to?.display_name ?? null, jointMeetingAt: v.jointMeetingAt, jointMeetingHeldAt: v.jointMeetingHeldAt,
      clientConfirmedAt: v.clientConfirmedAt, canConfirm: canClientConfirm(state(h)), missingSteps: v.missingSteps,
    });
  }
  return { items };
}

/**
 * Ends the actor's organisation's relationship with the client: final evaluation and mutual
 * feedback, the continuation plan (jatkosuunnitelma), the network informed, and the relationship closes.
 */
export async function endRelationship(tx: Tx, actor: Actor, relationshipId: string, input: EndRelationshipRequest, now = new Date()) {
  const rel = isUuid(relationshipId) ? await repo.relationshipOf(tx, relationshipId) : undefined;
  if (!rel || rel.county_code !== actor.countyCode) throw notFound();
  if (rel.organization_id !== actor.organizationId) throw new AccessDeniedError(actor, rel.client_id, { action: 'relationship.end', resourceId: relationshipId });
  await requireClientAccess(tx, actor, rel.client_id, { action: 'relationship.end', category: 'plan', resource: 'client_relationships', resourceId: relationshipId });
  if (rel.ended_at) throw conflict('already_ended', { fi: 'Asiakkuus on jo päättynyt.', sv: 'Klientrelationen har redan avslutats.', en: 'The relationship has already ended.' });
  if (await repo.openHandoverOfRelationship(tx, relationshipId)) {
    throw conflict('handover_open', {
      fi: 'Asiakkaan siirto on kesken: asiakkuus päättyy, kun asiakas vahvistaa siirron.',
      sv: 'Överföringen pågår: relationen avslutas när klienten bekräftar överföringen.',
      en: 'A handover is under way: the relationship ends when the client confirms it.',
    });
  }
  const informed = await repo.organizationsIn(tx, [...new Set(input.informedOrganizationIds ?? [])], actor.countyCode);
  const id = await repo.insertEnding(tx, {
    countyCode: rel.county_code, organizationId: actor.organizationId, clientId: rel.client_id, relationshipId, finalEvaluation: input.finalEvaluation,
    clientFeedback: input.clientFeedback ?? '', workerFeedback: input.workerFeedback ?? '', howClientManages: input.continuationPlan.howClientManages,
    whomToContact: input.continuationPlan.whomToContact, followUpDate: input.continuationPlan.followUpDate ?? null,
    informedOrganizationIds: informed.map((o) => o.id), endedBy: actor.userId, at: now,
  });
  await repo.endRelationshipRow(tx, relationshipId, now);
  await insertNotification(tx, {
    clientId: rel.client_id, countyCode: rel.county_code, organizationId: actor.organizationId, kind: 'relationship-ended', createdBy: actor.userId, at: now,
    payload: { organizationName: rel.org_name, worker: null, previousWorkerName: rel.worker_name },
  });
  await recordPathEvent(tx, {
    clientId: rel.client_id, countyCode: rel.county_code, organizationId: actor.organizationId, phase: 'follow-up', kind: 'ending', at: now,
    title: `Asiakkuus päättyi: ${rel.org_name}`,
    description: `Jatkosuunnitelma: ${input.continuationPlan.howClientManages} Yhteys tarvittaessa: ${input.continuationPlan.whomToContact}.` +
      (informed.length ? ` Tieto päättymisestä: ${informed.map((o) => o.name).join(', ')}.` : ''),
    sectors: [rel.org_sector, ...informed.map((o) => o.sector)] as Sector[], ref: { type: 'relationship-ending', id }, createdBy: actor.userId,
  });
  return { id, relationshipId, endedAt: now.toISOString() };
}

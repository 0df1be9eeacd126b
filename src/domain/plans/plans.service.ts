import { finnishCalendarDate } from '../shared/calendar.js';
import type { Tx } from '../../db/schema.js';
import { mayEditPlan, type ActionStatus, type CreatePlanRequest, type Plan, type PlanContent, type UpdatePlanRequest } from '../../contracts/plans.contracts.js';
import { requireClientAccess } from '../access/index.js';
import type { Sector } from '../catalog/catalog.types.js';
import type { Actor } from '../identity/actor.js';
import { findServicesByIds } from '../catalog/index.js';
import { recordPathEvent } from '../path/index.js';
import { insertNotification } from '../relationships/index.js';
import { AppError, badRequest, conflict, notFound } from '../shared/errors.js';
import * as repo from './plans.repository.js';
import { actionsEndingBeforeStart, changedFields, isStale, membersFor, planSectors, planVersionPhase, PLAN_FIELDS } from './plans.rules.js';
import { toPlanView } from './plans.view.js';

const planNotFound = () =>
  new AppError(404, 'plan_not_found', {
    fi: 'Asiakkaalla ei ole vielä asiakassuunnitelmaa.',
    sv: 'Klienten har ännu ingen klientplan.',
    en: 'The client has no client plan yet.',
  });

const staleVersion = (currentVersion: number) =>
  conflict(
    'stale_version',
    {
      fi: 'Joku muu ehti muuttaa suunnitelmaa sillä välin. Lataa uusin versio ja tee muutoksesi uudelleen.',
      sv: 'Någon annan hann ändra planen under tiden. Hämta den senaste versionen och gör dina ändringar på nytt.',
      en: 'Someone else changed the plan in the meantime. Load the latest version and make your changes again.',
    },
    { currentVersion },
  );

const readOnly = () =>
  new AppError(403, 'plan_read_only', {
    fi: 'Voit lukea suunnitelmaa, mutta et muuttaa sitä.',
    sv: 'Du kan läsa planen men inte ändra den.',
    en: 'You can read the plan but not change it.',
  });

/** Clients, guardians and teachers read the plan; the professionals who work with the client change it. */
function requireEditor(actor: Actor) {
  if (!mayEditPlan(actor.role)) throw readOnly();
}

async function planIdOf(tx: Tx, clientId: string): Promise<string> {
  const id = await repo.findPlanIdForClient(tx, clientId);
  if (!id) throw planNotFound();
  return id;
}

/** The plan as it is now; members' names label the client participant. */
export async function loadPlan(tx: Tx, planId: string, now = new Date()): Promise<Plan> {
  return planView(await repo.loadPlanRows(tx, planId), now);
}

/** The client's plan as it is now (404 when the client has none), read without looking up its id first. */
async function loadClientPlan(tx: Tx, clientId: string, now = new Date()): Promise<Plan> {
  const rows = await repo.loadPlanRowsOfClient(tx, clientId);
  if (!rows) throw planNotFound();
  return planView(rows, now);
}

const planView = (rows: repo.PlanRows, now: Date) => toPlanView(rows, rows.members.map((id) => rows.memberNames.get(id) ?? '').join(', '), finnishCalendarDate(now));

export async function getPlan(tx: Tx, actor: Actor, clientId: string): Promise<Plan> {
  const grant = await requireClientAccess(tx, actor, clientId, { action: 'plan.read', category: 'plan', resource: 'client_plans' });
  const plan = await loadClientPlan(tx, clientId);
  // School absence steps are pupil welfare data: shown only to those whose basis covers 'school'.
  const includeSchool = grant.categories === null || grant.categories.includes('school');
  const links = await repo.actionLinks(tx, clientId, plan.actions.map((a) => a.id), { includeSchool });
  return { ...plan, actions: plan.actions.map((a) => ({ ...a, links: links.get(a.id) ?? [] })) };
}

/** Responsible organisations and people must exist, and a person must work in the organisation named. */
async function validateContent(tx: Tx, c: PlanContent) {
  const orgIds = [
    ...c.actions.flatMap((a) => (a.responsible.kind === 'organization' ? [a.responsible.organizationId] : [])),
    ...c.linkedPlans.flatMap((l) => (l.ownerOrganizationId ? [l.ownerOrganizationId] : [])),
  ];
  const orgs = await repo.findOrganizations(tx, orgIds);
  const users = await repo.findUsersIn(tx, c.actions.flatMap((a) => (a.responsible.kind === 'organization' && a.responsible.userId ? [a.responsible.userId] : [])));
  const unknownOrg = orgIds.some((id) => !orgs.has(id));
  const wrongPerson = c.actions.some(
    (a) => a.responsible.kind === 'organization' && a.responsible.userId && users.get(a.responsible.userId)?.organizationId !== a.responsible.organizationId,
  );
  if (unknownOrg || wrongPerson)
    throw badRequest('unknown_responsible', {
      fi: 'Vastuutahoa tai -henkilöä ei löytynyt. Valitse organisaatio ja sen työntekijä listasta.',
      sv: 'Den ansvariga organisationen eller personen hittades inte. Välj organisation och anställd i listan.',
      en: 'The responsible organisation or person was not found. Choose an organisation and one of its workers from the list.',
    });
  const serviceIds = [...new Set([...c.actions, ...c.services].flatMap((x) => (x.serviceId ? [x.serviceId] : [])))];
  if ((await findServicesByIds(tx, serviceIds)).length !== serviceIds.length)
    throw badRequest('unknown_service', {
      fi: 'Palvelua ei löytynyt palvelutarjottimesta. Valitse palvelu uudelleen.',
      sv: 'Tjänsten hittades inte i tjänsteutbudet. Välj tjänsten på nytt.',
      en: 'The service was not found in the catalogue. Choose the service again.',
    });
  const bad = actionsEndingBeforeStart(c.actions);
  if (bad.length)
    throw badRequest(
      'action_ends_before_start',
      {
        fi: 'Toimenpiteen päättymispäivä on ennen sen alkamispäivää.',
        sv: 'Åtgärdens slutdatum är före startdatumet.',
        en: 'An action ends before it starts.',
      },
      { actions: bad },
    );
}

/** One version row, one path step and a notice to the client for every new version of the plan. */
async function recordVersion(tx: Tx, actor: Actor, plan: Plan, changes: string[]) {
  const scope = { countyCode: actor.countyCode, organizationId: actor.organizationId };
  await repo.insertVersion(tx, { ...scope, planId: plan.id, version: plan.version, userId: actor.userId, userName: actor.displayName, changes, snapshot: plan });
  for (const clientId of plan.clientIds) {
    await recordPathEvent(tx, {
      clientId,
      countyCode: actor.countyCode,
      organizationId: actor.organizationId,
      phase: planVersionPhase(plan.version),
      kind: 'plan-version',
      title: plan.version === 1 ? 'Yhteinen asiakassuunnitelma laadittu' : `Asiakassuunnitelma päivitetty (versio ${plan.version})`,
      description: `${actor.displayName}, ${actor.organizationName}`,
      sectors: planSectors(actor.organizationSector, plan.actions) as Sector[],
      ref: { type: 'client_plan', id: plan.id },
      createdBy: actor.userId,
    });
    await insertNotification(tx, {
      clientId,
      countyCode: actor.countyCode,
      organizationId: actor.organizationId,
      kind: 'plan-updated',
      payload: { organizationName: actor.organizationName, worker: null, planVersion: plan.version },
      createdBy: actor.userId,
    });
  }
}

export async function createPlan(tx: Tx, actor: Actor, clientId: string, input: CreatePlanRequest): Promise<Plan> {
  requireEditor(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'plan.create', category: 'plan', resource: 'client_plans' });
  const members = membersFor(input.scope, clientId, input.familyClientIds);
  // Every family member is a client in their own right: the actor must be allowed to see each.
  for (const other of members.filter((m) => m !== clientId)) {
    await requireClientAccess(tx, actor, other, { action: 'plan.create', category: 'plan', resource: 'client_plans' });
  }
  if ((await repo.clientsWithPlan(tx, members)).length > 0)
    throw conflict('plan_exists', {
      fi: 'Asiakkaalla on jo asiakassuunnitelma. Yhdellä asiakkaalla on yksi yhteinen suunnitelma: päivitä sitä.',
      sv: 'Klienten har redan en klientplan. En klient har en gemensam plan: uppdatera den.',
      en: 'The client already has a client plan. A client has one shared plan: update it.',
    });
  await validateContent(tx, input);
  const scope = { countyCode: actor.countyCode, organizationId: actor.organizationId };
  const planId = await repo.insertPlan(tx, { ...scope, clientId, scope: input.scope, content: input, userId: actor.userId });
  await repo.insertMembers(tx, planId, scope, members);
  await repo.replaceChildren(tx, planId, scope, input, new Set());
  const plan = await loadPlan(tx, planId);
  await recordVersion(tx, actor, plan, [...PLAN_FIELDS]);
  return plan;
}

export async function updatePlan(tx: Tx, actor: Actor, clientId: string, input: UpdatePlanRequest): Promise<Plan> {
  requireEditor(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'plan.update', category: 'plan', resource: 'client_plans' });
  const current = await loadClientPlan(tx, clientId);
  if (isStale(current.version, input.version)) throw staleVersion(current.version);
  const changes = changedFields(current, input);
  if (changes.length === 0) return current; // nothing changed: no new version to confirm
  await validateContent(tx, input);
  const version = await repo.bumpVersion(tx, current.id, input.version, input, actor.userId);
  if (version === undefined) throw staleVersion(current.version + 1); // lost a race after our read
  // The lists belong to the plan's holding organisation, whoever edits them.
  const scope = { countyCode: actor.countyCode, organizationId: current.organization.id };
  await repo.replaceChildren(tx, current.id, scope, input, new Set(current.actions.map((a) => a.id)));
  const plan = await loadPlan(tx, current.id);
  await recordVersion(tx, actor, plan, changes);
  return plan;
}

/** The quick edit of follow-up: an action started, was done or was not done. Still a new version. */
export async function setActionStatus(tx: Tx, actor: Actor, clientId: string, actionId: string, version: number, status: ActionStatus): Promise<Plan> {
  requireEditor(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'plan.update', category: 'plan', resource: 'plan_actions', resourceId: actionId });
  const current = await loadClientPlan(tx, clientId);
  if (isStale(current.version, version)) throw staleVersion(current.version);
  const action = current.actions.find((a) => a.id === actionId);
  if (!action) throw notFound();
  if (action.status === status) return current;
  if ((await repo.bumpVersion(tx, current.id, version, null, actor.userId)) === undefined) throw staleVersion(current.version + 1);
  await repo.setActionStatus(tx, current.id, actionId, status);
  const plan = await loadPlan(tx, current.id);
  await recordVersion(tx, actor, plan, ['actions']);
  return plan;
}

/**
 * A referral made from a plan action ended (completed, failed, …): its outcome is written onto
 * the action as a new plan version, by whoever set the status. No access check of its own: the
 * caller has checked the actor is a party of the referral, which may be the receiving
 * organisation without any plan category of its own. Returns the new version, or null when the
 * action is no longer in the plan.
 */
export async function recordReferralOutcome(
  tx: Tx,
  actor: Actor,
  planId: string,
  actionId: string,
  outcome: { status: ActionStatus; text: string },
): Promise<number | null> {
  const current = await loadPlan(tx, planId);
  const action = current.actions.find((a) => a.id === actionId);
  if (!action) return null;
  const version = await repo.bumpVersion(tx, planId, current.version, null, actor.userId);
  if (version === undefined) throw staleVersion(current.version + 1);
  await repo.setActionOutcome(tx, planId, actionId, outcome.status, outcome.text);
  const plan = await loadPlan(tx, planId);
  await recordVersion(tx, actor, plan, ['actions']);
  return plan.version;
}

const notYourParticipant = () =>
  badRequest('not_a_participant', {
    fi: 'Voit vahvistaa sitoutumisen vain oman organisaatiosi, asiakkaan tai läheisen puolesta, jos hän on suunnitelmassa mukana.',
    sv: 'Du kan bekräfta åtagandet endast för din egen organisation, klienten eller en närstående som deltar i planen.',
    en: 'You can confirm the commitment only for your own organisation, the client, or a close one who takes part in the plan.',
  });

/** A participant confirms its commitment to the current version (a client only for themself). */
export async function confirmCommitment(tx: Tx, actor: Actor, clientId: string, version: number, participantKey: string): Promise<Plan> {
  await requireClientAccess(tx, actor, clientId, { action: 'plan.commit', category: 'plan', resource: 'plan_commitments' });
  const current = await loadClientPlan(tx, clientId);
  if (isStale(current.version, version)) throw staleVersion(current.version);
  const isParticipant = current.commitments.some((c) => c.participantKey === participantKey);
  const mayConfirm =
    actor.role === 'client'
      ? participantKey === 'client'
      : participantKey === `org:${actor.organizationId}` || participantKey === 'client' || participantKey.startsWith('close-one:');
  if (!isParticipant || !mayConfirm) throw notYourParticipant();
  await repo.upsertCommitment(tx, {
    countyCode: actor.countyCode,
    organizationId: actor.organizationId,
    planId: current.id,
    participantKey,
    version,
    userId: actor.userId,
    userName: actor.displayName,
  });
  return loadPlan(tx, current.id);
}

export async function listPlanVersions(tx: Tx, actor: Actor, clientId: string) {
  await requireClientAccess(tx, actor, clientId, { action: 'plan.versions', category: 'plan', resource: 'plan_versions' });
  const rows = await repo.listVersions(tx, await planIdOf(tx, clientId));
  return {
    items: rows.map((v) => ({
      version: v.version,
      changedAt: new Date(v.changed_at).toISOString(),
      changedBy: v.changed_by_name,
      organizationName: v.organization_name,
      changes: v.changes,
    })),
  };
}

export async function getPlanVersion(tx: Tx, actor: Actor, clientId: string, version: number) {
  await requireClientAccess(tx, actor, clientId, { action: 'plan.versions', category: 'plan', resource: 'plan_versions', resourceId: String(version) });
  const v = await repo.getVersion(tx, await planIdOf(tx, clientId), version);
  if (!v) throw notFound();
  const snapshot = (typeof v.snapshot === 'string' ? JSON.parse(v.snapshot) : v.snapshot) as Record<string, unknown>;
  return {
    version: v.version,
    changedAt: new Date(v.changed_at).toISOString(),
    changedBy: v.changed_by_name,
    organizationName: v.organization_name,
    changes: v.changes,
    snapshot,
  };
}

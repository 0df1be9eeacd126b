/**
 * Demo data of this module from the seed clients (src/domain/paths/demo-clients.data.ts):
 * responsible workers and coordination responsibility on the client relationships, what the
 * client was told, every path step with its sectors, and the one shared plan with two versions.
 */
import type { Tx } from '../../db/schema.js';
import type { PlanContent } from '../../contracts/plans.contracts.js';
import { userId, type DemoContext } from '../../db/demo/context.js';
import { DEMO_USERS } from '../../db/demo/users.js';
import { listActiveServices } from '../catalog/index.js';
import { recordPathEvent } from '../path/index.js';
import { DEMO_CLIENTS, type DemoClient, type DemoPlanAction, type DemoRelationship } from '../paths/demo-clients.data.js';
import { insertNotification, setHoldsCoordination } from '../relationships/index.js';
import * as repo from './plans.repository.js';
import { changedFields } from './plans.rules.js';
import { loadPlan } from './plans.service.js';

/** Seed dates are Finnish calendar days; 10:00 Finnish time keeps them on the same day in every zone used. */
const at = (isoDate: string) => new Date(`${isoDate}T10:00:00+02:00`);

export async function seedPlans(tx: Tx, ctx: DemoContext) {
  const services = await catalogueByName(tx);
  for (const c of DEMO_CLIENTS) {
    const id = ctx.clients.get(c.key);
    if (!id) continue; // a client the foundation does not register is not part of this world
    for (const r of c.relationships) await seedRelationship(tx, ctx, id, r);
    await seedPath(tx, ctx, id, c);
    await seedPlan(tx, ctx, id, c, services);
  }
}

async function catalogueByName(tx: Tx): Promise<Map<string, string>> {
  const { rows } = await listActiveServices(tx, { limit: 5000, offset: 0 });
  return new Map(rows.map((s) => [s.name_fi.toLowerCase(), s.id]));
}

/** The seed's relationship wins: the foundation's row of the same unit is completed, a missing one is opened. */
async function seedRelationship(tx: Tx, ctx: DemoContext, clientId: string, r: DemoRelationship) {
  const org = ctx.orgs.get(r.organizationKey)!;
  const unitId = ctx.units.get(`${r.organizationKey}/${r.unitKey}`) ?? null;
  const existing = await tx
    .selectFrom('client_relationships')
    .select('id')
    .where('client_id', '=', clientId)
    .where('organization_id', '=', org.id)
    .where((eb) => (unitId ? eb('unit_id', '=', unitId) : eb('unit_id', 'is', null)))
    .executeTakeFirst();
  const values = {
    level: r.level,
    responsible_user_id: userId(ctx, r.responsibleUsername),
    backup_user_id: userId(ctx, r.backupUsername),
    coordination_note: r.coordinationNote,
    started_at: r.startedAt,
    ended_at: r.endedAt ?? null,
  };
  let id = existing?.id;
  if (id) await tx.updateTable('client_relationships').set(values).where('id', '=', id).execute();
  else
    id = (
      await tx
        .insertInto('client_relationships')
        .values({ ...values, client_id: clientId, organization_id: org.id, county_code: ctx.countyCode, unit_id: unitId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await setHoldsCoordination(tx, id, r.holdsCoordination);
  const w = DEMO_USERS.find((u) => u.username === r.responsibleUsername)!;
  await insertNotification(tx, {
    clientId,
    countyCode: ctx.countyCode,
    organizationId: org.id,
    kind: 'relationship-started',
    payload: {
      organizationName: org.name,
      worker: { id: userId(ctx, w.username), name: w.displayName, title: w.title, phone: w.phone, email: w.email },
      level: r.level,
    },
    createdBy: userId(ctx, r.responsibleUsername),
    at: at(r.startedAt),
  });
}

async function seedPath(tx: Tx, ctx: DemoContext, clientId: string, c: DemoClient) {
  for (const s of c.path) {
    await recordPathEvent(tx, {
      clientId,
      countyCode: ctx.countyCode,
      organizationId: s.organizationKeys[0] ? ctx.orgs.get(s.organizationKeys[0])!.id : null,
      phase: s.phase,
      kind: 'step',
      at: at(s.at),
      title: s.title,
      description: s.description,
      sectors: s.sectors,
      interfaceNote: s.interfaceNote ?? null,
    });
  }
}

function toAction(ctx: DemoContext, clientName: string, a: DemoPlanAction, status: DemoPlanAction['status'], services: Map<string, string>): PlanContent['actions'][number] {
  const r = a.responsible;
  const responsible =
    r.kind === 'organization'
      ? {
          kind: 'organization' as const,
          organizationId: ctx.orgs.get(r.organizationKey!)!.id,
          // A named person only if they work in that organisation (the seed sometimes names the org only).
          userId: r.username && ctx.users.get(r.username)?.organizationId === ctx.orgs.get(r.organizationKey!)!.id ? userId(ctx, r.username) : null,
          name: r.name ?? null,
        }
      : r.kind === 'client'
        ? { kind: 'client' as const }
        : { kind: 'close-one' as const, name: r.name ?? clientName };
  return {
    title: a.title,
    responsible,
    startsAt: a.startsAt,
    due: a.due,
    status,
    indicator: a.indicator,
    serviceId: a.serviceName ? (services.get(a.serviceName.toLowerCase()) ?? null) : null,
    serviceName: a.serviceName ?? null,
  };
}

/** The plan as it stood when first made: actions not yet started were planned, started ones under way. */
function firstVersionStatus(a: DemoPlanAction, createdAt: string): DemoPlanAction['status'] {
  return a.startsAt <= createdAt ? 'in-progress' : 'planned';
}

function content(ctx: DemoContext, c: DemoClient, services: Map<string, string>, statusOf: (a: DemoPlanAction) => DemoPlanAction['status']): PlanContent {
  const p = c.plan;
  const clientName = `${c.person.firstName} ${c.person.lastName}`;
  const actions = p.actions.map((a) => toAction(ctx, clientName, a, statusOf(a), services));
  const chosen = new Map<string, { serviceId: string | null; name: string; providerName: string | null }>();
  for (const a of actions) {
    if (a.serviceName && !chosen.has(a.serviceName)) {
      const r = a.responsible;
      const provider = r.kind === 'organization' ? [...ctx.orgs.values()].find((o) => o.id === r.organizationId)?.name : null;
      chosen.set(a.serviceName, { serviceId: a.serviceId ?? null, name: a.serviceName, providerName: provider ?? null });
    }
  }
  return {
    situationSummary: p.situationSummary,
    clientOwnGoals: p.clientOwnGoals,
    goals: { shortTerm: p.shortTermGoals, longTerm: p.longTermGoals },
    actions,
    services: [...chosen.values()],
    reviewDate: p.reviewDate,
    clientView: p.clientView,
    professionalView: p.professionalView,
    linkedPlans: p.linkedStatutoryPlans.map((l) => {
      const owner = ctx.orgs.get(l.ownerOrganizationKey)!;
      return { type: l.type, ownerOrganizationId: owner.id, ownerName: owner.name, date: l.date, note: l.note ?? null };
    }),
  };
}

async function seedPlan(tx: Tx, ctx: DemoContext, clientId: string, c: DemoClient, services: Map<string, string>) {
  const holder = c.relationships.find((r) => r.holdsCoordination) ?? c.relationships[0]!;
  const org = ctx.orgs.get(holder.organizationKey)!;
  const author = DEMO_USERS.find((u) => u.username === holder.responsibleUsername)!;
  const scope = { countyCode: ctx.countyCode, organizationId: org.id };
  // Mohammed's seed path makes one plan for the whole family; members registered as clients join it.
  const family = c.family.map((f) => ctx.clients.get(f.person.key)).filter((id): id is string => !!id);
  const first = content(ctx, c, services, (a) => firstVersionStatus(a, c.plan.createdAt));
  const current = content(ctx, c, services, (a) => a.status);
  const userIdOfAuthor = userId(ctx, author.username);

  const planId = await repo.insertPlan(tx, { ...scope, clientId, scope: family.length ? 'family' : 'client', content: first, userId: userIdOfAuthor, at: at(c.plan.createdAt) });
  await repo.insertMembers(tx, planId, scope, [clientId, ...family]);
  await repo.replaceChildren(tx, planId, scope, first, new Set());
  const v1 = await loadPlan(tx, planId, ctx.today);
  await repo.insertVersion(tx, { ...scope, planId, version: 1, userId: userIdOfAuthor, userName: author.displayName, changes: changedFields(null, first), snapshot: v1, at: at(c.plan.createdAt) });

  const changes = changedFields(v1, current);
  if (changes.length > 0) {
    await repo.bumpVersion(tx, planId, 1, current, userIdOfAuthor, at(c.plan.updatedAt));
    await repo.replaceChildren(tx, planId, scope, current, new Set());
    const v2 = await loadPlan(tx, planId, ctx.today);
    await repo.insertVersion(tx, { ...scope, planId, version: 2, userId: userIdOfAuthor, userName: author.displayName, changes, snapshot: v2, at: at(c.plan.updatedAt) });
  }
  await seedCommitments(tx, ctx, planId, scope, c, changes.length > 0 ? 2 : 1);
}

/**
 * The holder and the client confirmed the current version; the other organisations confirmed
 * the first one, so the demo shows both a kept and an outdated commitment.
 */
async function seedCommitments(tx: Tx, ctx: DemoContext, planId: string, scope: repo.PlanScope, c: DemoClient, version: number) {
  const plan = await loadPlan(tx, planId, ctx.today);
  const holderKey = `org:${plan.organization.id}`;
  for (const p of plan.commitments) {
    if (p.participantKey.startsWith('close-one:')) continue; // close ones confirm at the next meeting
    const confirmed = p.participantKey === holderKey || p.participantKey === 'client' ? version : 1;
    const orgId = p.participantKey.startsWith('org:') ? p.participantKey.slice(4) : plan.organization.id;
    const rel = c.relationships.find((r) => ctx.orgs.get(r.organizationKey)?.id === orgId);
    const who = rel ? DEMO_USERS.find((u) => u.username === rel.responsibleUsername) : undefined;
    await repo.upsertCommitment(tx, {
      ...scope,
      organizationId: orgId,
      planId,
      participantKey: p.participantKey,
      version: confirmed,
      userId: who ? userId(ctx, who.username) : null,
      userName: p.participantKey === 'client' ? `${c.person.firstName} ${c.person.lastName}` : (who?.displayName ?? p.label),
      at: at(confirmed === version ? c.plan.updatedAt : c.plan.createdAt),
    });
  }
}

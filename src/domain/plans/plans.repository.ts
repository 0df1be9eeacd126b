import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { precompiled } from '../../db/precompiled.js';
import type { DB, Tx } from '../../db/schema.js';
import { clientNameSql } from '../clients/index.js';
import type { PlanActionLink, PlanContent } from '../../contracts/plans.contracts.js';
import './plans.tables.js';

const isoDate = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

export interface PlanScope {
  countyCode: string;
  organizationId: string;
}

export async function findPlanIdForClient(tx: Tx, clientId: string): Promise<string | undefined> {
  const row = await tx.selectFrom('client_plan_members').select('plan_id').where('client_id', '=', clientId).executeTakeFirst();
  return row?.plan_id;
}

/** Members that already have a plan: a client has ONE plan, so these cannot join another. */
export async function clientsWithPlan(tx: Tx, clientIds: string[]): Promise<string[]> {
  if (clientIds.length === 0) return [];
  const rows = await tx.selectFrom('client_plan_members').select('client_id').where('client_id', 'in', clientIds).execute();
  return rows.map((r) => r.client_id);
}

/**
 * The plan row and its small lists in one statement (JSON arrays, each in its own order): one round
 * trip instead of six on every plan read (docs/performance.md, fourth round). Dates come back as JSON
 * strings ('YYYY-MM-DD', ISO timestamps), which the mapping below and the view already accept. Without
 * the condition that picks the plan.
 */
const planQuery = (db: Kysely<DB>) =>
  db
    .selectFrom('client_plans as p')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .leftJoin('users as u', 'u.id', 'p.updated_by')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.sector as organization_sector', 'u.display_name as updated_by_name'])
    .select((eb) => [
      // The member's name with it (null when not visible), so the plan's label needs no look-up of its own.
      jsonArrayFrom(
        eb
          .selectFrom('client_plan_members as m')
          .select('m.client_id')
          .select(clientNameSql('m.client_id').as('name'))
          .whereRef('m.plan_id', '=', 'p.id'),
      ).as('members'),
      jsonArrayFrom(eb.selectFrom('plan_goals as g').select(['g.id', 'g.term', 'g.text']).whereRef('g.plan_id', '=', 'p.id').orderBy('g.position')).as('goals'),
      jsonArrayFrom(
        eb.selectFrom('plan_services as s').select(['s.id', 's.service_id', 's.name', 's.provider_name']).whereRef('s.plan_id', '=', 'p.id').orderBy('s.position'),
      ).as('services'),
      jsonArrayFrom(
        eb
          .selectFrom('plan_linked_plans as l')
          .select(['l.id', 'l.type', 'l.owner_organization_id', 'l.owner_name', 'l.plan_date', 'l.note'])
          .whereRef('l.plan_id', '=', 'p.id')
          .orderBy('l.position'),
      ).as('linked'),
      jsonArrayFrom(
        eb.selectFrom('plan_commitments as c').select(['c.participant_key', 'c.confirmed_version', 'c.confirmed_by_name', 'c.confirmed_at']).whereRef('c.plan_id', '=', 'p.id'),
      ).as('commitments'),
    ]);

/** The plan of a client, found by its member row in the same statement (compiled once: precompiled.ts). */
const planOfClient = precompiled((db, clientId: string) =>
  planQuery(db).where('p.id', '=', (eb) => eb.selectFrom('client_plan_members').select('plan_id').where('client_id', '=', clientId)),
);

const actionsOfPlan = precompiled((db, planId: string) =>
  db
    .selectFrom('plan_actions as a')
    .leftJoin('organizations as o', 'o.id', 'a.responsible_organization_id')
    .leftJoin('users as u', 'u.id', 'a.responsible_user_id')
    .selectAll('a')
    .select(['o.name as organization_name', 'o.sector as organization_sector', 'u.display_name as user_name', 'u.phone as user_phone'])
    .where('a.plan_id', '=', planId)
    .orderBy('a.position'),
);

export async function loadPlanRows(tx: Tx, planId: string) {
  return planRows(tx, await planQuery(tx).where('p.id', '=', planId).executeTakeFirstOrThrow());
}

/**
 * The plan of a client (undefined when the client has none), found by its member row in the same
 * statement: one statement less on every plan read than looking up the plan id first.
 */
export async function loadPlanRowsOfClient(tx: Tx, clientId: string) {
  const row = (await planOfClient(tx, clientId))[0];
  return row && planRows(tx, row);
}

async function planRows(tx: Tx, row: NonNullable<Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirst']>>>) {
  const { members, goals, services, linked, commitments, ...plan } = row;
  // Sequential on purpose: one transaction is one connection (PGlite has only one).
  const actions = await actionsOfPlan(tx, plan.id);
  return {
    plan: { ...plan, review_date: isoDate(plan.review_date) },
    members: members.map((m) => m.client_id),
    memberNames: new Map(members.flatMap((m) => (m.name === null ? [] : [[m.client_id, m.name] as const]))),
    goals,
    actions: actions.map((a) => ({ ...a, starts_at: isoDate(a.starts_at), due: isoDate(a.due) })),
    services,
    linked: linked.map((l) => ({ ...l, plan_date: isoDate(l.plan_date)! })),
    commitments,
  };
}
export type PlanRows = Awaited<ReturnType<typeof loadPlanRows>>;

export async function insertPlan(
  tx: Tx,
  p: PlanScope & { clientId: string; scope: 'client' | 'family'; content: PlanContent; userId: string | null; at?: Date },
): Promise<string> {
  const row = await tx
    .insertInto('client_plans')
    .values({
      county_code: p.countyCode,
      organization_id: p.organizationId,
      client_id: p.clientId,
      scope: p.scope,
      situation_summary: p.content.situationSummary,
      client_own_goals: p.content.clientOwnGoals,
      client_view: p.content.clientView,
      professional_view: p.content.professionalView,
      review_date: p.content.reviewDate ?? null,
      created_by: p.userId,
      updated_by: p.userId,
      ...(p.at && { created_at: p.at, updated_at: p.at }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertMembers(tx: Tx, planId: string, scope: PlanScope, clientIds: string[]) {
  await tx
    .insertInto('client_plan_members')
    .values(clientIds.map((client_id) => ({ plan_id: planId, client_id, county_code: scope.countyCode, organization_id: scope.organizationId })))
    .execute();
}

/**
 * Moves the plan to the next version only if nobody else did first (optimistic concurrency):
 * returns the new version, or undefined when `expectedVersion` is no longer current.
 */
export async function bumpVersion(tx: Tx, planId: string, expectedVersion: number, content: PlanContent | null, userId: string | null, at = new Date()) {
  const row = await tx
    .updateTable('client_plans')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_by: userId,
      updated_at: at,
      ...(content && {
        situation_summary: content.situationSummary,
        client_own_goals: content.clientOwnGoals,
        client_view: content.clientView,
        professional_view: content.professionalView,
        review_date: content.reviewDate ?? null,
      }),
    }))
    .where('id', '=', planId)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Replaces the plan's lists with the edited ones; kept action ids keep their identity. */
export async function replaceChildren(tx: Tx, planId: string, scope: PlanScope, c: PlanContent, keepActionIds: Set<string>) {
  const base = { plan_id: planId, county_code: scope.countyCode, organization_id: scope.organizationId };
  await tx.deleteFrom('plan_goals').where('plan_id', '=', planId).execute();
  await tx.deleteFrom('plan_services').where('plan_id', '=', planId).execute();
  await tx.deleteFrom('plan_linked_plans').where('plan_id', '=', planId).execute();
  const goals = [
    ...c.goals.shortTerm.map((text) => ({ term: 'short' as const, text })),
    ...c.goals.longTerm.map((text) => ({ term: 'long' as const, text })),
  ];
  if (goals.length) await tx.insertInto('plan_goals').values(goals.map((g, position) => ({ ...base, ...g, position }))).execute();
  // Kept actions are updated in place, not deleted and re-inserted: tasks, meeting decisions and
  // school-absence steps point at them (followup_tasks / absence_steps.plan_action_id) and keep their link.
  const kept = c.actions.flatMap((a) => (a.id && keepActionIds.has(a.id) ? [a.id] : []));
  let removed = tx.deleteFrom('plan_actions').where('plan_id', '=', planId);
  if (kept.length) removed = removed.where('id', 'not in', kept);
  await removed.execute();
  for (const [position, a] of c.actions.entries()) {
    const values = {
      position,
      title: a.title,
      responsible_kind: a.responsible.kind,
      responsible_organization_id: a.responsible.kind === 'organization' ? a.responsible.organizationId : null,
      responsible_user_id: a.responsible.kind === 'organization' ? (a.responsible.userId ?? null) : null,
      responsible_name: a.responsible.kind === 'client' ? null : (a.responsible.name ?? null),
      starts_at: a.startsAt ?? null,
      due: a.due ?? null,
      status: a.status,
      indicator: a.indicator,
      service_id: a.serviceId ?? null,
      service_name: a.serviceName ?? null,
      outcome: a.outcome ?? null,
    };
    if (a.id && keepActionIds.has(a.id)) await tx.updateTable('plan_actions').set(values).where('plan_id', '=', planId).where('id', '=', a.id).execute();
    else await tx.insertInto('plan_actions').values({ ...base, ...values }).execute();
  }
  if (c.services.length)
    await tx
      .insertInto('plan_services')
      .values(c.services.map((s, position) => ({ ...base, position, service_id: s.serviceId ?? null, name: s.name, provider_name: s.providerName ?? null })))
      .execute();
  if (c.linkedPlans.length)
    await tx
      .insertInto('plan_linked_plans')
      .values(
        c.linkedPlans.map((l, position) => ({
          ...base,
          position,
          type: l.type,
          owner_organization_id: l.ownerOrganizationId ?? null,
          owner_name: l.ownerName,
          plan_date: l.date,
          note: l.note ?? null,
        })),
      )
      .execute();
}

export async function setActionStatus(tx: Tx, planId: string, actionId: string, status: string): Promise<boolean> {
  const res = await tx.updateTable('plan_actions').set({ status }).where('plan_id', '=', planId).where('id', '=', actionId).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A referral's result lands on the action it was made from: status and outcome together. */
export async function setActionOutcome(tx: Tx, planId: string, actionId: string, status: string, outcome: string): Promise<boolean> {
  const res = await tx.updateTable('plan_actions').set({ status, outcome }).where('plan_id', '=', planId).where('id', '=', actionId).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertVersion(
  tx: Tx,
  v: PlanScope & { planId: string; version: number; userId: string | null; userName: string; changes: string[]; snapshot: unknown; at?: Date },
) {
  await tx
    .insertInto('plan_versions')
    .values({
      plan_id: v.planId,
      county_code: v.countyCode,
      organization_id: v.organizationId,
      version: v.version,
      changed_by: v.userId,
      changed_by_name: v.userName,
      changes: v.changes,
      snapshot: JSON.stringify(v.snapshot),
      ...(v.at && { changed_at: v.at }),
    })
    .execute();
}

export async function listVersions(tx: Tx, planId: string) {
  return tx
    .selectFrom('plan_versions as v')
    .innerJoin('organizations as o', 'o.id', 'v.organization_id')
    .select(['v.version', 'v.changed_at', 'v.changed_by_name', 'v.changes', 'o.name as organization_name'])
    .where('v.plan_id', '=', planId)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function getVersion(tx: Tx, planId: string, version: number) {
  return tx
    .selectFrom('plan_versions as v')
    .innerJoin('organizations as o', 'o.id', 'v.organization_id')
    .select(['v.version', 'v.changed_at', 'v.changed_by_name', 'v.changes', 'v.snapshot', 'o.name as organization_name'])
    .where('v.plan_id', '=', planId)
    .where('v.version', '=', version)
    .executeTakeFirst();
}

export async function upsertCommitment(
  tx: Tx,
  c: PlanScope & { planId: string; participantKey: string; version: number; userId: string | null; userName: string; at?: Date },
) {
  await tx
    .insertInto('plan_commitments')
    .values({
      plan_id: c.planId,
      county_code: c.countyCode,
      organization_id: c.organizationId,
      participant_key: c.participantKey,
      confirmed_version: c.version,
      confirmed_by: c.userId,
      confirmed_by_name: c.userName,
      ...(c.at && { confirmed_at: c.at }),
    })
    .onConflict((oc) =>
      oc.columns(['plan_id', 'participant_key']).doUpdateSet({
        confirmed_version: c.version,
        confirmed_by: c.userId,
        confirmed_by_name: c.userName,
        confirmed_at: c.at ?? new Date(),
        organization_id: c.organizationId,
      }),
    )
    .execute();
}

/** Organisations by id (name and sector), to validate responsible organisations and owners. */
export async function findOrganizations(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { name: string; sector: string }>();
  const rows = await tx.selectFrom('organizations').select(['id', 'name', 'sector']).where('id', 'in', unique).execute();
  return new Map(rows.map((o) => [o.id, { name: o.name, sector: o.sector }]));
}

export async function findUsersIn(tx: Tx, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, { organizationId: string }>();
  const rows = await tx.selectFrom('users').select(['id', 'organization_id']).where('id', 'in', unique).execute();
  return new Map(rows.map((u) => [u.id, { organizationId: u.organization_id }]));
}

export async function clientNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx.selectFrom('clients').select(['id', 'first_name', 'last_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((c) => [c.id, `${c.first_name} ${c.last_name}`]));
}

/**
 * What other modules link to the plan's actions, for one client only (a family plan's other members'
 * tasks, steps and referrals are left out): follow-up tasks and meeting decisions, school-absence steps
 * (0831) and referrals. One statement: the three lists as one `UNION ALL`, each in its own order (tasks
 * by due date, steps by the day done, referrals by the last status change; then by id).
 */
export async function actionLinks(tx: Tx, clientId: string, actionIds: string[], opts: { includeSchool: boolean }): Promise<Map<string, PlanActionLink[]>> {
  const links = new Map<string, PlanActionLink[]>();
  if (actionIds.length === 0) return links;
  const ids = sql.join(actionIds);
  const steps = opts.includeSchool
    ? sql`UNION ALL
      SELECT 2, s.id, s.code, 'done', s.done_on, NULL, NULL, NULL, s.plan_action_id
        FROM absence_steps s WHERE s.client_id = ${clientId} AND s.plan_action_id IN (${ids})`
    : sql``;
  const { rows } = await sql<{ src: number; id: string; title: string; status: string; day: string | null; at: Date | null; meeting_id: string | null; meeting_at: Date | null; plan_action_id: string }>`
    SELECT 1 AS src, t.id, t.title, t.status, t.due AS day, NULL::timestamptz AS at, t.meeting_id, m.starts_at AS meeting_at, t.plan_action_id
      FROM followup_tasks t LEFT JOIN meetings m ON m.id = t.meeting_id AND m.client_id = t.client_id
     WHERE t.client_id = ${clientId} AND t.plan_action_id IN (${ids})
    ${steps}
    UNION ALL
    SELECT 3, r.id, r.service_name, r.status, NULL, r.status_changed_at, NULL, NULL, r.plan_action_id
      FROM referrals r WHERE r.client_id = ${clientId} AND r.plan_action_id IN (${ids})
    ORDER BY src, day, at, id`.execute(tx);
  for (const r of rows) {
    const decision = r.src === 1 && r.meeting_id !== null && r.meeting_at !== null;
    const link: PlanActionLink =
      r.src === 1
        ? { kind: decision ? 'meeting-decision' : 'task', id: r.id, title: r.title, status: r.status, date: isoDate(r.day), meetingId: decision ? r.meeting_id : null }
        : r.src === 2
          ? { kind: 'absence-step', id: r.id, title: r.title, status: 'done', date: isoDate(r.day), meetingId: null }
          : { kind: 'referral', id: r.id, title: r.title, status: r.status, date: isoDate(r.at), meetingId: null };
    links.set(r.plan_action_id, [...(links.get(r.plan_action_id) ?? []), link]);
  }
  return links;
}

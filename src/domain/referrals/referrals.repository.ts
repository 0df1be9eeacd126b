import { sql } from 'kysely';
import { precompiled } from '../../db/precompiled.js';
import type { Tx } from '../../db/schema.js';
import type { ReferralStatus } from './referrals.rules.js';

export function findService(tx: Tx, serviceId: string, countyCode: string) {
  return tx
    .selectFrom('catalog_services as s')
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.name_fi', 's.organization_id', 's.provider_name', 's.provider_sector', 's.status', 's.county_code', 's.area_national',
      'o.name as org_name', 'o.sector as org_sector', 'o.uses_polku'])
    .where('s.id', '=', serviceId)
    .where((eb) => eb.or([eb('s.county_code', '=', countyCode), eb('s.area_national', '=', true)]))
    .executeTakeFirst();
}

/** The plan action, if it belongs to this client's one shared plan. */
export function findPlanAction(tx: Tx, actionId: string, clientId: string) {
  return tx
    .selectFrom('plan_actions as a')
    .innerJoin('client_plan_members as m', 'm.plan_id', 'a.plan_id')
    .select(['a.id', 'a.title', 'a.plan_id'])
    .where('a.id', '=', actionId)
    .where('m.client_id', '=', clientId)
    .executeTakeFirst();
}

export interface NewReferral {
  countyCode: string;
  fromOrganizationId: string;
  clientId: string;
  kind: 'referral' | 'handover';
  fromUserId: string | null;
  fromUnitId: string | null;
  toOrganizationId: string | null;
  toProviderName: string | null;
  toSector: string | null;
  serviceId: string | null;
  serviceName: string;
  planActionId: string | null;
  status: ReferralStatus;
  reason: string;
  urgency: string;
  receiverInfo: string;
  sharedCategories: string[];
  contactPreference: string | null;
  consentId: string | null;
  outsideSystem: boolean;
  at: Date;
}

export async function insertReferral(tx: Tx, r: NewReferral): Promise<string> {
  const row = await tx
    .insertInto('referrals')
    .values({
      county_code: r.countyCode, organization_id: r.fromOrganizationId, client_id: r.clientId, kind: r.kind, from_user_id: r.fromUserId,
      from_unit_id: r.fromUnitId, to_organization_id: r.toOrganizationId, to_unit_id: null, to_provider_name: r.toProviderName,
      to_sector: r.toSector, service_id: r.serviceId, service_name: r.serviceName, plan_action_id: r.planActionId, status: r.status,
      status_reason: null, status_changed_at: r.at, reason: r.reason, urgency: r.urgency, receiver_info: r.receiverInfo,
      shared_categories: r.sharedCategories, contact_preference: r.contactPreference, consent_id: r.consentId,
      outside_system: r.outsideSystem, outside_note: null, created_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertEvent(
  tx: Tx,
  e: { referralId: string; clientId: string; countyCode: string; organizationId: string | null; status: ReferralStatus; reason: string | null; at: Date; byUserId: string | null; byName: string | null },
) {
  await tx
    .insertInto('referral_events')
    .values({
      referral_id: e.referralId, client_id: e.clientId, county_code: e.countyCode, organization_id: e.organizationId, status: e.status,
      reason: e.reason, at: e.at, by_user_id: e.byUserId, by_name: e.byName,
    })
    .execute();
}

const referralColumns = [
  'r.id', 'r.county_code', 'r.organization_id', 'r.client_id', 'r.kind', 'r.from_user_id', 'r.to_organization_id', 'r.to_provider_name',
  'r.to_sector', 'r.service_id', 'r.service_name', 'r.plan_action_id', 'r.status', 'r.status_reason', 'r.status_changed_at', 'r.reason',
  'r.urgency', 'r.receiver_info', 'r.shared_categories', 'r.contact_preference', 'r.consent_id', 'r.outside_system', 'r.outside_note',
  'r.created_at', 'fo.name as from_org_name', 'fo.sector as from_org_sector', 'fo.phone as from_org_phone', 'tor.name as to_org_name',
  'tor.sector as to_org_sector', 'tor.uses_polku as to_uses_polku', 'fu.display_name as from_user_name', 'fu.phone as from_user_phone',
  'fu.email as from_user_email', 'c.first_name', 'c.last_name', 'c.birth_date',
] as const;

function referralQuery(tx: Tx) {
  return tx
    .selectFrom('referrals as r')
    .innerJoin('organizations as fo', 'fo.id', 'r.organization_id')
    .leftJoin('organizations as tor', 'tor.id', 'r.to_organization_id')
    .leftJoin('users as fu', 'fu.id', 'r.from_user_id')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .select(referralColumns);
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof getReferral>>>;

export function getReferral(tx: Tx, id: string) {
  return referralQuery(tx).where('r.id', '=', id).executeTakeFirst();
}

/** Locks the row so that two simultaneous status changes cannot both pass the machine. */
export async function lockReferral(tx: Tx, id: string) {
  await sql`SELECT id FROM referrals WHERE id = ${id} FOR UPDATE`.execute(tx);
}

export function listBox(tx: Tx, organizationId: string, box: 'incoming' | 'outgoing', status?: ReferralStatus) {
  let q = referralQuery(tx).where(box === 'incoming' ? 'r.to_organization_id' : 'r.organization_id', '=', organizationId);
  if (box === 'incoming') q = q.where('r.status', '!=', 'draft'); // drafts are not sent yet
  if (status) q = q.where('r.status', '=', status);
  return q.orderBy('r.status_changed_at', 'desc').limit(300).execute();
}

/**
 * The referrals of a client as list items: only the columns a summary shows, and the time limits that
 * apply to each (the receiver's own row, else the county default: referrals.queries.ts, limitsFor) joined
 * in. One statement, where reading every row of referral_time_limits on each request took a second.
 */
// Compiled once (precompiled.ts): the same text on every request.
export const referralSummariesOfClient = precompiled((db, clientId: string) =>
  db
    .selectFrom('referrals as r')
    .innerJoin('organizations as fo', 'fo.id', 'r.organization_id')
    .leftJoin('organizations as tor', 'tor.id', 'r.to_organization_id')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    // Any county's row of the receiver, as limitsFor takes the first row naming it.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('referral_time_limits as l')
          .select(['l.not_received_days', 'l.not_accepted_days'])
          .whereRef('l.organization_id', '=', 'r.to_organization_id')
          .limit(1)
          .as('own'),
      (join) => join.onTrue(),
    )
    .leftJoin('referral_time_limits as cty', (join) => join.onRef('cty.county_code', '=', 'r.county_code').on('cty.organization_id', 'is', null))
    .select([
      'r.id', 'r.county_code', 'r.organization_id', 'r.client_id', 'r.kind', 'r.to_organization_id', 'r.to_provider_name', 'r.service_id',
      'r.service_name', 'r.status', 'r.status_reason', 'r.status_changed_at', 'r.urgency', 'r.outside_system', 'r.created_at',
      'fo.name as from_org_name', 'tor.name as to_org_name', 'tor.uses_polku as to_uses_polku', 'c.first_name', 'c.last_name',
      'own.not_received_days as own_not_received_days', 'own.not_accepted_days as own_not_accepted_days',
      'cty.not_received_days as county_not_received_days', 'cty.not_accepted_days as county_not_accepted_days',
    ])
    .where('r.client_id', '=', clientId)
    .orderBy('r.created_at', 'desc'),
);

export function eventsOf(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_events as e')
    .leftJoin('organizations as o', 'o.id', 'e.organization_id')
    .select(['e.status', 'e.reason', 'e.at', 'e.by_name', 'o.name as organization_name'])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.at', 'asc')
    .orderBy('e.id', 'asc')
    .execute();
}

export async function setStatus(tx: Tx, id: string, status: ReferralStatus, reason: string | null, at: Date) {
  await tx.updateTable('referrals').set({ status, status_reason: reason, status_changed_at: at }).where('id', '=', id).execute();
}

export async function setOutside(tx: Tx, id: string, note: string) {
  await tx.updateTable('referrals').set({ outside_system: true, outside_note: note }).where('id', '=', id).execute();
}

/** Open referrals of a client that go to another organisation or outside Polku (consent-dependent). */
export function openExternalReferrals(tx: Tx, clientId: string) {
  return tx
    .selectFrom('referrals as r')
    .leftJoin('organizations as o', 'o.id', 'r.to_organization_id')
    .select(['r.id', 'r.status', 'r.organization_id', 'r.to_organization_id', 'r.to_sector', 'o.sector as to_org_sector', 'r.county_code', 'r.client_id'])
    .where('r.client_id', '=', clientId)
    .where('r.status', 'in', ['draft', 'requested', 'received', 'accepted', 'in-progress', 'on-hold'])
    .where((eb) => eb.or([eb('r.to_organization_id', 'is', null), eb('r.to_organization_id', '!=', eb.ref('r.organization_id'))]))
    .execute();
}

export function openForStuckCheck(tx: Tx) {
  return tx
    .selectFrom('referrals')
    .select(['id', 'client_id', 'county_code', 'organization_id', 'to_organization_id', 'status', 'status_changed_at'])
    .where('status', 'in', ['requested', 'received'])
    .execute();
}

export function timeLimits(tx: Tx) {
  return tx.selectFrom('referral_time_limits').selectAll().execute();
}

export async function upsertTimeLimits(tx: Tx, countyCode: string, organizationId: string | null, notReceivedDays: number, notAcceptedDays: number) {
  let del = tx.deleteFrom('referral_time_limits').where('county_code', '=', countyCode);
  del = organizationId ? del.where('organization_id', '=', organizationId) : del.where('organization_id', 'is', null);
  await del.execute();
  await tx
    .insertInto('referral_time_limits')
    .values({ county_code: countyCode, organization_id: organizationId, not_received_days: notReceivedDays, not_accepted_days: notAcceptedDays })
    .execute();
}

export function organizationSector(tx: Tx, id: string) {
  return tx.selectFrom('organizations').select(['sector', 'name']).where('id', '=', id).executeTakeFirst();
}

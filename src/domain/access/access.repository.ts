import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import type { DisclosureBasis } from './access.rules.js';

/** The access check's first step on every client read: `polku_has_active_relationship` (0942), planned once per connection. */
export async function hasActiveRelationship(tx: Tx, clientId: string, organizationId: string): Promise<boolean> {
  const { rows } = await sql<{ active: boolean }>`SELECT polku_has_active_relationship(${clientId}, ${organizationId}) AS active`.execute(tx);
  return rows[0]?.active === true;
}

/** Consents and statutory bases of the client naming this organisation or its sector, not revoked. */
export async function disclosureBasesFor(tx: Tx, clientId: string, org: { id: string; sector: string }): Promise<DisclosureBasis[]> {
  const rows = await tx
    .selectFrom('consents')
    .select(['id', 'basis', 'statutory_basis', 'recipient_organization_ids', 'recipient_sectors', 'data_categories', 'valid_from', 'valid_until', 'revoked_at'])
    .where('client_id', '=', clientId)
    .where('revoked_at', 'is', null)
    .where(sql<boolean>`(${org.id}::uuid = ANY(recipient_organization_ids) OR ${org.sector}::text = ANY(recipient_sectors))`)
    .execute();
  return rows.map(toBasis);
}

/** Every consent and statutory basis of the client (for coverage of a referral's receiver). */
export async function allDisclosureBases(tx: Tx, clientId: string): Promise<DisclosureBasis[]> {
  const rows = await tx
    .selectFrom('consents')
    .select(['id', 'basis', 'statutory_basis', 'recipient_organization_ids', 'recipient_sectors', 'data_categories', 'valid_from', 'valid_until', 'revoked_at'])
    .where('client_id', '=', clientId)
    .where('revoked_at', 'is', null)
    .execute();
  return rows.map(toBasis);
}

function toBasis(r: {
  id: string; basis: 'consent' | 'statutory'; statutory_basis: string | null; recipient_organization_ids: string[]; recipient_sectors: string[];
  data_categories: string[]; valid_from: Date; valid_until: Date | null; revoked_at: Date | null;
}): DisclosureBasis {
  return {
    id: r.id,
    basis: r.basis,
    statutoryBasis: r.statutory_basis,
    recipientOrganizationIds: r.recipient_organization_ids,
    recipientSectors: r.recipient_sectors,
    dataCategories: r.data_categories,
    validFrom: new Date(r.valid_from),
    validUntil: r.valid_until ? new Date(r.valid_until) : null,
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
  };
}

/** Is the organisation the receiver of an open referral of this client? */
export async function isOpenReferralReceiver(tx: Tx, clientId: string, organizationId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('referrals')
    .select('id')
    .where('client_id', '=', clientId)
    .where('to_organization_id', '=', organizationId)
    .where('status', 'in', ['requested', 'received', 'accepted', 'in-progress', 'on-hold'])
    .executeTakeFirst();
  return !!row;
}

export async function activeEmergencyAccess(tx: Tx, clientId: string, userId: string, now: Date) {
  return tx
    .selectFrom('emergency_access')
    .select(['id', 'expires_at'])
    .where('client_id', '=', clientId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function insertEmergencyAccess(
  tx: Tx,
  e: { countyCode: string; organizationId: string; clientId: string; userId: string; reason: string; grantedAt: Date; expiresAt: Date },
) {
  const row = await tx
    .insertInto('emergency_access')
    .values({
      county_code: e.countyCode, organization_id: e.organizationId, client_id: e.clientId, user_id: e.userId,
      reason: e.reason, granted_at: e.grantedAt, expires_at: e.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function clientExistsInCounty(tx: Tx, clientId: string, countyCode: string): Promise<boolean> {
  const row = await tx.selectFrom('clients').select('id').where('id', '=', clientId).where('county_code', '=', countyCode).executeTakeFirst();
  return !!row;
}

/** Emergency accesses of the organisation for the manager's review, oldest unreviewed first. */
export async function listEmergencyAccess(tx: Tx, organizationId: string, unreviewedOnly: boolean) {
  let q = tx
    .selectFrom('emergency_access as e')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('users as r', 'r.id', 'e.reviewed_by')
    .select([
      'e.id', 'e.client_id', 'e.reason', 'e.granted_at', 'e.expires_at', 'e.reviewed_at', 'e.review_note',
      'u.display_name as user_name', 'r.display_name as reviewer_name',
    ])
    .where('e.organization_id', '=', organizationId);
  if (unreviewedOnly) q = q.where('e.reviewed_at', 'is', null);
  return q.orderBy('e.granted_at', 'asc').limit(200).execute();
}

export async function markEmergencyReviewed(tx: Tx, id: string, organizationId: string, reviewerId: string, note: string) {
  const r = await tx
    .updateTable('emergency_access')
    .set({ reviewed_at: new Date(), reviewed_by: reviewerId, review_note: note })
    .where('id', '=', id)
    .where('organization_id', '=', organizationId)
    .where('reviewed_at', 'is', null)
    .returning('client_id')
    .executeTakeFirst();
  return r?.client_id ?? null;
}

/** Invited (by name or organisation) to a not-cancelled meeting of the client that is upcoming or recent. */
export async function isMeetingParticipant(tx: Tx, clientId: string, userId: string, organizationId: string, since: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('meeting_participants as p')
    .innerJoin('meetings as m', 'm.id', 'p.meeting_id')
    .select('p.id')
    .where('p.client_id', '=', clientId)
    .where((eb) => eb.or([eb('p.user_id', '=', userId), eb('p.organization_id', '=', organizationId)]))
    .where('m.status', '!=', 'cancelled')
    .where('m.starts_at', '>=', since)
    .executeTakeFirst();
  return !!row;
}

/**
 * The pupil's active enrolment in a school unit where the user works: their own unit (teacher,
 * student welfare, school nurse of that school) or a unit they serve as county student welfare staff.
 */
export async function schoolEnrolmentOfStaff(tx: Tx, clientId: string, userId: string, unitId: string | null) {
  return tx
    .selectFrom('pupil_enrolments as e')
    .select(['e.id', 'e.unit_id'])
    .where('e.client_id', '=', clientId)
    .where('e.ended_on', 'is', null)
    .where((eb) =>
      eb.or([
        ...(unitId ? [eb('e.unit_id', '=', unitId)] : []),
        eb('e.unit_id', 'in', eb.selectFrom('school_welfare_staff').select('unit_id').where('user_id', '=', userId)),
      ]),
    )
    .executeTakeFirst();
}

/**
 * Is the guardian client recorded as a guardian (client_close_ones.is_guardian, 0200) of the child,
 * and is the child under 18 on the given Finnish date (YYYY-MM-DD)?
 */
export async function isGuardianOfMinor(tx: Tx, guardianClientId: string, childId: string, today: string): Promise<boolean> {
  const eighteenYearsAgo = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  const row = await tx
    .selectFrom('client_close_ones as co')
    .innerJoin('clients as c', 'c.id', 'co.client_id')
    .select('c.id')
    .where('co.client_id', '=', childId)
    .where('co.related_client_id', '=', guardianClientId)
    .where('co.is_guardian', '=', true)
    .where(sql<boolean>`c.birth_date > ${eighteenYearsAgo}::date`)
    .executeTakeFirst();
  return !!row;
}

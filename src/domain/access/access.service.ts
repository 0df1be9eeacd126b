import { finnishCalendarDate } from '../shared/calendar.js';
import { DataCategory as DataCategorySchema } from '../../contracts/consents.contracts.js';
import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional, SCHOOL_ROLES } from '../identity/roles.js';
import { AppError } from '../shared/errors.js';
import * as repo from './access.repository.js';
import { coverageFor } from './access.rules.js';

/** Categories of client data that consent and access are decided on. */
export const DATA_CATEGORIES = DataCategorySchema.options;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface AccessGrant {
  clientId: string;
  /** Why the actor may see this client: 'self', 'client-relationship', … (goes into the audit row). */
  basis: string;
  /** Which categories the actor may see; null = all (the client's own organisation or the client). */
  categories: readonly DataCategory[] | null;
  /**
   * The basis covers only requests that name one of its categories (the school-enrolment basis:
   * a teacher reads a pupil's absences, not the pupil's client record).
   */
  categoryRequired?: boolean;
}

/** What the school-enrolment basis lets the pupil's school staff see (Act 1287/2013 § 23). */
export const SCHOOL_ENROLMENT_CATEGORIES: readonly DataCategory[] = ['school'];

export interface AccessRequest {
  action: string; // e.g. 'client.read'
  category?: DataCategory;
  resource?: string;
  resourceId?: string;
}

/**
 * A refusal. It answers 404 like a missing record; the HTTP layer writes the refused attempt to the
 * audit log in its own transaction, because the use case's transaction is rolled back.
 */
export class AccessDeniedError extends AppError {
  constructor(readonly actor: Actor, readonly clientId: string, readonly request: AccessRequest) {
    super(404, 'not_found', { fi: 'Tietoa ei löytynyt.', sv: 'Uppgiften hittades inte.', en: 'Not found.' });
  }
}

/**
 * Decides on what basis, if any, the actor may see the client, and which categories. The one place
 * this is decided. Read fresh on every request (no cache), so a revoked consent, an ended
 * relationship or enrolment, or a child turning 18 takes effect on the next request. In order:
 *  1. the client themself;
 *  2. a guardian (huoltaja) of an under-18 child, acting for the child in the portal → everything
 *     the child could see (client_close_ones.is_guardian, 0200);
 *  3. an active client relationship in the actor's organisation → everything;
 *  4. an unexpired emergency access of this user → everything, flagged for review;
 *  5. receiver of an open referral, or participant of a meeting, covered by an active consent
 *     → the consented categories (plus any statutory ones);
 *  6. a recorded statutory basis (e.g. duty to notify) naming the organisation → its categories;
 *  7. school enrolment: school staff (teacher, student welfare, school nurse) of the pupil's school
 *     unit, or the county's student welfare staff serving that school (school_welfare_staff)
 *     → 'school' only, and only for requests that name it (Pupil and Student Welfare Act 1287/2013 § 23).
 * When `category` is given, the first basis that covers it wins (so a consent without 'school'
 * does not hide the enrolment basis); otherwise the first basis found.
 */
export async function resolveAccess(tx: Tx, actor: Actor, clientId: string, now = new Date(), category?: DataCategory): Promise<AccessGrant | null> {
  if (!isUuid(clientId)) return null;
  if (actor.role === 'client') return clientBasis(tx, actor, clientId, now);
  if (!isProfessional(actor.role)) return null; // managers and admins work with reports, not client records
  if (await repo.hasActiveRelationship(tx, clientId, actor.organizationId)) return { clientId, basis: 'client-relationship', categories: null };
  if (await repo.activeEmergencyAccess(tx, clientId, actor.userId, now)) return { clientId, basis: 'emergency', categories: null };
  const covers = (g: AccessGrant) => !category || !g.categories || g.categories.includes(category);
  let first: AccessGrant | null = null;
  const org = { id: actor.organizationId, sector: actor.organizationSector };
  const cover = coverageFor(await repo.disclosureBasesFor(tx, clientId, org), org, now);
  if (cover.consentIds.length > 0) {
    const via = (await repo.isOpenReferralReceiver(tx, clientId, org.id)) ? 'referral' : await meetingParticipantBasis(tx, actor, clientId, now);
    if (via) {
      first = { clientId, basis: `consent:${via}`, categories: union(cover.consentCategories, cover.statutoryCategories) };
      if (covers(first)) return first;
    }
  }
  if (cover.statutoryCodes.length > 0) {
    const statutory: AccessGrant = { clientId, basis: `statutory:${cover.statutoryCodes[0]}`, categories: cover.statutoryCategories };
    if (covers(statutory)) return statutory;
    first ??= statutory;
  }
  if (SCHOOL_ROLES.includes(actor.role) && (!category || SCHOOL_ENROLMENT_CATEGORIES.includes(category))) {
    const enrolment = await repo.schoolEnrolmentOfStaff(tx, clientId, actor.userId, actor.unitId);
    if (enrolment) {
      const school: AccessGrant = { clientId, basis: 'school-enrolment', categories: SCHOOL_ENROLMENT_CATEGORIES, categoryRequired: true };
      if (category || !first) return school;
    }
  }
  return first;
}

/**
 * A client login: themself, or — as a guardian — an under-18 child. A guardian acting for the child
 * in the portal carries the child's id as clientId and their own as guardianClientId; the guardianship
 * and the child's age are checked again here on every request, never trusted from the actor.
 */
async function clientBasis(tx: Tx, actor: Actor, clientId: string, now: Date): Promise<AccessGrant | null> {
  const person = actor.guardianClientId ?? actor.clientId;
  if (!person) return null;
  if (!actor.guardianClientId && person === clientId) return { clientId, basis: 'self', categories: null };
  if (actor.guardianClientId && actor.clientId !== clientId) return null; // acting for one child at a time
  if (person !== clientId && (await repo.isGuardianOfMinor(tx, person, clientId, finnishCalendarDate(now)))) return { clientId, basis: 'guardian', categories: null };
  return null;
}


/**
 * The meetings basis: the actor (or their organisation) is invited to a network meeting of the
 * client that is planned or was held in the last MEETING_ACCESS_DAYS days. Consent is still
 * required on top (checked by the caller). The one place meeting participation grants access.
 */
export async function meetingParticipantBasis(tx: Tx, actor: Actor, clientId: string, now = new Date()): Promise<'meeting' | null> {
  const since = new Date(now.getTime() - MEETING_ACCESS_DAYS * 86_400_000);
  return (await repo.isMeetingParticipant(tx, clientId, actor.userId, actor.organizationId, since)) ? 'meeting' : null;
}
const MEETING_ACCESS_DAYS = 30;

const union = (a: readonly DataCategory[], b: readonly DataCategory[]) => [...new Set([...a, ...b])];

/**
 * The access check every read or write of client data goes through. Allowed access is
 * audit-logged in the caller's transaction; refusals throw AccessDeniedError (404).
 */
export async function requireClientAccess(tx: Tx, actor: Actor, clientId: string, request: AccessRequest): Promise<AccessGrant> {
  const grant = await resolveAccess(tx, actor, clientId, new Date(), request.category);
  const categoryAllowed = request.category ? !grant?.categories || grant.categories.includes(request.category) : !grant?.categoryRequired;
  if (!grant || !categoryAllowed) throw new AccessDeniedError(actor, clientId, request);
  await recordAudit(tx, actor, {
    action: request.action,
    clientId,
    resource: request.resource ?? null,
    resourceId: request.resourceId ?? null,
    basis: grant.basis,
    allowed: true,
    details: request.category ? { category: request.category } : null,
  });
  return grant;
}

/** Writes the audit row of a refused attempt (called by the HTTP layer after rollback). */
export async function recordDenial(tx: Tx, error: AccessDeniedError) {
  await recordAudit(tx, error.actor, {
    action: error.request.action,
    clientId: isUuid(error.clientId) ? error.clientId : null,
    resource: error.request.resource ?? null,
    resourceId: error.request.resourceId ?? null,
    basis: null,
    allowed: false,
    details: isUuid(error.clientId) ? null : { requestedId: error.clientId },
  });
}

export const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional } from '../identity/roles.js';
import { AppError } from '../shared/errors.js';
import * as repo from './access.repository.js';
import { coverageFor } from './access.rules.js';

/** Categories of client data that consent and access are decided on. */
export const DATA_CATEGORIES = ['contact', 'plan', 'assessments', 'health', 'social', 'school', 'benefits'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface AccessGrant {
  clientId: string;
  /** Why the actor may see this client: 'self', 'client-relationship', … (goes into the audit row). */
  basis: string;
  /** Which categories the actor may see; null = all (the client's own organisation or the client). */
  categories: readonly DataCategory[] | null;
}

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
 * this is decided. Read fresh on every request (no cache), so a revoked consent or an ended
 * relationship takes effect on the next request. In order:
 *  1. the client themself;
 *  2. an active client relationship in the actor's organisation → everything;
 *  3. an unexpired emergency access of this user → everything, flagged for review;
 *  4. receiver of an open referral, or participant of a meeting, covered by an active consent
 *     → the consented categories (plus any statutory ones);
 *  5. a recorded statutory basis (e.g. duty to notify) naming the organisation → its categories.
 */
export async function resolveAccess(tx: Tx, actor: Actor, clientId: string, now = new Date()): Promise<AccessGrant | null> {
  if (!isUuid(clientId)) return null;
  if (actor.role === 'client') {
    return actor.clientId === clientId ? { clientId, basis: 'self', categories: null } : null;
  }
  if (!isProfessional(actor.role)) return null; // managers and admins work with reports, not client records
  if (await repo.hasActiveRelationship(tx, clientId, actor.organizationId)) return { clientId, basis: 'client-relationship', categories: null };
  if (await repo.activeEmergencyAccess(tx, clientId, actor.userId, now)) return { clientId, basis: 'emergency', categories: null };
  const org = { id: actor.organizationId, sector: actor.organizationSector };
  const cover = coverageFor(await repo.disclosureBasesFor(tx, clientId, org), org, now);
  if (cover.consentIds.length > 0) {
    const via = (await repo.isOpenReferralReceiver(tx, clientId, org.id)) ? 'referral' : await meetingParticipantBasis(tx, actor, clientId, now);
    if (via) return { clientId, basis: `consent:${via}`, categories: union(cover.consentCategories, cover.statutoryCategories) };
  }
  if (cover.statutoryCodes.length > 0) {
    return { clientId, basis: `statutory:${cover.statutoryCodes[0]}`, categories: cover.statutoryCategories };
  }
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
  const grant = await resolveAccess(tx, actor, clientId);
  const categoryAllowed = !request.category || !grant?.categories || grant.categories.includes(request.category);
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

import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional } from '../identity/roles.js';
import { badRequest, forbidden, notFound } from '../shared/errors.js';
import * as repo from './access.repository.js';
import { EMERGENCY_ACCESS_HOURS } from './access.rules.js';
import { AccessDeniedError, isUuid } from './access.service.js';

/**
 * Emergency access (hätäkäyttö): a professional without any other basis opens a client's record
 * for a few hours, stating why. Audited with basis 'emergency' and listed for the managers' review.
 */
export async function grantEmergencyAccess(tx: Tx, actor: Actor, clientId: string, reason: string, now = new Date()) {
  const request = { action: 'client.emergency-access', resource: 'emergency_access' };
  if (!isProfessional(actor.role) || !isUuid(clientId)) throw new AccessDeniedError(actor, clientId, request);
  if (reason.trim().length < 10) {
    throw badRequest('reason_required', {
      fi: 'Kerro hätäkäytön syy (vähintään 10 merkkiä).',
      sv: 'Ange orsaken till nödåtkomsten (minst 10 tecken).',
      en: 'Give the reason for emergency access (at least 10 characters).',
    });
  }
  if (!(await repo.clientExistsInCounty(tx, clientId, actor.countyCode))) throw new AccessDeniedError(actor, clientId, request);
  const expiresAt = new Date(now.getTime() + EMERGENCY_ACCESS_HOURS * 3_600_000);
  const id = await repo.insertEmergencyAccess(tx, {
    countyCode: actor.countyCode, organizationId: actor.organizationId, clientId, userId: actor.userId, reason: reason.trim(), grantedAt: now, expiresAt,
  });
  await recordAudit(tx, actor, {
    action: request.action, clientId, resource: request.resource, resourceId: id, basis: 'emergency', allowed: true,
    details: { reason: reason.trim(), expiresAt: expiresAt.toISOString(), flaggedForReview: true },
  });
  return { id, expiresAt: expiresAt.toISOString() };
}

function requireManager(actor: Actor) {
  if (actor.role !== 'manager' && actor.role !== 'admin') throw forbidden();
}

export async function listEmergencyAccessForReview(tx: Tx, actor: Actor, unreviewedOnly: boolean) {
  requireManager(actor);
  const rows = await repo.listEmergencyAccess(tx, actor.organizationId, unreviewedOnly);
  return {
    items: rows.map((r) => ({
      id: r.id, clientId: r.client_id, user: r.user_name, reason: r.reason,
      grantedAt: new Date(r.granted_at).toISOString(), expiresAt: new Date(r.expires_at).toISOString(),
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null, reviewer: r.reviewer_name, reviewNote: r.review_note,
    })),
  };
}

export async function reviewEmergencyAccess(tx: Tx, actor: Actor, id: string, note: string) {
  requireManager(actor);
  const clientId = isUuid(id) ? await repo.markEmergencyReviewed(tx, id, actor.organizationId, actor.userId, note) : null;
  if (!clientId) throw notFound();
  await recordAudit(tx, actor, { action: 'emergency-access.review', clientId, resource: 'emergency_access', resourceId: id, basis: 'supervision', allowed: true, details: { note } });
  return { ok: true as const };
}

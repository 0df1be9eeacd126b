import type { Tx } from '../../db/schema.js';
import type { ConsentView, CreateConsentRequest, CreateStatutoryBasisRequest } from '../../contracts/consents.contracts.js';
import { AccessDeniedError, requireClientAccess } from '../access/index.js';
import type { Sector } from '../catalog/catalog.types.js';
import type { Actor } from '../identity/actor.js';
import { recordPathEvent } from '../path/index.js';
import { cancelReferralsNoLongerCovered } from '../referrals/index.js';
import { badRequest, notFound, type Lang } from '../shared/errors.js';
import * as repo from './consents.repository.js';
import { consentState, STATUTORY_BASES, validPeriod, type StatutoryBasisCode } from './consents.rules.js';

/** Only those who hold the client relationship (or the client themself) record or revoke consents. */
const MAY_MANAGE = ['client-relationship', 'self'];

async function requireManage(tx: Tx, actor: Actor, clientId: string, action: string, resourceId?: string) {
  const request = { action, resource: 'consent', resourceId };
  const grant = await requireClientAccess(tx, actor, clientId, request);
  if (!MAY_MANAGE.includes(grant.basis)) throw new AccessDeniedError(actor, clientId, request);
}

const invalidPeriod = () =>
  badRequest('invalid_period', {
    fi: 'Voimassaolon loppupäivän pitää olla alkupäivän jälkeen.',
    sv: 'Giltighetstidens slut måste vara efter början.',
    en: 'The end of validity must be after its start.',
  });

async function checkRecipients(tx: Tx, actor: Actor, ids: string[]) {
  const orgs = await repo.organizationsByIds(tx, [...new Set(ids)]);
  if (orgs.length !== new Set(ids).size || orgs.some((o) => o.county_code !== actor.countyCode)) {
    throw badRequest('unknown_organization', {
      fi: 'Vastaanottajaorganisaatiota ei löytynyt.',
      sv: 'Mottagarorganisationen hittades inte.',
      en: 'A recipient organisation was not found.',
    });
  }
  return orgs;
}

/** Records a consent given by the client or a guardian (suostumus tietojen luovuttamiseen). */
export async function giveConsent(tx: Tx, actor: Actor, clientId: string, input: CreateConsentRequest, now = new Date()) {
  await requireManage(tx, actor, clientId, 'consent.create');
  const validFrom = input.validFrom ? new Date(input.validFrom) : now;
  const validUntil = input.validUntil ? new Date(input.validUntil) : null;
  if (!validPeriod(validFrom, validUntil)) throw invalidPeriod();
  const orgs = await checkRecipients(tx, actor, input.recipientOrganizationIds);
  // A client acting in the portal gives the consent themself, electronically.
  const self = actor.role === 'client';
  const id = await repo.insertConsent(tx, {
    countyCode: actor.countyCode, organizationId: actor.organizationId, clientId, basis: 'consent', statutoryBasis: null,
    recipientOrganizationIds: orgs.map((o) => o.id), recipientSectors: input.recipientSectors, dataCategories: input.dataCategories,
    purpose: input.purpose, validFrom, validUntil, givenBy: self ? 'client' : input.givenBy, givenByName: input.givenByName ?? null,
    method: self ? 'electronic' : input.method, recordedBy: actor.userId,
  });
  await repo.insertConsentEvent(tx, {
    consentId: id, clientId, countyCode: actor.countyCode, organizationId: actor.organizationId, kind: 'given', at: now,
    byUserId: actor.userId, byName: actor.displayName, note: null,
  });
  await recordPathEvent(tx, {
    clientId, countyCode: actor.countyCode, organizationId: actor.organizationId, phase: 'assessment', kind: 'consent', at: now,
    title: 'Suostumus tietojen luovuttamiseen', description: `${input.purpose} – ${orgs.map((o) => o.name).join(', ')}`,
    sectors: [actor.organizationSector, ...orgs.map((o) => o.sector), ...input.recipientSectors] as Sector[],
    ref: { type: 'consent', id }, createdBy: actor.userId,
  });
  return { id };
}

/** Records a legal basis for disclosure without consent (e.g. duty to notify), explicitly. */
export async function recordStatutoryBasis(tx: Tx, actor: Actor, clientId: string, input: CreateStatutoryBasisRequest, now = new Date()) {
  await requireManage(tx, actor, clientId, 'consent.statutory');
  if (actor.role === 'client') throw new AccessDeniedError(actor, clientId, { action: 'consent.statutory' });
  const validUntil = input.validUntil ? new Date(input.validUntil) : null;
  if (!validPeriod(now, validUntil)) throw invalidPeriod();
  const orgs = await checkRecipients(tx, actor, input.recipientOrganizationIds);
  const id = await repo.insertConsent(tx, {
    countyCode: actor.countyCode, organizationId: actor.organizationId, clientId, basis: 'statutory', statutoryBasis: input.statutoryBasis,
    recipientOrganizationIds: orgs.map((o) => o.id), recipientSectors: input.recipientSectors, dataCategories: input.dataCategories,
    purpose: input.purpose, validFrom: now, validUntil, givenBy: null, givenByName: null, method: null, recordedBy: actor.userId,
  });
  await repo.insertConsentEvent(tx, {
    consentId: id, clientId, countyCode: actor.countyCode, organizationId: actor.organizationId, kind: 'recorded-statutory', at: now,
    byUserId: actor.userId, byName: actor.displayName, note: STATUTORY_BASES[input.statutoryBasis].fi,
  });
  return { id };
}

/**
 * Revokes a consent (the client may do so at any time). Takes effect on the next request: access
 * is decided fresh every time. Open referrals that no other consent covers are cancelled.
 */
export async function revokeConsent(tx: Tx, actor: Actor, consentId: string, reason: string | undefined, now = new Date()) {
  const consent = /^[0-9a-f-]{36}$/i.test(consentId) ? await repo.getConsent(tx, consentId) : undefined;
  if (!consent || consent.county_code !== actor.countyCode) throw notFound();
  await requireManage(tx, actor, consent.client_id, 'consent.revoke', consentId);
  if (!(await repo.markRevoked(tx, consentId, now, actor.role === 'client' ? null : actor.userId, reason ?? null))) {
    throw badRequest('already_revoked', { fi: 'Suostumus on jo peruttu.', sv: 'Samtycket har redan återkallats.', en: 'The consent is already revoked.' });
  }
  await repo.insertConsentEvent(tx, {
    consentId, clientId: consent.client_id, countyCode: consent.county_code, organizationId: actor.organizationId, kind: 'revoked', at: now,
    byUserId: actor.userId, byName: actor.displayName, note: reason ?? null,
  });
  const cancelledReferralIds = await cancelReferralsNoLongerCovered(tx, actor, consent.client_id, consentId, now);
  return { id: consentId, revokedAt: now.toISOString(), cancelledReferralIds };
}

/** The client's consents and statutory bases, with their history (for professionals and the portal). */
export async function listConsents(tx: Tx, actor: Actor, clientId: string, lang: Lang = 'fi', now = new Date()): Promise<{ items: ConsentView[] }> {
  await requireClientAccess(tx, actor, clientId, { action: 'consent.list', resource: 'consent' });
  const [rows, events] = await Promise.all([repo.consentsOfClient(tx, clientId), repo.eventsOfClient(tx, clientId)]);
  const orgs = new Map((await repo.organizationsByIds(tx, [...new Set(rows.flatMap((r) => r.recipient_organization_ids))])).map((o) => [o.id, o]));
  return {
    items: rows.map((r) => {
      const validFrom = new Date(r.valid_from);
      const validUntil = r.valid_until ? new Date(r.valid_until) : null;
      const revokedAt = r.revoked_at ? new Date(r.revoked_at) : null;
      const code = r.statutory_basis as StatutoryBasisCode | null;
      return {
        id: r.id, basis: r.basis, statutoryBasis: code, statutoryBasisText: code && STATUTORY_BASES[code] ? STATUTORY_BASES[code][lang] : null,
        recipients: r.recipient_organization_ids.map((id) => orgs.get(id)).filter((o) => !!o).map((o) => ({ id: o.id, name: o.name, sector: o.sector })),
        recipientSectors: r.recipient_sectors, dataCategories: r.data_categories as ConsentView['dataCategories'], purpose: r.purpose,
        validFrom: validFrom.toISOString(), validUntil: validUntil?.toISOString() ?? null,
        givenBy: r.given_by as ConsentView['givenBy'], givenByName: r.given_by_name, method: r.method as ConsentView['method'],
        state: consentState({ revokedAt, validFrom, validUntil }, now), revokedAt: revokedAt?.toISOString() ?? null, revokeReason: r.revoke_reason,
        history: events.filter((e) => e.consent_id === r.id).map((e) => ({ kind: e.kind, at: new Date(e.at).toISOString(), by: e.by_name, note: e.note })),
      };
    }),
  };
}

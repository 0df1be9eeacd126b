import type { Tx } from '../../db/schema.js';
import type { CreateReferralRequest } from '../../contracts/referrals.contracts.js';
import { AccessDeniedError, allDisclosureBases, coverageFor, isUuid, requireClientAccess, type DataCategory } from '../access/index.js';
import type { Sector } from '../catalog/catalog.types.js';
import type { Actor } from '../identity/actor.js';
import { isProfessional } from '../identity/roles.js';
import { recordPathEvent } from '../path/index.js';
import { recordReferralOutcome } from '../plans/index.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../shared/errors.js';
import * as repo from './referrals.repository.js';
import { checkTransition, OPEN_STATUSES, outcomeText, phaseOfStatus, planActionOutcome, sidesOf, STATUS_TITLES_FI, type ReferralStatus } from './referrals.rules.js';

const consentRequired = (details: Record<string, unknown>) =>
  conflict(
    'consent_required',
    {
      fi: 'Asiakkaan suostumus puuttuu: voimassa oleva suostumus ei kata tätä vastaanottajaa tai näitä tietoja. Pyydä suostumus ja kirjaa se ensin.',
      sv: 'Klientens samtycke saknas: inget giltigt samtycke omfattar denna mottagare eller dessa uppgifter. Be om samtycke och registrera det först.',
      en: 'The client’s consent is missing: no active consent covers this recipient or these data. Ask for consent and record it first.',
    },
    details,
  );

const serviceNotFound = () =>
  new AppError(404, 'service_not_found', { fi: 'Palvelua ei löytynyt.', sv: 'Tjänsten hittades inte.', en: 'Service not found.' });

/**
 * Sends (or drafts) a referral from a plan action or a recommended service to the service's
 * provider. Needs an active consent or a recorded statutory basis covering the provider, and
 * carries only consented data categories.
 */
export async function createReferral(tx: Tx, actor: Actor, input: CreateReferralRequest, now = new Date(), kind: 'referral' | 'handover' = 'referral') {
  if (!isProfessional(actor.role)) throw forbidden();
  await requireClientAccess(tx, actor, input.clientId, { action: 'referral.create', category: 'plan', resource: 'referral' });
  const service = isUuid(input.serviceId) ? await repo.findService(tx, input.serviceId, actor.countyCode) : undefined;
  if (!service || service.status !== 'active') throw serviceNotFound();
  const toOrg = service.organization_id ? { id: service.organization_id, sector: service.org_sector ?? '' } : null;
  const toSector = toOrg?.sector ?? service.provider_sector ?? null;
  const internal = toOrg?.id === actor.organizationId;
  let allowed: DataCategory[] | null = null; // null = within the organisation, no disclosure
  let consentId: string | null = null;
  if (!internal) {
    const cover = coverageFor(await allDisclosureBases(tx, input.clientId), { id: toOrg?.id ?? '', sector: toSector ?? '' }, now);
    if (cover.consentIds.length === 0 && cover.statutoryCodes.length === 0) {
      throw consentRequired({ organizationId: toOrg?.id ?? null, organizationName: service.org_name ?? service.provider_name });
    }
    allowed = [...new Set([...cover.consentCategories, ...cover.statutoryCategories])];
    consentId = cover.consentIds[0] ?? null;
  }
  const shared = input.sharedCategories ?? allowed ?? ['contact', 'plan'];
  const missing = allowed ? shared.filter((c) => !allowed.includes(c)) : [];
  if (missing.length > 0) throw consentRequired({ organizationId: toOrg?.id ?? null, missingCategories: missing });
  const planAction = input.planActionId ? await repo.findPlanAction(tx, input.planActionId, input.clientId) : null;
  if (input.planActionId && !planAction) {
    throw badRequest('unknown_plan_action', { fi: 'Suunnitelman toimenpidettä ei löytynyt.', sv: 'Planens åtgärd hittades inte.', en: 'Plan action not found.' });
  }
  const status: ReferralStatus = input.draft ? 'draft' : 'requested';
  const id = await repo.insertReferral(tx, {
    countyCode: actor.countyCode, fromOrganizationId: actor.organizationId, clientId: input.clientId, kind, fromUserId: actor.userId,
    fromUnitId: actor.unitId, toOrganizationId: toOrg?.id ?? null, toProviderName: service.org_name ?? service.provider_name, toSector,
    serviceId: service.id, serviceName: service.name_fi, planActionId: planAction?.id ?? null, status, reason: input.reason,
    urgency: input.urgency ?? 'normal', receiverInfo: input.receiverInfo ?? '', sharedCategories: shared,
    contactPreference: input.contactPreference ?? null, consentId, outsideSystem: !toOrg || service.uses_polku === false, at: now,
  });
  await logStatus(tx, actor, { id, clientId: input.clientId, countyCode: actor.countyCode, fromSector: actor.organizationSector, toSector, serviceName: service.name_fi, planActionTitle: planAction?.title ?? null }, status, null, now);
  return { id, status };
}

interface StatusLogTarget {
  id: string;
  clientId: string;
  countyCode: string;
  fromSector: string;
  toSector: string | null;
  serviceName: string;
  planActionTitle?: string | null;
}

/** Every status change is kept in the referral's history and lands on the client's path. */
async function logStatus(tx: Tx, actor: Actor, r: StatusLogTarget, status: ReferralStatus, reason: string | null, at: Date) {
  await repo.insertEvent(tx, { referralId: r.id, clientId: r.clientId, countyCode: r.countyCode, organizationId: actor.organizationId, status, reason, at, byUserId: actor.userId, byName: actor.displayName });
  const outcome = r.planActionTitle && ['completed', 'failed', 'rejected', 'cancelled'].includes(status) ? `Suunnitelman toimenpiteen "${r.planActionTitle}" tulos: ${STATUS_TITLES_FI[status].toLowerCase()}.` : null;
  await recordPathEvent(tx, {
    clientId: r.clientId, countyCode: r.countyCode, organizationId: actor.organizationId, phase: phaseOfStatus(status), kind: 'referral-status', at,
    title: `${STATUS_TITLES_FI[status]}: ${r.serviceName}`, description: [reason, outcome].filter(Boolean).join(' ') || null,
    sectors: [r.fromSector, ...(r.toSector ? [r.toSector] : [])] as Sector[], ref: { type: 'referral', id: r.id }, createdBy: actor.userId,
  });
}

const transitionErrors = {
  forbidden: () =>
    new AppError(403, 'forbidden', {
      fi: 'Tämän tilan asettaa lähetteen toinen osapuoli.',
      sv: 'Den här statusen anges av remissens andra part.',
      en: 'The other party of the referral sets this status.',
    }),
  invalid_transition: () =>
    conflict('invalid_transition', {
      fi: 'Lähetettä ei voi siirtää tähän tilaan nykyisestä tilasta.',
      sv: 'Remissen kan inte flyttas till den här statusen från nuvarande status.',
      en: 'The referral cannot move to this status from its current status.',
    }),
  reason_required: () =>
    badRequest('reason_required', {
      fi: 'Kerro syy (esimerkiksi ei tilaa, ei täytä ehtoja, asiakas kieltäytyi).',
      sv: 'Ange orsaken (till exempel ingen plats, uppfyller inte villkoren, klienten avböjde).',
      en: 'Give the reason (e.g. no capacity, not eligible, client declined).',
    }),
};

/** Loads a referral the actor's organisation is a party to; anyone else gets 404 (audited). */
export async function referralForParty(tx: Tx, actor: Actor, id: string, action: string) {
  const r = isUuid(id) ? await repo.getReferral(tx, id) : undefined;
  if (!r || r.county_code !== actor.countyCode) throw notFound();
  const sides = sidesOf(actor.organizationId, { fromOrganizationId: r.organization_id, toOrganizationId: r.to_organization_id, outsideSystem: r.outside_system });
  const request = { action, resource: 'referral', resourceId: id };
  // A draft has not been sent: until then it is the sender's alone.
  if (sides.length === 0 || (r.status === 'draft' && !sides.includes('sender'))) throw new AccessDeniedError(actor, r.client_id, request);
  const grant = await requireClientAccess(tx, actor, r.client_id, request);
  return { r, sides, grant };
}

export async function changeReferralStatus(tx: Tx, actor: Actor, id: string, status: ReferralStatus, reason: string | undefined, now = new Date()) {
  if (isUuid(id)) await repo.lockReferral(tx, id);
  const { r, sides } = await referralForParty(tx, actor, id, 'referral.status');
  const check = checkTransition(sides, r.status, status, reason);
  if (!check.ok) throw transitionErrors[check.error]();
  await repo.setStatus(tx, id, status, reason?.trim() || null, now);
  const action = r.plan_action_id ? await repo.findPlanAction(tx, r.plan_action_id, r.client_id) : undefined;
  await logStatus(tx, actor, { id, clientId: r.client_id, countyCode: r.county_code, fromSector: r.from_org_sector, toSector: r.to_org_sector ?? r.to_sector, serviceName: r.service_name, planActionTitle: action?.title ?? null }, status, reason?.trim() || null, now);
  const planStatus = planActionOutcome(status);
  // The result belongs on the plan too, not only on the path: the action the referral came from.
  if (action && planStatus) {
    const text = outcomeText(status, r.service_name, actor.organizationName, reason?.trim() || null);
    await recordReferralOutcome(tx, actor, action.plan_id, action.id, { status: planStatus, text });
  }
  return { id, status };
}

/** A referral to a provider outside Polku: the sender records that it was made by other means. */
export async function recordMadeOutside(tx: Tx, actor: Actor, id: string, note: string) {
  const { r, sides } = await referralForParty(tx, actor, id, 'referral.outside');
  if (!sides.includes('sender')) throw forbidden();
  if (r.to_organization_id && r.to_uses_polku !== false) {
    throw conflict('receiver_uses_polku', {
      fi: 'Vastaanottaja käyttää Polkua: lähete kulkee järjestelmässä.',
      sv: 'Mottagaren använder Polku: remissen går via systemet.',
      en: 'The receiver uses Polku: the referral travels in the system.',
    });
  }
  await repo.setOutside(tx, id, note);
  return { id, outsideSystem: true };
}

/**
 * After a consent is revoked: cancels the client's open referrals to other organisations that
 * no remaining consent or statutory basis covers. Returns the cancelled ids.
 */
export async function cancelReferralsNoLongerCovered(tx: Tx, actor: Actor, clientId: string, _consentId: string, now = new Date()) {
  const open = await repo.openExternalReferrals(tx, clientId);
  if (open.length === 0) return [];
  const bases = await allDisclosureBases(tx, clientId);
  const cancelled: string[] = [];
  for (const r of open) {
    const sector = r.to_org_sector ?? r.to_sector ?? '';
    const cover = coverageFor(bases, { id: r.to_organization_id ?? '', sector }, now);
    if (cover.consentIds.length > 0 || cover.statutoryCodes.length > 0) continue;
    const full = (await repo.getReferral(tx, r.id))!;
    const reason = 'Asiakas perui suostumuksen';
    await repo.setStatus(tx, r.id, 'cancelled', reason, now);
    await logStatus(tx, actor, { id: r.id, clientId, countyCode: r.county_code, fromSector: full.from_org_sector, toSector: sector || null, serviceName: full.service_name }, 'cancelled', reason, now);
    cancelled.push(r.id);
  }
  return cancelled;
}

export { OPEN_STATUSES };

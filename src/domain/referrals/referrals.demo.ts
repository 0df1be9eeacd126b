import type { DemoContext } from '../../db/demo/context.js';
import type { Tx } from '../../db/schema.js';
import { insertConsent, insertConsentEvent } from '../consents/index.js';
import { DEMO_CLIENTS, DEMO_TODAY, type DemoClient } from '../paths/demo-clients.data.js';
import * as repo from './referrals.repository.js';

/**
 * Consents and referrals (with their status history) of the nine seed clients, moved so that the
 * data's "today" (DEMO_TODAY) falls on the demo world's today. Path events are not written here:
 * the paths seed already tells each client's story step by step.
 */
export async function seedConsentsAndReferrals(tx: Tx, ctx: DemoContext) {
  const shiftMs = ctx.today.getTime() - new Date(`${DEMO_TODAY}T10:00:00+02:00`).getTime();
  const at = (isoDate: string, hour = 10) => new Date(new Date(`${isoDate}T${String(hour).padStart(2, '0')}:00:00+02:00`).getTime() + shiftMs);
  for (const c of DEMO_CLIENTS) {
    const clientId = ctx.clients.get(c.key);
    if (!clientId) continue;
    await seedConsents(tx, ctx, c, clientId, at);
    await seedReferrals(tx, ctx, c, clientId, at);
  }
}

type At = (isoDate: string, hour?: number) => Date;

async function seedConsents(tx: Tx, ctx: DemoContext, c: DemoClient, clientId: string, at: At) {
  for (const k of c.consents) {
    const recorder = ctx.users.get(k.recordedByUsername)!;
    const recipients = k.recipientOrganizationKeys.map((key) => ctx.orgs.get(key)?.id).filter((id): id is string => !!id);
    const from = at(k.from, 9);
    const id = await insertConsent(tx, {
      countyCode: ctx.countyCode, organizationId: recorder.organizationId, clientId, basis: 'consent', statutoryBasis: null,
      recipientOrganizationIds: recipients, recipientSectors: [], dataCategories: k.dataCategories, purpose: k.purpose, validFrom: from,
      validUntil: at(k.until, 23), givenBy: k.givenBy, givenByName: k.givenByName ?? null, method: k.method, recordedBy: recorder.id,
    });
    await insertConsentEvent(tx, {
      consentId: id, clientId, countyCode: ctx.countyCode, organizationId: recorder.organizationId, kind: 'given', at: from,
      byUserId: recorder.id, byName: null, note: null,
    });
  }
}

async function seedReferrals(tx: Tx, ctx: DemoContext, c: DemoClient, clientId: string, at: At) {
  for (const r of c.referrals) {
    const from = ctx.orgs.get(r.fromOrganizationKey)!;
    const to = ctx.orgs.get(r.toOrganizationKey)!;
    const service = await tx
      .selectFrom('catalog_services')
      .select('id')
      .where('name_fi', '=', r.serviceName)
      .where('county_code', '=', ctx.countyCode)
      .executeTakeFirst();
    const first = r.history[0]!;
    const last = r.history[r.history.length - 1]!;
    const sender = first.byUsername ? ctx.users.get(first.byUsername) : undefined;
    const id = await repo.insertReferral(tx, {
      countyCode: ctx.countyCode, fromOrganizationId: from.id, clientId, kind: 'referral', fromUserId: sender?.id ?? null,
      fromUnitId: (r.fromUnitKey && ctx.units.get(`${r.fromOrganizationKey}/${r.fromUnitKey}`)) || null, toOrganizationId: to.id,
      toProviderName: to.name, toSector: to.sector, serviceId: service?.id ?? null, serviceName: r.serviceName, planActionId: null,
      status: r.status, reason: r.reason, urgency: r.urgency, receiverInfo: '', sharedCategories: ['contact', 'plan'],
      contactPreference: null, consentId: null, outsideSystem: false, at: at(first.at, 9),
    });
    await repo.setStatus(tx, id, r.status, last.reason ?? null, at(last.at, 12));
    for (const [i, e] of r.history.entries()) {
      const by = e.byUsername ? ctx.users.get(e.byUsername) : undefined;
      const side = ['requested', 'draft', 'cancelled'].includes(e.status) ? from.id : to.id;
      await repo.insertEvent(tx, {
        referralId: id, clientId, countyCode: ctx.countyCode, organizationId: by?.organizationId ?? side, status: e.status,
        reason: e.reason ?? null, at: at(e.at, 9 + i), byUserId: by?.id ?? null, byName: null,
      });
    }
  }
}

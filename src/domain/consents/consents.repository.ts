import type { Tx } from '../../db/schema.js';

export interface NewConsent {
  countyCode: string;
  organizationId: string;
  clientId: string;
  basis: 'consent' | 'statutory';
  statutoryBasis: string | null;
  recipientOrganizationIds: string[];
  recipientSectors: string[];
  dataCategories: string[];
  purpose: string;
  validFrom: Date;
  validUntil: Date | null;
  givenBy: string | null;
  givenByName: string | null;
  method: string | null;
  recordedBy: string | null;
}

export async function insertConsent(tx: Tx, c: NewConsent): Promise<string> {
  const row = await tx
    .insertInto('consents')
    .values({
      county_code: c.countyCode, organization_id: c.organizationId, client_id: c.clientId, basis: c.basis, statutory_basis: c.statutoryBasis,
      recipient_organization_ids: c.recipientOrganizationIds, recipient_sectors: c.recipientSectors, data_categories: c.dataCategories,
      purpose: c.purpose, valid_from: c.validFrom, valid_until: c.validUntil, given_by: c.givenBy, given_by_name: c.givenByName,
      method: c.method, recorded_by: c.recordedBy, recorded_at: c.validFrom,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertConsentEvent(
  tx: Tx,
  e: { consentId: string; clientId: string; countyCode: string; organizationId: string; kind: 'given' | 'recorded-statutory' | 'revoked'; at: Date; byUserId: string | null; byName: string | null; note: string | null },
) {
  await tx
    .insertInto('consent_events')
    .values({
      consent_id: e.consentId, client_id: e.clientId, county_code: e.countyCode, organization_id: e.organizationId, kind: e.kind,
      at: e.at, by_user_id: e.byUserId, by_name: e.byName, note: e.note,
    })
    .execute();
}

export function getConsent(tx: Tx, id: string) {
  return tx.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function consentsOfClient(tx: Tx, clientId: string) {
  return tx.selectFrom('consents').selectAll().where('client_id', '=', clientId).orderBy('recorded_at', 'desc').execute();
}

export function eventsOfClient(tx: Tx, clientId: string) {
  return tx
    .selectFrom('consent_events')
    .select(['consent_id', 'kind', 'at', 'by_name', 'note'])
    .where('client_id', '=', clientId)
    .orderBy('at', 'asc')
    .execute();
}

export async function markRevoked(tx: Tx, id: string, at: Date, by: string | null, reason: string | null): Promise<boolean> {
  const r = await tx
    .updateTable('consents')
    .set({ revoked_at: at, revoked_by: by, revoke_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function organizationsByIds(tx: Tx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.selectFrom('organizations').select(['id', 'name', 'sector', 'county_code']).where('id', 'in', ids).execute();
}

import type { Tx } from '../../db/schema.js';
import '../clients/clients.tables.js';
import type { ConcernRoute, ConcernStatus, Urgency } from './concerns.rules.js';

/** SQL of concerns (huoli) and the social-services inbox. */

export interface NewConcern {
  clientId: string;
  countyCode: string;
  organizationId: string;
  raisedBy: string | null;
  noticedByRole: string;
  noticedBySector: string | null;
  noticedByName: string | null;
  what: string;
  urgency: Urgency;
  route: ConcernRoute;
  consentGiven: boolean;
  dutyReason: string | null;
  adviceGiven: string | null;
  toOrganizationId: string | null;
  status: ConcernStatus;
  at?: Date | string;
}

export async function insertConcern(tx: Tx, c: NewConcern): Promise<string> {
  const row = await tx
    .insertInto('concerns')
    .values({
      client_id: c.clientId,
      county_code: c.countyCode,
      organization_id: c.organizationId,
      raised_by: c.raisedBy,
      noticed_by_role: c.noticedByRole,
      noticed_by_sector: c.noticedBySector,
      noticed_by_name: c.noticedByName,
      what: c.what,
      urgency: c.urgency,
      route: c.route,
      consent_given: c.consentGiven,
      duty_reason: c.dutyReason,
      advice_given: c.adviceGiven,
      to_organization_id: c.toOrganizationId,
      status: c.status,
      at: c.at ?? new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The county's social services: the wellbeing services county organisation. */
export async function socialServicesOrganization(tx: Tx, countyCode: string) {
  return tx
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('county_code', '=', countyCode)
    .where('sector', '=', 'wellbeing-county')
    .orderBy('created_at')
    .executeTakeFirst();
}

function concernQuery(tx: Tx) {
  return tx
    .selectFrom('concerns as k')
    .innerJoin('clients as c', 'c.id', 'k.client_id')
    .innerJoin('organizations as o', 'o.id', 'k.organization_id')
    .leftJoin('organizations as t', 't.id', 'k.to_organization_id')
    .leftJoin('users as rb', 'rb.id', 'k.received_by')
    .selectAll('k')
    .select(['c.first_name', 'c.last_name', 'c.birth_date', 'o.name as raised_by_org', 't.name as to_org', 'rb.display_name as received_by_name']);
}
export type ConcernRow = Awaited<ReturnType<ReturnType<typeof concernQuery>['executeTakeFirstOrThrow']>>;

export async function concernsOfClient(tx: Tx, clientId: string) {
  return concernQuery(tx).where('k.client_id', '=', clientId).orderBy('k.at', 'desc').execute();
}

export async function concernsRaisedBy(tx: Tx, userId: string) {
  return concernQuery(tx).where('k.raised_by', '=', userId).orderBy('k.at', 'desc').limit(100).execute();
}

/** Waiting contacts first; received ones of the last 30 days stay visible for follow-up. */
export async function inboxOf(tx: Tx, organizationId: string) {
  const since = new Date(Date.now() - 30 * 86_400_000);
  return concernQuery(tx)
    .where('k.to_organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('k.status', '=', 'sent'), eb('k.received_at', '>=', since)]))
    .limit(500)
    .execute();
}

export async function getConcern(tx: Tx, id: string) {
  return concernQuery(tx).where('k.id', '=', id).executeTakeFirst();
}

export async function markReceived(tx: Tx, id: string, userId: string, note: string | null) {
  await tx.updateTable('concerns').set({ status: 'received', received_at: new Date(), received_by: userId, received_note: note }).where('id', '=', id).execute();
}

import { sql } from 'kysely';
import type { TestApp } from '../helpers/test-app.js';

/** Small builders for the consent and referral tests: each creates what it needs through the API. */

export async function orgId(t: TestApp, key: string): Promise<string> {
  const row = await t.db.selectFrom('organizations').select('id').where('key', '=', key).executeTakeFirstOrThrow();
  return row.id;
}

/** An active catalogue service of the organisation (one is added if the catalogue has none). */
export async function serviceOf(t: TestApp, orgKey: string): Promise<string> {
  const org = await orgId(t, orgKey);
  const found = await t.db.selectFrom('catalog_services').select('id').where('organization_id', '=', org).where('status', '=', 'active').executeTakeFirst();
  if (found) return found.id;
  const { rows } = await sql<{ id: string }>`INSERT INTO catalog_services (county_code, organization_id, source, name_fi)
    SELECT county_code, id, 'manual', 'Testipalvelu ' || key FROM organizations WHERE id = ${org} RETURNING id`.execute(t.db);
  return rows[0]!.id;
}

let seq = 0;
/** A new client registered by the given worker (so their organisation holds the relationship). */
export async function makeClient(t: TestApp, cookie: string, lastName = 'Testinen'): Promise<string> {
  seq += 1;
  const res = await t.call('POST', '/api/v1/clients', {
    cookie,
    body: { firstName: `Testi${seq}`, lastName, birthDate: `19${70 + (seq % 29)}-0${1 + (seq % 9)}-1${seq % 10}` },
  });
  if (res.statusCode !== 201) throw new Error(`makeClient: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export async function makeConsent(
  t: TestApp,
  cookie: string,
  clientId: string,
  recipientOrganizationIds: string[],
  dataCategories: string[] = ['contact', 'plan'],
): Promise<string> {
  const res = await t.call('POST', `/api/v1/clients/${clientId}/consents`, {
    cookie,
    body: { recipientOrganizationIds, purpose: 'Palveluun ohjaaminen', dataCategories, givenBy: 'client', method: 'written' },
  });
  if (res.statusCode !== 201) throw new Error(`makeConsent: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

export async function makeReferral(t: TestApp, cookie: string, clientId: string, serviceId: string, extra: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/v1/referrals', { cookie, body: { clientId, serviceId, reason: 'Tarvitsee tukea arkeen', ...extra } });
  if (res.statusCode !== 201) throw new Error(`makeReferral: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

export const setStatus = (t: TestApp, cookie: string, id: string, status: string, reason?: string) =>
  t.call('PATCH', `/api/v1/referrals/${id}`, { cookie, body: { status, ...(reason ? { reason } : {}) } });

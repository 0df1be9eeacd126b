import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import type { CloseOneInput } from '../../contracts/clients.contracts.js';
import './clients.tables.js';

/**
 * The client's display name ("first last") beside another module's row, as a scalar subquery in the
 * same statement, so a list of a few hundred rows needs no second look-up with an `IN` list of ids.
 * Row-level security applies inside it: a client the caller may not see gives null.
 */
export const clientNameSql = (clientIdRef: string) =>
  sql<string | null>`(SELECT cl.first_name || ' ' || cl.last_name FROM clients cl WHERE cl.id = ${sql.ref(clientIdRef)})`;

/** SQL of the clients module: person records, close ones, households and relationships. */

export interface NewClientRow {
  countyCode: string;
  organizationId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  identityCode: string | null;
  municipalityCode: string | null;
  language: string;
  languageOther: string | null;
  interpreterNeeded: boolean;
  plainLanguage: boolean;
  preferredChannel: 'digital' | 'in-person';
  nonDisclosure: boolean;
  address: string | null;
  phone: string | null;
  email: string | null;
  createdBy: string | null;
}

export async function insertClient(tx: Tx, c: NewClientRow): Promise<string> {
  const row = await tx
    .insertInto('clients')
    .values({
      county_code: c.countyCode,
      organization_id: c.organizationId,
      first_name: c.firstName,
      last_name: c.lastName,
      birth_date: c.birthDate,
      identity_code: c.identityCode,
      identity_code_checked: c.identityCode !== null,
      municipality_code: c.municipalityCode,
      language: c.language,
      language_other: c.languageOther,
      interpreter_needed: c.interpreterNeeded,
      plain_language: c.plainLanguage,
      preferred_channel: c.preferredChannel,
      non_disclosure: c.nonDisclosure,
      address: c.address,
      phone: c.phone,
      email: c.email,
      created_by: c.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateClientRow(tx: Tx, id: string, values: Partial<Record<string, unknown>>) {
  await tx.updateTable('clients').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Records that may be the same person (same identity code, or same birth date and last name). */
export async function findPossibleDuplicates(tx: Tx, countyCode: string, p: { lastName: string; birthDate: string; identityCode: string | null }) {
  return tx
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'birth_date', 'identity_code'])
    .where('county_code', '=', countyCode)
    .where((eb) =>
      eb.or([
        ...(p.identityCode ? [eb('identity_code', '=', p.identityCode)] : []),
        eb.and([eb('birth_date', '=', p.birthDate), eb(sql`lower(last_name)`, '=', p.lastName.toLowerCase())]),
      ]),
    )
    .limit(20)
    .execute();
}

export async function activeRelationship(tx: Tx, clientId: string, organizationId: string) {
  return tx
    .selectFrom('client_relationships')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('organization_id', '=', organizationId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function setRelationshipLevel(tx: Tx, clientId: string, organizationId: string, level: string) {
  await tx
    .updateTable('client_relationships')
    .set({ level })
    .where('client_id', '=', clientId)
    .where('organization_id', '=', organizationId)
    .where('ended_at', 'is', null)
    .execute();
}

const latestSegment = sql<string | null>`(SELECT a.segment FROM assessments a WHERE a.client_id = c.id ORDER BY a.at DESC LIMIT 1)`;

// The deepest level wins when one organisation holds several relationships (different units).
const LEVEL_RANK = sql`CASE r.level WHEN 'intensiivinen-palveluohjaus' THEN 3 WHEN 'asiakasohjaus' THEN 2 ELSE 1 END`;

/** Clients with an active relationship in the organisation, by name (trigram index helps on large registers). */
export async function searchVisibleClients(tx: Tx, organizationId: string, q: string | undefined, limit: number) {
  let query = tx
    .selectFrom('clients as c')
    .leftJoin('municipalities as m', 'm.code', 'c.municipality_code')
    .select(['c.id', 'c.first_name', 'c.last_name', 'c.birth_date', 'c.identity_code', 'm.name_fi as municipality_name'])
    .select(sql<string>`(SELECT r.level FROM client_relationships r WHERE r.client_id = c.id AND r.organization_id = ${organizationId} AND r.ended_at IS NULL ORDER BY ${LEVEL_RANK} DESC LIMIT 1)`.as('level'))
    .select(latestSegment.as('segment'))
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('client_relationships as r').select('r.id').whereRef('r.client_id', '=', 'c.id').where('r.organization_id', '=', organizationId).where('r.ended_at', 'is', null)),
    );
  for (const word of (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = `%${word.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
    query = query.where(sql<boolean>`lower(c.first_name || ' ' || c.last_name) LIKE ${like}`);
  }
  return query.orderBy('c.last_name').orderBy('c.first_name').limit(limit).execute();
}

export async function getClientRow(tx: Tx, id: string) {
  return tx
    .selectFrom('clients as c')
    .leftJoin('municipalities as m', 'm.code', 'c.municipality_code')
    .selectAll('c')
    .select('m.name_fi as municipality_name')
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function closeOnesOf(tx: Tx, clientId: string) {
  return tx.selectFrom('client_close_ones').selectAll().where('client_id', '=', clientId).orderBy('created_at').execute();
}

export async function insertCloseOne(tx: Tx, clientId: string, countyCode: string, organizationId: string, createdBy: string | null, c: CloseOneInput) {
  const row = await tx
    .insertInto('client_close_ones')
    .values({
      client_id: clientId,
      county_code: countyCode,
      organization_id: organizationId,
      name: c.name,
      relation: c.relation,
      phone: c.phone ?? null,
      is_guardian: c.isGuardian,
      same_household: c.sameHousehold,
      related_client_id: c.relatedClientId ?? null,
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function householdOf(tx: Tx, householdId: string) {
  const household = await tx.selectFrom('households').select(['id', 'name']).where('id', '=', householdId).executeTakeFirst();
  if (!household) return null;
  const members = await tx
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'birth_date'])
    .where('household_id', '=', householdId)
    .orderBy('birth_date')
    .execute();
  return { ...household, members };
}

export async function insertHousehold(tx: Tx, h: { countyCode: string; organizationId: string; name: string; createdBy: string | null }) {
  const row = await tx
    .insertInto('households')
    .values({ county_code: h.countyCode, organization_id: h.organizationId, name: h.name, created_by: h.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function relationshipsOf(tx: Tx, clientId: string) {
  return tx
    .selectFrom('client_relationships as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('users as w', 'w.id', 'r.responsible_user_id')
    .select(['o.name as organization_name', 'u.name as unit_name', 'r.level', 'w.display_name as responsible_name', 'w.phone as responsible_phone', 'r.started_at'])
    .where('r.client_id', '=', clientId)
    .where('r.ended_at', 'is', null)
    .orderBy('r.started_at')
    .execute();
}

export async function latestAssessmentFlags(tx: Tx, clientId: string) {
  return tx
    .selectFrom('assessments')
    .select(['segment', 'level', 'special_support_need'])
    .where('client_id', '=', clientId)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function municipalityExists(tx: Tx, code: string) {
  return !!(await tx.selectFrom('municipalities').select('code').where('code', '=', code).executeTakeFirst());
}

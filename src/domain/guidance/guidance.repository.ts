import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import '../catalog/catalog.tables.js';
import '../clients/clients.tables.js';

/**
 * SQL of recommendations and the caseload. Candidate services are read straight from
 * `catalog_services` (migration 0100) because the catalogue module exposes no candidate query
 * of its own yet.
 *
 * The active catalogue is small (thousands of rows) and changes seldom, so recommendations keep
 * it in memory (guidance.service) and ask only `catalogGeneration` per request: migration 0810
 * moves that number on every statement that changes a service or an organisation.
 */
/** `instance:generation` of this database's catalogue (0810). */
export async function catalogGeneration(tx: Tx): Promise<string> {
  const r = await sql<{ gen: string }>`SELECT instance::text || ':' || gen::text AS gen FROM catalog_generation`.execute(tx);
  return r.rows[0]?.gen ?? 'none';
}

/** Every active service with what the ranking needs, in id order (the in-memory catalogue). */
export async function activeServices(tx: Tx) {
  return tx
    .selectFrom('catalog_services as s')
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select([
      's.id', 's.ptv_id', 's.name_fi', 's.name_sv', 's.name_en', 's.summary_fi', 's.description_fi', 's.keywords', 's.segments', 's.version',
      's.client_groups', 's.age_min', 's.age_max', 's.area_national', 's.area_county_codes', 's.area_municipality_codes',
      's.low_threshold', 's.access_route', 's.channels', 's.provider_name', 's.provider_sector', 'o.name as org_name', 'o.sector as org_sector',
    ])
    .select(sql<string>`(extract(epoch from s.updated_at) * 1000000)::bigint::text`.as('updated_us'))
    .where('s.status', '=', 'active')
    .orderBy('s.id')
    .execute();
}
export type CandidateRow = Awaited<ReturnType<typeof activeServices>>[number];

export async function countyOfMunicipality(tx: Tx, code: string): Promise<string | null> {
  const row = await tx.selectFrom('municipalities').select('county_code').where('code', '=', code).executeTakeFirst();
  return row?.county_code ?? null;
}

/** The worker's active clients (as the responsible worker), for the caseload view. */
export async function caseloadRows(tx: Tx, userId: string) {
  return tx
    .selectFrom('client_relationships as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('municipalities as m', 'm.code', 'c.municipality_code')
    .select(['c.id', 'c.first_name', 'c.last_name', 'c.birth_date', 'c.identity_code', 'm.name_fi as municipality_name', 'r.level', 'r.started_at'])
    .select(sql<string | null>`(SELECT a.segment FROM assessments a WHERE a.client_id = c.id ORDER BY a.at DESC LIMIT 1)`.as('segment'))
    .where('r.responsible_user_id', '=', userId)
    .where('r.ended_at', 'is', null)
    .orderBy('c.last_name')
    .orderBy('c.first_name')
    .execute();
}

/** What the client has said about their needs: the latest concerns and self-assessment words. */
export async function clientNeedTexts(tx: Tx, clientId: string): Promise<string[]> {
  const concerns = await tx.selectFrom('concerns').select('what').where('client_id', '=', clientId).orderBy('at', 'desc').limit(3).execute();
  const own = await tx
    .selectFrom('self_assessments')
    .select('own_words')
    .where('client_id', '=', clientId)
    .where('own_words', 'is not', null)
    .orderBy('at', 'desc')
    .limit(1)
    .execute();
  return [...own.map((o) => o.own_words!), ...concerns.map((c) => c.what)];
}

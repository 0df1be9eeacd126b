import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/schema.js';
import type { FollowupSettings } from '../followup/index.js';
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

export interface CaseloadRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  identity_code: string | null;
  municipality_name: string | null;
  level: string;
  /** An ISO 8601 string with the session's offset (the page is JSON, migration 0970). */
  started_at: string;
  segment: string | null;
}

/** What the page says of each client's follow-up (migrations 0943, 0970, 0980): raw values, the rules are followup.rules.ts's. */
export interface CaseloadFollowupRow {
  /**
   * The worker's own open follow-up tasks for the client (0980's kept task_heads): the next one's title and
   * due date (earliest due), and every one's due date ascending, or null when there are none. Which of
   * them are overdue depends on the day, so it is counted when the page is read.
   */
  task_head: [title: string, due: string, dues: string[]] | null;
  plan_review_date: string | null;
  last_contact_at: string | null;
}

/**
 * Page `page` of the worker's active clients (as the responsible worker) by name, and the counts by level
 * over all of them, in one statement that also writes the page's audit row: `audit` turns the details
 * `{count, total, page}` (how many rows this page shows, of how many), which only the statement knows,
 * into the audit call (one round trip less per request). The page itself is `polku_caseload_page_json`
 * (migrations 0940, 0943, 0970, 0971, 0980, 0985): planned once per connection, one row with the counts and the
 * page's rows as one JSON array (decoding ~900 fields one by one cost the server more than the statement
 * did), each row's follow-up values read from its client's kept facts (0980); row-level security applies
 * inside it as to any statement of the request's transaction.
 */
export async function caseloadPage(
  tx: Tx, who: { userId: string; countyCode: string; organizationId: string }, today: string, page: number, pageSize: number,
  audit: (details: RawBuilder<unknown>) => RawBuilder<unknown>,
) {
  // `shown`: the page's row count from the function (0985), not json_array_length(items), which lexes the page's JSON again.
  const details = sql`jsonb_build_object('count', (SELECT p.shown FROM page p), 'total', (SELECT p.total FROM page p), 'page', ${page}::int)`;
  // The follow-up settings layers in force (as alertSettingsAndLimits reads them) ride on the same row:
  // the no-contact limit is the organisation's setting, and reading it apart would be a statement more.
  const { rows } = await sql<{ total: number; advice: number; guidance: number; intensive: number; items: (CaseloadRow & CaseloadFollowupRow)[]; settings_layers: Partial<FollowupSettings>[] | null }>`
    WITH page AS MATERIALIZED (SELECT * FROM polku_caseload_page_json(${who.userId}, ${(page - 1) * pageSize}, ${pageSize}, ${today}::date)),
         audit AS MATERIALIZED (SELECT ${audit(details)} AS audit_id)
    SELECT page.*,
           (SELECT coalesce(json_agg(s.settings ORDER BY s.organization_id IS NOT NULL), '[]')
              FROM followup_settings s
             WHERE s.county_code = ${who.countyCode} AND (s.organization_id IS NULL OR s.organization_id = ${who.organizationId})) AS settings_layers
      FROM page CROSS JOIN audit`.execute(tx);
  const first = rows[0]!;
  return {
    total: Number(first.total),
    counts: { 'neuvonta-ja-ohjaus': Number(first.advice), asiakasohjaus: Number(first.guidance), 'intensiivinen-palveluohjaus': Number(first.intensive) },
    settingsLayers: first.settings_layers ?? [],
    rows: first.items,
  };
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

/** The only place with SQL for the catalogue's rows (search SQL lives in catalog.search.ts). */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Tx } from '../../db/schema.js';
import type { CatalogServicesTable } from './catalog.tables.js';

export type ServiceRow = Selectable<CatalogServicesTable>;
export type NewServiceRow = Insertable<CatalogServicesTable>;
export type ServiceChanges = Updateable<CatalogServicesTable>;

export interface ServiceWithProvider extends ServiceRow {
  org_name: string | null;
  org_sector: string | null;
}

const SERVICE_COLUMNS = [
  's.id', 's.county_code', 's.organization_id', 's.provider_name', 's.provider_sector', 's.seed_key', 's.ptv_id', 's.source', 's.status',
  's.name_fi', 's.name_sv', 's.name_en', 's.summary_fi', 's.summary_sv', 's.summary_en', 's.description_fi', 's.description_sv',
  's.description_en', 's.keywords', 's.client_groups', 's.segments', 's.age_min', 's.age_max', 's.channels', 's.access_route',
  's.low_threshold', 's.cost', 's.languages', 's.legal_basis', 's.area_national', 's.area_county_codes', 's.area_municipality_codes',
  's.phone', 's.email', 's.url', 's.opening_hours', 's.service_classes', 's.content_hash', 's.version', 's.created_at', 's.updated_at',
  's.updated_by',
] as const;

function servicesWithProvider(tx: Tx) {
  return tx
    .selectFrom('catalog_services as s')
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select([...SERVICE_COLUMNS, 'o.name as org_name', 'o.sector as org_sector']);
}

export async function findService(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<ServiceWithProvider | undefined> {
  let q = servicesWithProvider(tx).where('s.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('s');
  return (await q.executeTakeFirst()) as ServiceWithProvider | undefined;
}

/** Rows in the order of `ids` (a search page), dropping ids that vanished meanwhile. */
export async function findServicesByIds(tx: Tx, ids: string[]): Promise<ServiceWithProvider[]> {
  if (ids.length === 0) return [];
  const rows = (await servicesWithProvider(tx).where('s.id', 'in', ids).execute()) as ServiceWithProvider[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ServiceWithProvider => r !== undefined);
}

const LIST_COLUMNS = [
  's.id', 's.organization_id', 's.provider_name', 's.provider_sector', 's.ptv_id', 's.name_fi', 's.name_sv', 's.name_en', 's.summary_fi',
  's.summary_sv', 's.summary_en', 's.client_groups', 's.segments', 's.age_min', 's.age_max', 's.channels', 's.access_route',
  's.low_threshold', 's.area_national',
] as const;

/** What a list item of the search shows (catalog.service.ts toListItem). */
export type ServiceListRow = Pick<ServiceWithProvider, 'id' | 'organization_id' | 'provider_name' | 'provider_sector' | 'ptv_id' | 'name_fi' | 'name_sv' |
  'name_en' | 'summary_fi' | 'summary_sv' | 'summary_en' | 'client_groups' | 'segments' | 'age_min' | 'age_max' | 'channels' | 'access_route' |
  'low_threshold' | 'area_national' | 'org_name' | 'org_sector'>;

/**
 * A search page's rows in the order of `ids`, dropping ids that vanished meanwhile: only the list
 * item's columns — the descriptions in three languages and the rest of a row are several times its
 * size, and decoding them was a good part of an uncached search's response.
 */
export async function findListRowsByIds(tx: Tx, ids: string[]): Promise<ServiceListRow[]> {
  if (ids.length === 0) return [];
  const rows = (await tx.selectFrom('catalog_services as s').leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select([...LIST_COLUMNS, 'o.name as org_name', 'o.sector as org_sector']).where('s.id', 'in', ids).execute()) as ServiceListRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ServiceListRow => r !== undefined);
}

export async function listActiveServices(tx: Tx, page: { limit: number; offset: number; organizationId?: string }) {
  let q = servicesWithProvider(tx).where('s.status', '=', 'active');
  if (page.organizationId) q = q.where('s.organization_id', '=', page.organizationId);
  const rows = (await q.orderBy('s.name_fi').orderBy('s.id').limit(page.limit).offset(page.offset).execute()) as ServiceWithProvider[];
  let c = tx.selectFrom('catalog_services').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active');
  if (page.organizationId) c = c.where('organization_id', '=', page.organizationId);
  const { n } = await c.executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}

export async function insertService(tx: Tx, row: NewServiceRow): Promise<string> {
  const { id } = await tx.insertInto('catalog_services').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateService(tx: Tx, id: string, changes: ServiceChanges): Promise<void> {
  await tx
    .updateTable('catalog_services')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertHistory(
  tx: Tx,
  entry: { serviceId: string; countyCode: string; organizationId: string | null; version: number; action: string; changedBy: string | null; changes: Record<string, unknown> },
) {
  await tx
    .insertInto('catalog_service_history')
    .values({
      service_id: entry.serviceId,
      county_code: entry.countyCode,
      organization_id: entry.organizationId,
      version: entry.version,
      action: entry.action,
      changed_by: entry.changedBy,
      changes: JSON.stringify(entry.changes),
    })
    .execute();
}

export function listHistory(tx: Tx, serviceId: string) {
  return tx
    .selectFrom('catalog_service_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select(['h.version', 'h.action', 'h.changed_at', 'h.changes', 'u.display_name'])
    .where('h.service_id', '=', serviceId)
    .orderBy('h.id', 'desc')
    .limit(200)
    .execute();
}

/** Organisations of a county, to link imported services to the Polku organisation that produces them. */
export function listOrganizations(tx: Tx, countyCode?: string) {
  let q = tx.selectFrom('organizations').select(['id', 'key', 'name', 'name_sv', 'name_en', 'sector', 'phone', 'county_code']);
  if (countyCode) q = q.where('county_code', '=', countyCode);
  return q.orderBy('name').execute();
}

export function findOrganization(tx: Tx, id: string) {
  return tx.selectFrom('organizations').select(['id', 'key', 'name', 'name_sv', 'name_en', 'sector', 'phone', 'county_code']).where('id', '=', id).executeTakeFirst();
}

export async function countOrganizations(tx: Tx): Promise<number> {
  const { n } = await tx.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

export function listOrganizationsPage(tx: Tx, page: { limit: number; offset: number }) {
  return tx
    .selectFrom('organizations')
    .select(['id', 'key', 'name', 'name_sv', 'name_en', 'sector', 'phone', 'county_code'])
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Columns an import writes, with their SQL types (the rows travel as one jsonb parameter). */
const PTV_COLUMNS = {
  organization_id: 'uuid', provider_name: 'text', provider_sector: 'text', status: 'text', name_fi: 'text', name_sv: 'text', name_en: 'text',
  summary_fi: 'text', summary_sv: 'text', summary_en: 'text', description_fi: 'text', description_sv: 'text', description_en: 'text',
  keywords: 'text[]', client_groups: 'text[]', languages: 'text[]', area_national: 'boolean', area_municipality_codes: 'text[]', cost: 'text',
  service_classes: 'text[]', content_hash: 'text',
} as const;
/** NOT NULL columns with a default: an absent value takes the default, as a VALUES row would. */
const PTV_DEFAULTS: Partial<Record<keyof typeof PTV_COLUMNS, string>> = {
  summary_fi: "''", description_fi: "''", keywords: "'{}'", client_groups: "'{}'", languages: "'{}'", area_national: 'false',
  area_municipality_codes: "'{}'", service_classes: "'{}'", status: "'active'",
};

/**
 * Inserts new PTV services and rewrites changed ones, in one statement. A row whose content
 * hash is unchanged is not touched (the WHERE of DO UPDATE), so a re-import writes nothing.
 * The batch is one jsonb parameter read by jsonb_to_recordset: a VALUES list of 1 000 rows has
 * 24 000 parameters, whose binding and planning cost more than the insert itself on PGlite
 * (docs/performance.md, fourth round).
 */
export async function upsertPtvServices(tx: Tx, rows: NewServiceRow[]): Promise<{ id: string; inserted: boolean; version: number }[]> {
  if (rows.length === 0) return [];
  const cols = Object.keys(PTV_COLUMNS) as (keyof typeof PTV_COLUMNS)[];
  const all = [...cols, 'county_code', 'ptv_id', 'source'] as const;
  const recordType = sql.raw([...cols.map((c) => `${c} ${PTV_COLUMNS[c]}`), 'county_code text', 'ptv_id text', 'source text'].join(', '));
  const values = sql.raw(all.map((c) => (c in PTV_DEFAULTS ? `coalesce(r.${c}, ${PTV_DEFAULTS[c as keyof typeof PTV_DEFAULTS]})` : `r.${c}`)).join(', '));
  const payload = JSON.stringify(rows.map((r) => Object.fromEntries(all.map((c) => [c, (r as Record<string, unknown>)[c] ?? null]))));
  const res = await sql<{ id: string; version: number; inserted: boolean }>`
    INSERT INTO catalog_services (${sql.raw(all.join(', '))})
    SELECT ${values} FROM jsonb_to_recordset(${payload}::jsonb) AS r(${recordType})
    ON CONFLICT (ptv_id) DO UPDATE SET ${sql.raw(cols.map((c) => `${c} = excluded.${c}`).join(', '))},
      version = catalog_services.version + 1, updated_at = now()
    WHERE catalog_services.content_hash IS DISTINCT FROM excluded.content_hash
    RETURNING id, version, (xmax = 0) AS inserted`.execute(tx);
  return res.rows;
}

export async function insertImportHistory(tx: Tx, ids: string[], changedBy: string | null, changes: Record<string, unknown>) {
  if (ids.length === 0) return;
  await sql`INSERT INTO catalog_service_history (service_id, county_code, organization_id, version, action, changed_by, changes)
            SELECT id, county_code, organization_id, version, 'import', ${changedBy}::uuid, ${JSON.stringify(changes)}::jsonb
            FROM catalog_services WHERE id = ANY(${ids}::uuid[])`.execute(tx);
}

/** Content hashes of already imported services, to skip unchanged records without writing. */
export async function ptvHashes(tx: Tx, ptvIds: string[]): Promise<Map<string, string | null>> {
  if (ptvIds.length === 0) return new Map();
  // One array parameter, not one parameter per id (see upsertPtvServices).
  const rows = await tx.selectFrom('catalog_services').select(['ptv_id', 'content_hash']).where('ptv_id', '=', sql<string>`ANY(${ptvIds}::text[])`).execute();
  return new Map(rows.map((r) => [r.ptv_id!, r.content_hash]));
}

/** Adds the words of the given services to the vocabulary (counts grow; stale words are harmless). */
export async function addWordsToLexicon(tx: Tx, serviceIds: string[]) {
  if (serviceIds.length === 0) return;
  await sql`INSERT INTO catalog_lexicon (word, doc_count)
            SELECT w, count(*)::int FROM catalog_services, unnest(tsvector_to_array(search_words)) AS w
            WHERE id = ANY(${serviceIds}::uuid[]) AND length(w) BETWEEN 3 AND 60 AND w !~ '^[0-9]+$'
            GROUP BY w
            ON CONFLICT (word) DO UPDATE SET doc_count = catalog_lexicon.doc_count + excluded.doc_count`.execute(tx);
}

/** Rebuilds the search vocabulary from every active service's words. */
export async function rebuildLexicon(tx: Tx) {
  await sql`DELETE FROM catalog_lexicon`.execute(tx);
  await sql`INSERT INTO catalog_lexicon (word, doc_count)
            SELECT word, ndoc FROM ts_stat('SELECT search_words FROM catalog_services WHERE status = ''active''')
            WHERE length(word) BETWEEN 3 AND 60 AND word !~ '^[0-9]+$'`.execute(tx);
}

/** Adds the words of one edited service. */
export function addServiceWordsToLexicon(tx: Tx, serviceId: string) {
  return addWordsToLexicon(tx, [serviceId]);
}

/**
 * Keeps one in-process search index (catalog.search-index.ts) per database, keyed by the catalogue
 * generation (migrations 0810/0860), built in the background from what PostgreSQL's analysis
 * produced (ADR 0930).
 *
 * Why a search never sees a stale index: a snapshot is filed under the generation read in the same
 * REPEATABLE READ transaction as every row, organisation and municipality it holds, and a search
 * uses it only when the generation its own transaction reads is exactly that one. Any committed
 * change moves the generation; a transaction that changed the catalogue itself reads its own,
 * uncommitted generation (from a sequence, never reused), so it is answered by the SQL search,
 * which sees its own writes. While a snapshot for the current generation is being built the SQL
 * search answers.
 *
 * A rebuild re-reads only rows whose `(id, xmin)` is new: xmin names the transaction that wrote the
 * row version, and only committed versions are read, so an unchanged pair means unchanged text.
 * Rows are read in short transactions of READ_CHUNK rows first (on PGlite each is one unit of work
 * in the bulk lane, so primary-key reads pass between them), then one consistent transaction lists
 * the pairs with the generation and reads what is still missing.
 *
 * The background reads need a database handle, not a request's transaction: `attachCatalogueIndex`
 * (buildApp) registers it; without one (domain tests on a bare transaction) the SQL search answers.
 */
import { sql, type Kysely } from 'kysely';
import type { DB, Tx } from '../../db/schema.js';
import { inBulkLane } from '../../db/pglite-dialect.js';
import { buildSnapshot, Dictionaries, parseDoc, type IndexedDoc, type IndexRow, type Snapshot } from './catalog.search-index.build.js';
import type { TrigramRules } from './catalog.trigram.js';

export const catalogSearchIndex = {
  enabled: process.env.POLKU_SEARCH_INDEX !== 'off',
  /** Searches answered by the index / by SQL because no current snapshot was ready. */
  hits: 0,
  misses: 0,
  builds: 0,
  lastBuildMs: 0,
};

/** Rows per background read; parsing them blocks the event loop for ≈ 50–100 ms at a time. */
const READ_CHUNK = 1000;
const MAX_DATABASES = 8;

interface PerDatabase {
  db: Kysely<DB>;
  dict: Dictionaries;
  docs: Map<string, { xmin: string; doc: IndexedDoc }>;
  snapshot: Snapshot | null;
  building: Promise<void> | null;
}

const attached = new Map<Kysely<DB>, Promise<string | null>>();
const byInstance = new Map<string, PerDatabase>();

/** Lets the index read `db` in the background; returns the function that forgets it (app close). */
export function attachCatalogueIndex(db: Kysely<DB>): () => void {
  attached.set(db, instanceOf(db).catch(() => null));
  return () => {
    attached.delete(db);
    for (const [instance, entry] of byInstance) if (entry.db === db) byInstance.delete(instance);
  };
}

async function instanceOf(db: Kysely<DB>): Promise<string> {
  const r = await sql<{ instance: string }>`SELECT instance::text AS instance FROM catalog_generation`.execute(db);
  return r.rows[0]!.instance;
}

const genNumber = (gen: string) => BigInt(gen.split(':')[1] ?? '0');

/**
 * The snapshot of generation `gen` (`instance:gen` as read in the caller's transaction), or null —
 * then a build of the current committed catalogue is started (at most one per database) and the
 * caller searches in SQL.
 */
export function snapshotFor(gen: string): Snapshot | null {
  if (!catalogSearchIndex.enabled || gen === 'none') return null;
  const instance = gen.split(':')[0]!;
  const entry = byInstance.get(instance);
  if (entry?.snapshot?.gen === gen) {
    catalogSearchIndex.hits++;
    return entry.snapshot;
  }
  catalogSearchIndex.misses++;
  // Only a newer generation is worth a build (an older one is a transaction that began before the snapshot's).
  if (!entry?.snapshot || genNumber(gen) > genNumber(entry.snapshot.gen)) void refresh(instance);
  return null;
}

/** Whether any database could have an index (saves the look-up when none is attached). */
export function indexMayAnswer(): boolean {
  return catalogSearchIndex.enabled && attached.size > 0;
}

async function entryFor(instance: string): Promise<PerDatabase | null> {
  const known = byInstance.get(instance);
  if (known) return known;
  for (const [db, inst] of attached) {
    if ((await inst) !== instance) continue;
    const again = byInstance.get(instance);
    if (again) return again;
    if (byInstance.size >= MAX_DATABASES) byInstance.delete(byInstance.keys().next().value!);
    const entry: PerDatabase = { db, dict: new Dictionaries(await trigramRules(db)), docs: new Map(), snapshot: null, building: null };
    byInstance.set(instance, entry);
    return entry;
  }
  return null;
}

/** Starts (or joins) the build of the database's current catalogue; resolves when it is done. */
export async function refresh(instance: string): Promise<void> {
  const entry = await entryFor(instance).catch(() => null);
  if (!entry) return;
  entry.building ??= build(entry)
    .catch((e: unknown) => console.warn('Polku: catalogue search index build failed; the SQL search answers', e))
    .finally(() => { entry.building = null; });
  return entry.building;
}

/** Builds the index of `db`'s current catalogue now (tests, bench, warm-up after start). */
export async function warmCatalogueIndex(db: Kysely<DB>): Promise<Snapshot | null> {
  if (!attached.has(db)) attachCatalogueIndex(db);
  const instance = await attached.get(db);
  if (!instance) return null;
  await refresh(instance);
  return byInstance.get(instance)?.snapshot ?? null;
}

/** Forgets every index (tests). */
export function clearCatalogueIndexes(): void {
  byInstance.clear();
}

async function trigramRules(db: Kysely<DB>): Promise<TrigramRules> {
  // pg_trgm's word characters and lower-casing follow the database's ctype (plain C: ASCII only).
  const r = await sql<{ words: boolean; lower: boolean }>`
    SELECT coalesce(array_length(show_trgm('ää'), 1), 0) > 0 AS words, lower('ÄÖ') = 'äö' AS lower`.execute(db);
  return { unicodeWords: r.rows[0]!.words, unicodeLower: r.rows[0]!.lower };
}

function selectRows(tx: Tx, ids: string[]) {
  return sql<IndexRow>`
    SELECT s.id::text AS id, s.xmin::text AS xmin, s.name_fi, lower(s.name_fi) AS name_lower, s.name_keywords,
           s.search_words::text AS words, s.search_fi::text AS fi, s.search_sv::text AS sv,
           s.segments, s.client_groups, s.channels, s.access_route, s.organization_id::text AS organization_id, s.provider_sector,
           s.low_threshold, s.age_min, s.age_max, s.area_national, s.area_county_codes, s.area_municipality_codes,
           s.provider_name, s.ptv_id, s.name_sv, s.name_en, s.summary_fi, s.summary_sv, s.summary_en
    FROM catalog_services s WHERE s.id = ANY(${ids}::uuid[]) AND s.status = 'active'`.execute(tx);
}

function listing(tx: Tx) {
  return sql<{ id: string; xmin: string; gen: string }>`
    SELECT s.id::text AS id, s.xmin::text AS xmin, g.gen
    FROM (SELECT instance::text || ':' || gen::text AS gen FROM catalog_generation) g
    LEFT JOIN catalog_services s ON s.status = 'active'`.execute(tx);
}

function missing(entry: PerDatabase, rows: { id: string | null; xmin: string | null }[]): string[] {
  return rows.filter((r) => r.id !== null && entry.docs.get(r.id)?.xmin !== r.xmin).map((r) => r.id!);
}

function parseInto(entry: PerDatabase, rows: IndexRow[]): void {
  for (const row of rows) entry.docs.set(row.id, { xmin: row.xmin, doc: parseDoc(entry.dict, row) });
}

async function build(entry: PerDatabase): Promise<void> {
  const t0 = Date.now();
  const db = entry.db;
  // Rows are parsed and the snapshot built after each transaction ends: on PGlite a transaction
  // holds the only connection, so nothing but reading happens inside one.
  const run = <T>(fn: (tx: Tx) => Promise<T>, rr = false) =>
    inBulkLane(() => (rr ? db.transaction().setIsolationLevel('repeatable read') : db.transaction()).execute(fn));
  // 1. What changed since the last build, read in short transactions.
  const before = await run((tx) => listing(tx));
  // Dictionaries only grow (a lexeme of an edited-away text stays): past twice what the catalogue
  // uses, start afresh — every row is read again once; the current snapshot keeps its own.
  const used = entry.snapshot?.postings[0]!.sorted.length ?? 0;
  if (entry.dict.lexemeText[0]!.length > 2 * used + 50_000) {
    entry.dict = new Dictionaries(entry.dict.rules);
    entry.docs.clear();
  }
  if (entry.snapshot?.gen === before.rows[0]!.gen) return; // already current (a warm-up, or a build that caught up)
  const todo = missing(entry, before.rows);
  for (let i = 0; i < todo.length; i += READ_CHUNK) parseInto(entry, (await run((tx) => selectRows(tx, todo.slice(i, i + READ_CHUNK)))).rows);
  // 2. One snapshot: generation, the (id, xmin) pairs, what changed meanwhile, organisations, municipalities.
  const seen = await run(async (tx) => {
    const list = (await listing(tx)).rows;
    const late = missing(entry, list);
    const rows: IndexRow[] = [];
    for (let i = 0; i < late.length; i += READ_CHUNK) rows.push(...(await selectRows(tx, late.slice(i, i + READ_CHUNK))).rows);
    const orgs = await sql<{ id: string; name: string; sector: string | null }>`SELECT id::text AS id, name, sector FROM organizations`.execute(tx);
    const munis = await sql<{ code: string; county_code: string }>`SELECT code, county_code FROM municipalities`.execute(tx);
    return { list, rows, orgs: orgs.rows, munis: munis.rows };
  }, true);
  parseInto(entry, seen.rows);
  const live = new Set(seen.list.filter((r) => r.id !== null).map((r) => r.id));
  for (const id of entry.docs.keys()) if (!live.has(id)) entry.docs.delete(id);
  const docs = [...live].map((id) => entry.docs.get(id)!.doc);
  const snapshot = await buildSnapshot(seen.list[0]!.gen, docs, entry.dict, new Map(seen.orgs.map((o) => [o.id, o])), new Map(seen.munis.map((m) => [m.code, m.county_code])));
  if (!entry.snapshot || genNumber(snapshot.gen) > genNumber(entry.snapshot.gen)) entry.snapshot = snapshot;
  catalogSearchIndex.builds++;
  catalogSearchIndex.lastBuildMs = Date.now() - t0;
}

/**
 * Result cache of the public catalogue search, keyed by the catalogue generation (migration 0810,
 * extended by 0860) and the normalised request.
 *
 * The public catalogue is the same for every reader (active services only, no per-user fields), so a
 * result computed once can answer the next identical request until the catalogue changes. Every
 * statement that changes a service, an organisation, a municipality or the search vocabulary moves
 * the generation; each request reads it first (one primary-key read) and only a result stored under
 * exactly that generation is served. Why this is never stale:
 *  - the generation is read *before* the search, so a result can only be stored under a generation
 *    that is the same or older than the data it was computed from, never newer;
 *  - generations come from a sequence and are never reused, so a result computed inside a
 *    transaction that changed the catalogue and then rolled back sits under a number no committed
 *    state will ever have.
 * Bounded LRU per database (`instance` of catalog_generation tells databases apart in one process);
 * when the generation moves the whole per-database map is dropped. Concurrent identical requests
 * share one computation. `catalogSearchCache.enabled = false` turns it off (the bench measures the
 * uncached search that way, docs/performance.md).
 *
 * The generation may also be read before any transaction, as one autocommitted statement, and passed
 * as `readBefore` (catalog.service.ts searchBody): a hit then costs that one statement. A miss is
 * computed either from the search index's snapshot of exactly that generation, without a
 * transaction, or in a transaction begun after the read. The rule above still holds — the result
 * comes from that generation or a later one, so the generation it is stored under is as old as or
 * older than what it was computed from.
 */
import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';

export const catalogSearchCache = {
  enabled: process.env.POLKU_SEARCH_CACHE !== 'off',
  /** Results kept per database. */
  maxEntries: 500,
  hits: 0,
  misses: 0,
};

const MAX_DATABASES = 8;

interface PerDatabase {
  gen: string;
  results: Map<string, unknown>;
  pending: Map<string, Promise<unknown>>;
}
const databases = new Map<string, PerDatabase>();

/** `instance:generation` of this database's catalogue. */
export async function catalogGeneration(tx: Tx): Promise<string> {
  const r = await sql<{ gen: string }>`SELECT instance::text || ':' || gen::text AS gen FROM catalog_generation`.execute(tx);
  return r.rows[0]?.gen ?? 'none';
}

/** A stable key of a request: every field, keys sorted, arrays kept in their order. */
export function requestKey(req: object): string {
  const entries = Object.entries(req).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * The entry of `byDatabase` for generation `gen` (`instance:generation`): one per database, at most
 * MAX_DATABASES (oldest dropped), started afresh by `make` when the database's generation moved.
 * Shared by this result cache and the search's query-analysis memo (catalog.search.ts).
 */
export function perGeneration<T extends { gen: string }>(byDatabase: Map<string, T>, gen: string, make: () => T): T {
  const instance = gen.split(':')[0]!;
  let slot = byDatabase.get(instance);
  if (!slot || slot.gen !== gen) {
    byDatabase.delete(instance);
    if (byDatabase.size >= MAX_DATABASES) byDatabase.delete(byDatabase.keys().next().value!);
    slot = make();
    byDatabase.set(instance, slot);
  }
  return slot;
}

const slotFor = (gen: string): PerDatabase => perGeneration(databases, gen, () => ({ gen, results: new Map(), pending: new Map() }));

/**
 * The cached result of `req` under the catalogue's current generation, or `compute(tx)`'s, stored.
 * For anything that reads only the catalogue (services, organisations, vocabulary, municipalities):
 * the public search, and the supply side of the service-gaps report.
 */
export async function cachedByCatalogGeneration<T>(
  tx: Tx,
  req: object,
  compute: (tx: Tx) => Promise<T>,
  opts: { readBefore?: string } = {},
): Promise<T> {
  if (!catalogSearchCache.enabled) return compute(tx);
  // A generation read before this transaction began is as good as one read now (see the top of the file).
  const gen = opts.readBefore ?? (await catalogGeneration(tx));
  if (gen === 'none') return compute(tx);
  const key = requestKey(req);
  const slot = slotFor(gen);
  const hit = takeHit<T>(slot, key);
  if (hit !== undefined) return hit;
  const shared = slot.pending.get(key);
  if (shared) {
    // Another request's transaction computes the same search under the same generation; if it fails, compute in ours.
    const done = await shared.then((v) => ({ v }), () => null);
    if (done) {
      catalogSearchCache.hits++;
      return done.v as T;
    }
  }
  catalogSearchCache.misses++;
  const run = compute(tx);
  slot.pending.set(key, run);
  try {
    const value = await run;
    // Only if this database is still at that generation (a newer one replaced the slot meanwhile).
    if (databases.get(gen.split(':')[0]!) === slot) {
      slot.results.set(key, value);
      if (slot.results.size > catalogSearchCache.maxEntries) slot.results.delete(slot.results.keys().next().value!);
    }
    return value;
  } finally {
    if (slot.pending.get(key) === run) slot.pending.delete(key);
  }
}

function takeHit<T>(slot: PerDatabase, key: string): T | undefined {
  const hit = slot.results.get(key);
  if (hit === undefined) return undefined;
  // Most recently used last (Map keeps insertion order).
  slot.results.delete(key);
  slot.results.set(key, hit);
  catalogSearchCache.hits++;
  return hit as T;
}

/** Forgets every cached result (tests, bench). */
export function clearCatalogSearchCache(): void {
  databases.clear();
}

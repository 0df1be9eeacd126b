/**
 * The public search answered by the index without a transaction (catalog.service.ts searchBody,
 * catalog.search.ts searchIndexed): its page's list items come from the snapshot, not from a
 * statement. The body must be byte-for-byte the one the transaction path gives (the index's ids, the
 * page's rows read in SQL), and a change to what a list item shows — the service's own fields, its
 * organisation's name — must show at once.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSearchCache } from '../../src/domain/catalog/catalog.cache.js';
import { search } from '../../src/domain/catalog/catalog.service.js';
import { ServiceSearchQuery } from '../../src/contracts/catalog.contracts.js';
import { catalogSearchIndex, warmCatalogueIndex } from '../../src/domain/catalog/catalog.search-index.store.js';
import { INDEX_LIMITS, indexQueryOf, planQuery } from '../../src/domain/catalog/catalog.search.js';
import { searchSnapshot } from '../../src/domain/catalog/catalog.search-index.js';
import { SEARCH_QUERIES } from '../../bench/scenarios.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

/** The route's body, and whether the index answered it. */
const viaRoute = async (qs: string) => {
  await warmCatalogueIndex(t.database.db);
  const hits = catalogSearchIndex.hits;
  const res = await t.call('GET', `/api/v1/services?${qs}`);
  expect(res.statusCode, qs).toBe(200);
  return { body: res.body, indexAnswered: catalogSearchIndex.hits > hits };
};
/** The same search in a transaction: the index's outcome, the page's rows read in SQL. */
const viaTransaction = async (qs: string) => {
  const query = ServiceSearchQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
  return (await t.database.db.transaction().execute((tx) => search(tx, query))).text;
};

beforeAll(async () => {
  catalogSearchCache.enabled = false; // every request searches
  t = await createTestApp();
}, 120_000);
afterAll(async () => {
  catalogSearchCache.enabled = true;
  await t?.close();
});

describe(`search page from the index snapshot on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('gives the body the transaction path gives, for queries, filters and pages', async () => {
    const filters = ['', '&segment=yhteiso', '&age=70&channel=phone', '&sector=ngo', '&municipality=186', '&lowThreshold=true', '&offset=10&limit=5'];
    const queries = [...SEARCH_QUERIES, 'velkaneuvota', 'stöd för unga', 'xqzvw', ''];
    for (const [i, q] of queries.entries()) {
      const qs = `q=${encodeURIComponent(q)}${filters[i % filters.length]}`;
      const route = await viaRoute(qs);
      expect(route.indexAnswered, qs).toBe(true);
      expect(route.body, qs).toBe(await viaTransaction(qs));
    }
  });

  it('shows a changed summary and a renamed organisation at once', async () => {
    const [row] = await t.db.selectFrom('catalog_services as s').innerJoin('organizations as o', 'o.id', 's.organization_id')
      .select(['s.id', 's.name_fi', 's.organization_id', 'o.name as org']).where('s.status', '=', 'active').orderBy('s.name_fi').limit(1).execute();
    const qs = `q=${encodeURIComponent(row!.name_fi)}&limit=50`;
    const item = async () => {
      const { body } = await viaRoute(qs);
      return (JSON.parse(body) as { items: { id: string; summary: string; provider: { name: string } }[] }).items.find((x) => x.id === row!.id);
    };
    expect((await item())?.provider.name).toBe(row!.org);

    // t.db: the system context, which row-level security lets write the catalogue.
    await t.db.updateTable('catalog_services').set({ summary_fi: 'Uusi tiivistelmä revontulista.' }).where('id', '=', row!.id).execute();
    expect((await item())?.summary).toBe('Uusi tiivistelmä revontulista.');

    await sql`UPDATE organizations SET name = 'Revontulien yhdistys' WHERE id = ${row!.organization_id}::uuid`.execute(t.db);
    // The change moved the generation: viaRoute builds the new snapshot first, so the index answers with the new name.
    expect((await item())?.provider.name).toBe('Revontulien yhdistys');
    const again = await viaRoute(qs);
    expect(again.indexAnswered).toBe(true);
    expect(again.body).toBe(await viaTransaction(qs));
    expect((JSON.parse(again.body) as { items: { id: string; provider: { name: string } }[] }).items.find((x) => x.id === row!.id)?.provider.name).toBe('Revontulien yhdistys');
  });

  it('counts the facets of a match set of most of the catalogue as a count of its services does', async () => {
    // The index counts such a match set by its complement (catalog.search-index.ts facets). Common
    // words no service has all of: the OR pass matches their union.
    const words = (await sql<{ word: string }>`
      SELECT word FROM ts_stat('SELECT search_fi FROM catalog_services WHERE status = ''active''') ORDER BY ndoc DESC, word LIMIT 12`.execute(t.db)).rows.map((r) => r.word);
    const q = words.join(' ');
    const snapshot = (await warmCatalogueIndex(t.database.db))!;
    const plans = await t.database.db.transaction().execute((tx) => planQuery(tx, q, { indexInputs: true }));
    const all = { ...INDEX_LIMITS, candidateLimit: 1e9 };
    const out = searchSnapshot(snapshot, { q, limit: 1e9, offset: 0 }, indexQueryOf(plans, q)!, all);
    expect(out.ids.length, q).toBeGreaterThan(snapshot.docs.length / 2);
    const rows = await t.db.selectFrom('catalog_services as s').leftJoin('organizations as o', 'o.id', 's.organization_id')
      .select(['s.segments', 's.client_groups', 's.channels', 's.access_route', 's.provider_sector', 's.organization_id', 'o.sector', 'o.name'])
      .where('s.id', 'in', out.ids).execute();
    const count = (values: (string | null)[]) => {
      const m = new Map<string, number>();
      for (const v of values) if (v !== null) m.set(v, (m.get(v) ?? 0) + 1);
      return Object.fromEntries(m);
    };
    const asMap = (list: { value: string; count: number }[]) => Object.fromEntries(list.map((f) => [f.value, f.count]));
    expect(asMap(out.facets.segment)).toEqual(count(rows.flatMap((r) => r.segments)));
    expect(asMap(out.facets.clientGroup)).toEqual(count(rows.flatMap((r) => r.client_groups)));
    expect(asMap(out.facets.channel)).toEqual(count(rows.flatMap((r) => r.channels)));
    expect(asMap(out.facets.access)).toEqual(count(rows.map((r) => r.access_route)));
    expect(asMap(out.facets.sector)).toEqual(count(rows.map((r) => r.sector ?? r.provider_sector)));
    const orgs = count(rows.map((r) => r.organization_id));
    for (const f of out.facets.organization) expect(f.count, f.value).toBe(orgs[f.value]);
  });
});

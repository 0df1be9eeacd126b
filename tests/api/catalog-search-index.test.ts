/**
 * The in-process catalogue search index (ADR 0930) against the SQL search it replaces, on the seed
 * catalogue: the same matches, totals, facets and order for many queries (the bench queries,
 * inflected/compound/misspelt ones, words drawn from the catalogue's own vocabulary, with and without
 * filters); and never a stale answer — after an edit, an insert, a deactivation, a rolled-back change.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSearchCache } from '../../src/domain/catalog/catalog.cache.js';
import { queryAnalyses, searchServices, searchServicesInSql, type SearchRequest } from '../../src/domain/catalog/catalog.search.js';
import { catalogSearchIndex, warmCatalogueIndex } from '../../src/domain/catalog/catalog.search-index.store.js';
import { SEARCH_QUERIES } from '../../bench/scenarios.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;

/** One search through the index; fails the test when the SQL search had to answer instead. */
const viaIndex = async (req: SearchRequest) => {
  await warmCatalogueIndex(t.database.db);
  const hits = catalogSearchIndex.hits;
  const out = await t.database.db.transaction().execute((tx) => searchServices(tx, req));
  expect(catalogSearchIndex.hits, `index answered ${JSON.stringify(req)}`).toBe(hits + 1);
  return out;
};
const viaSql = (req: SearchRequest) => t.database.db.transaction().execute((tx) => searchServicesInSql(tx, req));
const names = async (ids: string[]) =>
  ids.length === 0 ? [] : (await t.db.selectFrom('catalog_services').select(['id', 'name_fi']).where('id', 'in', ids).execute()).map((r) => r.name_fi);

beforeAll(async () => {
  catalogSearchCache.enabled = false; // every request searches: this file tests the engine under the cache
  t = await createTestApp();
  admin = await t.login('admin');
}, 120_000);
afterAll(async () => {
  catalogSearchCache.enabled = true;
  await t?.close();
});

describe(`catalogue search index on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('finds what the SQL search finds, counts the same and ranks the same', async () => {
    const vocabulary = (await sql<{ word: string }>`SELECT word FROM catalog_lexicon WHERE length(word) >= 4 ORDER BY md5(word) LIMIT 60`.execute(t.db)).rows.map((r) => r.word);
    const queries = [
      ...SEARCH_QUERIES,
      'velkaneuvontaa', 'velkaneuvota', 'mielenterveyspalvelu', 'omaishoitajalle', 'yksinäisille', 'päihdeongelma', 'stöd för unga', 'ja', 'xqzvw',
      ...vocabulary,
      ...vocabulary.slice(0, 20).map((w, i) => `${w} ${vocabulary[i + 20]}`),
    ];
    const filters: Partial<SearchRequest>[] = [{}, { segment: ['yhteiso'] }, { age: 70, channel: ['phone'] }, { sector: ['ngo'], access: ['open'] }, { municipality: '186', lowThreshold: true }];
    let compared = 0;
    let sameTop20 = 0;
    for (const [i, q] of queries.entries()) {
      const req = { q, limit: 1001, offset: 0, ...filters[i % filters.length] } as SearchRequest;
      const [a, b] = [await viaSql(req), await viaIndex(req)];
      // Again with the query's analysis from the memo (same generation): the same outcome.
      const memoHits = queryAnalyses.hits;
      expect(await viaIndex(req), q).toEqual(b);
      expect(queryAnalyses.hits, q).toBe(memoHits + 1);
      expect({ total: b.total, capped: b.capped }, q).toEqual({ total: a.total, capped: a.capped });
      if (a.capped) continue; // SQL ranks an arbitrary first 1 001 matches; the index all of them
      compared++;
      expect([...b.ids].sort(), q).toEqual([...a.ids].sort());
      expect(b.facets, q).toEqual(a.facets);
      if (JSON.stringify(b.ids.slice(0, 20)) === JSON.stringify(a.ids.slice(0, 20))) sameTop20++;
      else console.log(`top 20 differs for ${q}: ${(await names(a.ids.slice(0, 5))).join(', ')} / ${(await names(b.ids.slice(0, 5))).join(', ')}`);
    }
    expect(compared).toBeGreaterThan(100);
    // Scores are the same arithmetic; only exact ties of different texts could order differently.
    expect(sameTop20 / compared).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  it('pages and filters without a query like the SQL search', async () => {
    for (const req of [{ limit: 20, offset: 0, segment: ['omatoimi'] }, { limit: 10, offset: 30, municipality: '186' }, { q: 'palvelu', limit: 10, offset: 10 }] as SearchRequest[]) {
      const [a, b] = [await viaSql(req), await viaIndex(req)];
      expect(b.total).toBe(a.total);
      if (!a.capped) expect(b).toEqual(a);
    }
  });

  it('never answers from a snapshot older than the catalogue: edit, insert, deactivate', async () => {
    const create = await t.call('POST', '/api/v1/services', {
      cookie: admin,
      body: {
        name: { fi: 'Kuunsiltakahvila' }, summary: { fi: 'Iltakahvila ikäihmisille.' }, keywords: ['seura'], segments: ['yhteiso'], channels: ['in-person'],
        accessRoute: 'open', area: { national: false, countyCodes: ['02'], municipalityCodes: ['186'] }, phone: '09 8722 0100', status: 'active',
      },
    });
    expect(create.statusCode).toBe(201);
    const id = create.json().id as string;
    // Straight after the write the snapshot is of an older generation: the SQL search answers, and sees it.
    const search = async (q: string) => {
      const res = await t.call('GET', `/api/v1/services?q=${encodeURIComponent(q)}&limit=10`);
      return (res.json() as { items: { id: string; name: string }[] }).items;
    };
    expect((await search('kuunsiltakahvila')).map((i) => i.id)).toContain(id);
    expect((await viaIndex({ q: 'kuunsiltakahvila', limit: 10, offset: 0 })).ids).toContain(id);

    // Analysed before the rename, when the vocabulary has no such word: the memo must not keep that analysis.
    expect((await viaIndex({ q: 'lumihiutalepaja', limit: 10, offset: 0 })).ids).not.toContain(id);
    const detail = (await t.call('GET', `/api/v1/services/${id}`)).json();
    const edit = await t.call('PATCH', `/api/v1/services/${id}`, { cookie: admin, body: { version: detail.version, name: { fi: 'Lumihiutalepaja' } } });
    expect(edit.statusCode).toBe(200);
    expect((await search('kuunsiltakahvila')).map((i) => i.id)).not.toContain(id);
    expect((await search('lumihiutalepaja')).map((i) => i.id)).toContain(id);
    expect((await viaIndex({ q: 'lumihiutalepaja', limit: 10, offset: 0 })).ids).toContain(id);
    expect((await viaIndex({ q: 'kuunsiltakahvila', limit: 10, offset: 0 })).ids).not.toContain(id);

    await t.db.updateTable('catalog_services').set({ status: 'inactive' }).where('id', '=', id).execute();
    expect((await search('lumihiutalepaja')).map((i) => i.id)).not.toContain(id);
    expect((await viaIndex({ q: 'lumihiutalepaja', limit: 10, offset: 0 })).ids).not.toContain(id);
  });

  it('never serves what a rolled-back transaction wrote, and answers that transaction in SQL', async () => {
    const [row] = await t.db.selectFrom('catalog_services').select(['id', 'name_fi']).where('status', '=', 'active').orderBy('name_fi').limit(1).execute();
    await warmCatalogueIndex(t.database.db);
    const seen: { indexAnswered?: boolean; ids?: string[] } = {};
    // t.db: the system context, which row-level security lets write the catalogue (the app's role on PostgreSQL).
    await t.db.transaction().execute(async (tx) => {
      await tx.updateTable('catalog_services').set({ name_fi: 'Peruttu revontulinimi' }).where('id', '=', row!.id).execute();
      const hits = catalogSearchIndex.hits;
      seen.ids = (await searchServices(tx, { q: 'peruttu revontulinimi', limit: 10, offset: 0 })).ids;
      seen.indexAnswered = catalogSearchIndex.hits > hits;
      await sql`SELECT 1/0`.execute(tx);
    }).catch(() => {});
    // Its own, uncommitted generation: the snapshot is not used, and the SQL search sees the transaction's write.
    expect(seen).toEqual({ indexAnswered: false, ids: expect.arrayContaining([row!.id]) });
    expect((await viaIndex({ q: 'peruttu revontulinimi', limit: 10, offset: 0 })).ids).not.toContain(row!.id);
    expect((await viaIndex({ q: row!.name_fi, limit: 50, offset: 0 })).ids).toContain(row!.id);
  });
});

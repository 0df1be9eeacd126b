/**
 * The catalogue search keeps results per catalogue generation (src/domain/catalog/catalog.cache.ts).
 * A cached result must never outlive a change: every way the catalogue changes (API edit, import,
 * organisation rename, a direct SQL write, a rolled-back transaction) is followed by a search that
 * must show the current state. Counts of cache hits/misses show the cache was really in play.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSearchCache, clearCatalogSearchCache } from '../../src/domain/catalog/catalog.cache.js';
import { searchServices } from '../../src/domain/catalog/catalog.search.js';
import { search as searchService } from '../../src/domain/catalog/catalog.service.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;
let serviceId: string;

interface Result { items: { id: string; name: string; summary: string; provider: { name: string | null } }[]; total: number }
const search = async (q: string): Promise<Result> => {
  const res = await t.call('GET', `/api/v1/services?q=${encodeURIComponent(q)}&limit=10`);
  expect(res.statusCode).toBe(200);
  return res.json() as Result;
};
/** Misses and hits added by `fn`. */
const counting = async <T>(fn: () => Promise<T>) => {
  const [h, m] = [catalogSearchCache.hits, catalogSearchCache.misses];
  const value = await fn();
  return { value, hits: catalogSearchCache.hits - h, misses: catalogSearchCache.misses - m };
};

beforeAll(async () => {
  catalogSearchCache.enabled = true;
  clearCatalogSearchCache();
  t = await createTestApp();
  admin = await t.login('admin');
  const res = await t.call('POST', '/api/v1/services', {
    cookie: admin,
    body: {
      name: { fi: 'Kuutamokahvila' },
      summary: { fi: 'Iltakahvila ikäihmisille.' },
      keywords: ['seura'],
      segments: ['yhteiso'],
      channels: ['in-person'],
      accessRoute: 'open',
      area: { national: false, countyCodes: ['02'], municipalityCodes: ['186'] },
      phone: '09 8722 0100',
      status: 'active',
    },
  });
  expect(res.statusCode).toBe(201);
  serviceId = res.json().id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe(`search result cache on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('answers a repeated search from the cache with the same result', async () => {
    const first = await counting(() => search('kuutamokahvila'));
    const again = await counting(() => search('kuutamokahvila'));
    expect(first.misses).toBe(1);
    expect(again).toMatchObject({ hits: 1, misses: 0 });
    expect(again.value).toEqual(first.value);
    // The hit is the stored body itself, served as JSON.
    const [a, b] = [await t.call('GET', '/api/v1/services?q=kuutamokahvila&limit=10'), await t.call('GET', '/api/v1/services?q=kuutamokahvila&limit=10')];
    expect(b.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(b.body).toBe(a.body);
    expect(first.value.items.map((i) => i.id)).toContain(serviceId);
  });

  it('shows an edit made through the API at once', async () => {
    await search('revontulikahvila'); // cached: nothing found
    const detail = (await t.call('GET', `/api/v1/services/${serviceId}`)).json();
    const res = await t.call('PATCH', `/api/v1/services/${serviceId}`, {
      cookie: admin,
      body: { version: detail.version, name: { fi: 'Revontulikahvila' }, summary: { fi: 'Iltakahvila ja lautapelit.' } },
    });
    expect(res.statusCode).toBe(200);
    const after = await counting(() => search('revontulikahvila'));
    expect(after.misses).toBe(1);
    expect(after.value.items.find((i) => i.id === serviceId)).toMatchObject({ name: 'Revontulikahvila', summary: 'Iltakahvila ja lautapelit.' });
    // The old name no longer finds it by name (it was cached before the edit).
    expect((await search('kuutamokahvila')).items.find((i) => i.id === serviceId)).toBeUndefined();
  });

  it('shows an import at once', async () => {
    expect((await search('tähtisumupalvelu')).total).toBe(0);
    const res = await t.call('POST', '/api/v1/admin/imports/ptv', {
      cookie: admin,
      body: [{ id: 'cache-test-1', name: 'Tähtisumupalvelu', summary: 'Testipalvelu välimuistille.', areas: ['municipality:186'] }],
    });
    expect(res.json()).toMatchObject({ inserted: 1 });
    expect((await search('tähtisumupalvelu')).items.map((i) => i.name)).toEqual(['Tähtisumupalvelu']);
  });

  it('shows a direct SQL change and an organisation rename at once', async () => {
    await search('revontulikahvila');
    await t.db.updateTable('catalog_services').set({ summary_fi: 'Suoraan kannassa muutettu.' }).where('id', '=', serviceId).execute();
    expect((await search('revontulikahvila')).items.find((i) => i.id === serviceId)?.summary).toBe('Suoraan kannassa muutettu.');

    const orgId = (await t.db.selectFrom('catalog_services').select('organization_id').where('id', '=', serviceId).executeTakeFirstOrThrow()).organization_id!;
    const org = await t.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
    await t.db.updateTable('organizations').set({ name: `${org.name} (uusi nimi)` }).where('id', '=', orgId).execute();
    expect((await search('revontulikahvila')).items.find((i) => i.id === serviceId)?.provider.name).toBe(`${org.name} (uusi nimi)`);
    await t.db.updateTable('organizations').set({ name: org.name }).where('id', '=', orgId).execute();
  });

  it('never serves what a rolled-back transaction saw', async () => {
    const before = await search('revontulikahvila');
    // Inside a transaction: rename, search (fills the cache with the uncommitted state), roll back.
    await t.db.transaction().execute(async (tx) => {
      await tx.updateTable('catalog_services').set({ name_fi: 'Peruttu nimi' }).where('id', '=', serviceId).execute();
      const inside = (await searchService(tx, { q: 'revontulikahvila', limit: 10, offset: 0 })).parse() as Result;
      expect(inside.items.find((i) => i.id === serviceId)).toBeUndefined();
      await sql`SELECT 1/0`.execute(tx); // aborts the transaction
    }).catch(() => {});
    const after = await search('revontulikahvila');
    expect(after).toEqual(before);
    expect(after.items.find((i) => i.id === serviceId)?.name).toBe('Revontulikahvila');
  });

  it('gives the same result with the cache off', async () => {
    for (const q of ['revontulikahvila', 'mielenterveys', 'velkaneuvontaa', 'omaishoitajan']) {
      const cached = await search(q);
      catalogSearchCache.enabled = false;
      try {
        const fresh = await counting(() => search(q));
        expect(fresh).toMatchObject({ hits: 0, misses: 0 });
        expect(fresh.value).toEqual(cached);
      } finally {
        catalogSearchCache.enabled = true;
      }
    }
  });
  it('gives a logged-in reader the same result as an anonymous one, searched or from the cache', async () => {
    clearCatalogSearchCache();
    const asAdmin = await counting(() => t.call('GET', '/api/v1/services?q=mielenterveys&limit=5', { cookie: admin }));
    expect(asAdmin).toMatchObject({ misses: 1, hits: 0 });
    expect(asAdmin.value.statusCode).toBe(200);
    const anonymous = await counting(() => t.call('GET', '/api/v1/services?q=mielenterveys&limit=5'));
    expect(anonymous).toMatchObject({ misses: 0, hits: 1 });
    expect(anonymous.value.body).toBe(asAdmin.value.body);
  });

  it('leaves the planner as it found it for the rest of the caller\'s transaction', async () => {
    // A word, a misspelling (typo pass), two words with no common match (OR pass), only stopwords.
    for (const q of ['velkaneuvontaa', 'velkaneuvota', 'kuutamokahvila hammaslääkäri', 'ja']) {
      await t.db.transaction().execute(async (tx) => {
        await searchServices(tx, { q, limit: 10, offset: 0 });
        const { rows } = await sql<{ v: string }>`SELECT current_setting('enable_seqscan') AS v`.execute(tx);
        expect(rows[0]!.v, q).toBe('on');
      });
    }
  });
});

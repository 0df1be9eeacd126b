import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Recommendations keep the active catalogue and the analysed service texts in memory (per catalogue
 * generation, migration 0810). A catalogue write must be seen by the very next recommendation: new,
 * changed and withdrawn services, renamed organisations included.
 */
let t: TestApp;
let admin: string;
let ohjaaja: string;

// A need no seed service answers in these words, so the new service can only rank by them.
const NEEDS = 'Asiakas haluaisi oppia kirjansidontaa ja tarvitsee kirjansidontakurssin.';
const body = { age: 40, municipalityCode: '186', needs: NEEDS, limit: 5 };
const service = {
  name: { fi: 'Kirjansidontakurssi työikäisille' },
  summary: { fi: 'Kirjansidonnan kurssi, jossa opitaan sitomaan kirjoja käsin.' },
  description: { fi: 'Kirjansidontaa pienryhmässä.' },
  keywords: ['kirjansidonta'],
  segments: ['omatoimi'],
  clientGroups: ['working-age'],
  ageMin: 18,
  ageMax: 64,
  channels: ['in-person'],
  accessRoute: 'open',
  lowThreshold: true,
  area: { national: false, countyCodes: ['02'], municipalityCodes: ['186'] },
  phone: '09 8722 0100',
  status: 'active',
};

const recommend = async () => {
  const res = await t.call('POST', '/api/v1/guidance/recommendations', { cookie: ohjaaja, body });
  expect(res.statusCode).toBe(200);
  return res.json().services as { id: string; name: string; score: number; reasons: string[] }[];
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  ohjaaja = await t.login('ohjaaja');
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe(`recommendation cache on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  let id: string;

  it('sees a service created after the catalogue was cached', async () => {
    const before = await recommend(); // fills the cache
    expect(before.some((s) => /kirjansidonta/i.test(s.name))).toBe(false);
    const res = await t.call('POST', '/api/v1/services', { cookie: admin, body: service });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const after = await recommend();
    expect(after[0]!.id).toBe(id);
    expect(after[0]!.reasons.join(' ')).toMatch(/kirjansidon/i);
  }, 120_000);

  it('analyses a changed text again (no stale analysis)', async () => {
    const current = (await t.call('GET', `/api/v1/services/${id}`, { cookie: admin })).json();
    const res = await t.call('PATCH', `/api/v1/services/${id}`, {
      cookie: admin,
      body: { version: current.version, name: { fi: 'Puutyökurssi työikäisille' }, summary: { fi: 'Puutöitä pienryhmässä.' }, description: { fi: 'Puutöitä.' }, keywords: ['puutyö'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await recommend();
    const own = after.find((s) => s.id === id);
    // Still available (open, low threshold, own municipality) but no longer answers the need words.
    if (own) expect(own.reasons.join(' ')).not.toMatch(/kirjansidon/i);
    expect(after[0]?.id === id && /kirjansidon/i.test(after[0]!.reasons.join(' '))).toBe(false);
  }, 120_000);

  it('drops a withdrawn service at once', async () => {
    const current = (await t.call('GET', `/api/v1/services/${id}`, { cookie: admin })).json();
    const res = await t.call('PATCH', `/api/v1/services/${id}`, { cookie: admin, body: { version: current.version, status: 'inactive' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = await recommend();
    expect(after.some((s) => s.id === id)).toBe(false);
  }, 120_000);

  it('moves the catalogue generation on every catalogue statement, never back', async () => {
    const gen = async () => (await t.db.selectFrom('catalog_generation' as never).select('gen' as never).executeTakeFirstOrThrow()) as { gen: string | number };
    const a = Number((await gen()).gen);
    await t.call('PATCH', `/api/v1/services/${id}`, { cookie: admin, body: { version: (await t.call('GET', `/api/v1/services/${id}`, { cookie: admin })).json().version, status: 'active' } });
    const b = Number((await gen()).gen);
    expect(b).toBeGreaterThan(a);
  }, 120_000);
});

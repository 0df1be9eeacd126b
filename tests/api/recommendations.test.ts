import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../src/domain/paths/demo-clients.data.js';
import { ageOn } from '../../src/domain/clients/index.js';
import { PROFILE_CARDS } from '../../src/domain/guidance/index.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let ohjaaja: string;
beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
});
afterAll(async () => {
  await t?.close();
});

const engine = process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite';

/** What a plausible top-10 contains for each seed client, in the seed's terms (any one of them). */
const PLAUSIBLE: Record<string, RegExp> = {
  eero: /päihde|a-klinik|työ|kuntout|mielenterv/i,
  anni: /koti|ikä|senior|lähitori|fysio|tasapain|kulttuuri|muisti/i,
  mohammed: /koulu|nuori|kuraattori|kotoutu|oppil|perhe/i,
  saara: /nuor|ohjaamo|mielenterv|asum|opiskel|työ|kuntout/i,
  petri: /työ|kuntout|päihde|velka|talous|terve/i,
  mari: /nuor|ohjaamo|opiskel|mielenterv|asum|työ/i,
  jaakko: /työ|kuntout|päihde|terve|mielenterv|talous/i,
  tiina: /työ|kuntout|velka|talous|terve|mielenterv/i,
  nadina: /kotoutu|työ|kieli|perhe|lapsi|talous|suomen/i,
};

const LIFE_TO_SCORE = (v: number) => (v - 1) * 2.5;

describe(`recommendations on ${engine}`, () => {
  for (const c of DEMO_CLIENTS) {
    it(`recommends plausible services for ${c.person.firstName} (seed ${c.seed}), never outside age or area`, async () => {
      const age = ageOn(c.person.birthDate, TEST_TODAY);
      const latest = c.selfAssessments.at(-1)!;
      const body = {
        age,
        municipalityCode: c.person.municipalityCode,
        needs: `${c.concern.what}\n${latest.ownWords}`,
        profile: c.assessment.scales,
        lifeSituation: Object.fromEntries(Object.entries(latest.answers).map(([k, v]) => [k, LIFE_TO_SCORE(v)])),
      };
      const res = await t.call('POST', '/api/v1/guidance/recommendations', { cookie: ohjaaja, body });
      expect(res.statusCode).toBe(200);
      const out = res.json();
      expect(out.segment.reasons.length).toBeGreaterThan(0);
      expect(out.level.reasons.length).toBeGreaterThan(0);
      expect(out.services.length).toBeGreaterThan(0);
      expect(out.services.length).toBeLessThanOrEqual(10);
      const county = (await t.db.selectFrom('municipalities').select('county_code').where('code', '=', c.person.municipalityCode).executeTakeFirstOrThrow()).county_code;
      const rows = await t.db
        .selectFrom('catalog_services')
        .select(['id', 'age_min', 'age_max', 'area_national', 'area_county_codes', 'area_municipality_codes'])
        .where('id', 'in', out.services.map((s: { id: string }) => s.id))
        .execute();
      for (const r of rows) {
        if (r.age_min !== null) expect(age).toBeGreaterThanOrEqual(r.age_min);
        if (r.age_max !== null) expect(age).toBeLessThanOrEqual(r.age_max);
        expect(r.area_national || r.area_county_codes.includes(county!) || r.area_municipality_codes.includes(c.person.municipalityCode)).toBe(true);
      }
      for (const s of out.services) expect(s.reasons.length).toBeGreaterThan(0);
      const names = out.services.map((s: { name: string }) => s.name).join(' | ');
      expect(names).toMatch(PLAUSIBLE[c.key]!);
    });
  }

  it('ranks the segment’s own services first for a profile card’s positions', async () => {
    const res = await t.call('POST', '/api/v1/guidance/recommendations', { cookie: ohjaaja, body: { age: 10, clientGroup: 'children-youth-families', municipalityCode: '186', profile: PROFILE_CARDS.verkosto.scales, limit: 5 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().segment.code).toBe('verkosto');
    expect(res.json().services[0].reasons.join(' ')).toMatch(/verkosto/i);
  });

  it('never recommends a service outside the age range', async () => {
    const res = await t.call('POST', '/api/v1/guidance/recommendations', { cookie: ohjaaja, body: { age: 80, municipalityCode: '186', needs: 'koulu kuraattori nuoret', limit: 50 } });
    const ids = res.json().services.map((s: { id: string }) => s.id);
    if (ids.length > 0) {
      const young = await t.db.selectFrom('catalog_services').select('name_fi').where('id', 'in', ids).where('age_max', '<', 80).execute();
      expect(young).toEqual([]);
    }
  });

  it('answers with no segment or level when nothing is known, and 400 for bad input', async () => {
    const res = await t.call('POST', '/api/v1/guidance/recommendations', { cookie: ohjaaja, body: { needs: 'velat' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ segment: null, level: null });
    expect(res.json().services[0].reasons.join(' ')).toMatch(/vel/i);
    const bad = await t.call('POST', '/api/v1/guidance/recommendations', { cookie: ohjaaja, body: { profile: { everydayLife: 12 } } });
    expect(bad.statusCode).toBe(400);
    const client = await t.login('eero');
    expect((await t.call('POST', '/api/v1/guidance/recommendations', { cookie: client, body: {} })).statusCode).toBe(403);
  });

  it('recommends from the client record for a worker who may see the client', async () => {
    const aino = await t.login('asiakasvastaava');
    const saara = (await t.call('GET', '/api/v1/clients?q=saara', { cookie: aino })).json().items[0];
    const res = await t.call('GET', `/api/v1/clients/${saara.id}/recommendations`, { cookie: aino });
    expect(res.statusCode).toBe(200);
    expect(res.json().services.length).toBeGreaterThan(0);
    expect(res.json().segment.code).toBe(DEMO_CLIENTS.find((c) => c.key === 'saara')!.assessment.segment);
    const teacher = await t.login('opettaja');
    expect((await t.call('GET', `/api/v1/clients/${saara.id}/recommendations`, { cookie: teacher })).statusCode).toBe(404);
  });
});

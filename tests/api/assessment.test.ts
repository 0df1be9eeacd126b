import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_CARDS } from '../../src/domain/guidance/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let ohjaaja: string;
let clientId: string;
beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
  clientId = (await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Arvo', lastName: 'Arvioitava', birthDate: '1988-08-08', municipalityCode: '186' } })).json().id;
});
afterAll(async () => {
  await t?.close();
});

const engine = process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite';

describe(`self-assessment and assessment on ${engine}`, () => {
  it('lists the ten 3X10D life areas and the 1–5 scale in the user’s language', async () => {
    const res = await t.call('GET', '/api/v1/life-areas', { cookie: ohjaaja, lang: 'sv' });
    expect(res.statusCode).toBe(200);
    expect(res.json().areas).toHaveLength(10);
    expect(res.json().areas[2]).toMatchObject({ key: 'housing', label: 'Boende' });
    expect(res.json().scale.map((s: { value: number }) => s.value)).toEqual([5, 4, 3, 2, 1]);
  });

  it('keeps the self-assessment history and shows the change', async () => {
    const first = await t.call('POST', `/api/v1/clients/${clientId}/self-assessments`, { cookie: ohjaaja, body: { answers: { housing: 1, finance: 2, health: 3 }, ownWords: 'Vuokrat rästissä ja velkaa.' } });
    expect(first.statusCode).toBe(201);
    const second = await t.call('POST', `/api/v1/clients/${clientId}/self-assessments`, { cookie: ohjaaja, body: { answers: { housing: 3, finance: 2, health: 2 } } });
    const body = second.json();
    expect(body.items).toHaveLength(2);
    expect(body.items[0].filledBy).toBe('client-with-worker');
    expect(body.change.find((c: { key: string }) => c.key === 'housing')).toMatchObject({ from: 1, to: 3, delta: 2, label: 'Asuminen' });
    expect(body.change.find((c: { key: string }) => c.key === 'health')).toMatchObject({ delta: -1 });
  });

  it('rejects unknown life areas and ratings outside 1–5', async () => {
    expect((await t.call('POST', `/api/v1/clients/${clientId}/self-assessments`, { cookie: ohjaaja, body: { answers: { hosuing: 3 } } })).statusCode).toBe(400);
    expect((await t.call('POST', `/api/v1/clients/${clientId}/self-assessments`, { cookie: ohjaaja, body: { answers: { housing: 6 } } })).statusCode).toBe(400);
  });

  it('lets the client fill in their own self-assessment but not someone else’s', async () => {
    const eero = await t.login('eero');
    const me = (await t.call('GET', '/api/v1/auth/me', { cookie: eero })).json();
    const own = await t.call('POST', `/api/v1/clients/${me.clientId}/self-assessments`, { cookie: eero, body: { answers: { working_studying: 4 } } });
    expect(own.statusCode).toBe(201);
    expect(own.json().items.at(-1).filledBy).toBe('client');
    expect((await t.call('GET', `/api/v1/clients/${clientId}/self-assessments`, { cookie: eero })).statusCode).toBe(404);
  });

  it('suggests each profile card’s own segment for the card’s own positions, with the card’s strategy', async () => {
    for (const card of Object.values(PROFILE_CARDS)) {
      const res = await t.call('POST', '/api/v1/assessment/suggestion', { cookie: ohjaaja, body: { profile: card.scales } });
      expect(res.statusCode).toBe(200);
      expect(res.json().segment).toMatchObject({ code: card.segment, basicStrategy: card.basicStrategy, goal: card.goal });
      expect(res.json().segment.reasons.length).toBeGreaterThan(0);
      expect(res.json().level.reasons.length).toBeGreaterThan(0);
    }
  });

  it('confirms the suggestion, updates the relationship level, and records who and when', async () => {
    const profile = PROFILE_CARDS.verkosto.scales;
    const res = await t.call('POST', `/api/v1/clients/${clientId}/assessments`, { cookie: ohjaaja, body: { profile } });
    expect(res.statusCode).toBe(201);
    const latest = res.json().items.at(-1);
    expect(latest).toMatchObject({ segment: 'verkosto', level: 'intensiivinen-palveluohjaus', overridden: false, assessedByName: 'Olli Ohjaaja' });
    const client = (await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: ohjaaja })).json();
    expect(client.relationships[0].level).toBe('intensiivinen-palveluohjaus');
    expect(client.segment).toBe('verkosto');
  });

  it('requires a reason to override, then shows the movement between segments', async () => {
    const profile = PROFILE_CARDS.yhteiso.scales;
    const noReason = await t.call('POST', `/api/v1/clients/${clientId}/assessments`, { cookie: ohjaaja, body: { profile, segment: 'omatoimi' }, lang: 'en' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('override_reason_missing');
    const res = await t.call('POST', `/api/v1/clients/${clientId}/assessments`, {
      cookie: ohjaaja,
      body: { profile, segment: 'omatoimi', level: 'neuvonta-ja-ohjaus', overrideReason: 'Asunto järjestyi, hoitaa asiansa itse digitaalisesti.' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.items.at(-1)).toMatchObject({ suggestedSegment: 'yhteiso', segment: 'omatoimi', overridden: true, overrideReason: 'Asunto järjestyi, hoitaa asiansa itse digitaalisesti.' });
    expect(body.movements.at(-1)).toMatchObject({ from: 'verkosto', to: 'omatoimi' });
    const path = await t.db.selectFrom('path_events').select('title').where('client_id', '=', clientId).where('kind', '=', 'segment').execute();
    expect(path.at(-1)!.title).toContain('Verkostoasiakkuus → Omatoimiasiakkuus');
  });

  it('lets only a social worker record a special support need', async () => {
    const profile = PROFILE_CARDS.verkosto.scales;
    const refused = await t.call('POST', `/api/v1/clients/${clientId}/assessments`, { cookie: ohjaaja, body: { profile, specialSupportNeed: true } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('special_support_needs_social_worker');
  });

  it('has the seed clients’ assessments and self-assessment history in the demo', async () => {
    const aino = await t.login('asiakasvastaava');
    const saara = (await t.call('GET', '/api/v1/clients?q=saara', { cookie: aino })).json().items[0];
    const hist = await t.call('GET', `/api/v1/clients/${saara.id}/assessments`, { cookie: aino });
    expect(hist.statusCode).toBe(200);
    expect(hist.json().items.length).toBeGreaterThanOrEqual(1);
    const self = await t.call('GET', `/api/v1/clients/${saara.id}/self-assessments`, { cookie: aino });
    expect(self.json().items.length).toBeGreaterThanOrEqual(1);
  });

  it('lets an administrator configure the life areas; answers follow the new list', async () => {
    const admin = await t.login('admin');
    const areas = [
      { key: 'housing', nameFi: 'Asuminen', nameSv: 'Boende', nameEn: 'Housing' },
      { key: 'substances', nameFi: 'Päihteet', nameSv: 'Rusmedel', nameEn: 'Substances' },
    ];
    expect((await t.call('PUT', '/api/v1/life-areas', { cookie: ohjaaja, body: { areas } })).statusCode).toBe(403);
    const res = await t.call('PUT', '/api/v1/life-areas', { cookie: admin, body: { areas } });
    expect(res.statusCode).toBe(200);
    expect(res.json().areas.map((a: { key: string }) => a.key)).toEqual(['housing', 'substances']);
    const saved = await t.call('POST', `/api/v1/clients/${clientId}/self-assessments`, { cookie: ohjaaja, body: { answers: { substances: 2 } } });
    expect(saved.statusCode).toBe(201);
    expect((await t.call('POST', `/api/v1/clients/${clientId}/self-assessments`, { cookie: ohjaaja, body: { answers: { friends: 2 } } })).statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let anni: string;
let eero: string;
let anniId: string;
let eeroId: string;

beforeAll(async () => {
  t = await createTestApp();
  anni = await t.login('anni');
  eero = await t.login('eero');
  anniId = (await t.call('GET', '/api/v1/me', { cookie: anni })).json().me.clientId;
  eeroId = (await t.call('GET', '/api/v1/me', { cookie: eero })).json().me.clientId;
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe(`Oma polku on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('shows the client their own plan in plain language and their named worker with contact details', async () => {
    const plan = await t.call('GET', '/api/v1/me/plan', { cookie: anni });
    expect(plan.statusCode).toBe(200);
    expect(plan.json().clientName).toContain('Anni');
    expect(plan.json().sections.length).toBeGreaterThan(0);
    const worker = await t.call('GET', '/api/v1/me/worker', { cookie: anni });
    expect(worker.statusCode).toBe(200);
    expect(worker.json()).toMatchObject({ name: expect.any(String), organization: expect.any(String) });
  });

  it("answers 404 for another client's id and audits the refused attempt", async () => {
    for (const path of ['/plan', '/worker', '/access-log', '/consents', '/self-assessments']) {
      const res = await t.call('GET', `/api/v1/me${path}?clientId=${eeroId}`, { cookie: anni });
      expect(res.statusCode, path).toBe(404);
    }
    const refused = await t.db.selectFrom('audit_log').select(['allowed']).where('client_id', '=', eeroId).where('action', '=', 'portal.act-as-guardian').execute();
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(refused.every((r) => r.allowed === false)).toBe(true);
    const own = await t.call('GET', '/api/v1/me/plan', { cookie: eero });
    expect(own.json().clientName ?? '').not.toContain('Anni');
  });

  it('keeps professionals out of the portal endpoints', async () => {
    const ohjaaja = await t.login('ohjaaja');
    expect((await t.call('GET', '/api/v1/me/plan', { cookie: ohjaaja })).statusCode).toBe(403);
  });

  it("shows in the access log that a professional viewed the client's plan, and why", async () => {
    const ohjaaja = await t.login('ohjaaja');
    expect((await t.call('GET', `/api/v1/clients/${anniId}/plan`, { cookie: ohjaaja })).statusCode).toBe(200);
    const log = await t.call('GET', '/api/v1/me/access-log', { cookie: anni, lang: 'fi' });
    expect(log.statusCode).toBe(200);
    const items = log.json().items as { user: string; what: string; why: string; basis: string }[];
    const view = items.find((i) => i.user === 'Olli Ohjaaja');
    expect(view).toMatchObject({ what: 'Katsoi tai muokkasi suunnitelmaasi', why: 'Olet heidän asiakkaanaan' });
    expect(items.some((i) => i.basis === 'self')).toBe(false);
  });

  it('records a self-assessment (201) and returns the history with it', async () => {
    const before = (await t.call('GET', '/api/v1/me/self-assessments', { cookie: anni })).json().items.length;
    const res = await t.call('POST', '/api/v1/me/self-assessments', { cookie: anni, body: { answers: { health: 3, housing: 5 } } });
    expect(res.statusCode).toBe(201);
    expect(res.json().items).toHaveLength(before + 1);
    expect(res.json().items.at(-1)).toMatchObject({ filledBy: 'client', answers: { health: 3, housing: 5 } });
    const bad = await t.call('POST', '/api/v1/me/self-assessments', { cookie: anni, body: { answers: { health: 7 } } });
    expect(bad.statusCode).toBe(400);
  });

  it('lets the client give a consent electronically and revoke it', async () => {
    const { organizations } = (await t.call('GET', '/api/v1/me', { cookie: anni })).json();
    expect(organizations.length).toBeGreaterThan(0);
    const given = await t.call('POST', '/api/v1/me/consents', {
      cookie: anni,
      body: { recipientOrganizationIds: [organizations[0].id], dataCategories: ['contact', 'plan'], purpose: 'Kotihoidon arviointijakso' },
    });
    expect(given.statusCode).toBe(201);
    const list = (await t.call('GET', '/api/v1/me/consents', { cookie: anni })).json().items;
    expect(list.find((c: { id: string }) => c.id === given.json().id)).toMatchObject({ givenBy: 'client', method: 'electronic', state: 'active' });
    const revoked = await t.call('POST', `/api/v1/me/consents/${given.json().id}/revoke`, { cookie: anni, body: { reason: 'En halua enää' } });
    expect(revoked.statusCode).toBe(200);
    const stranger = await t.call('POST', `/api/v1/me/consents/${given.json().id}/revoke`, { cookie: eero, body: {} });
    expect(stranger.statusCode).toBe(404);
  });

  it("lets a guardian act for their child, and only for their child", async () => {
    const child = await t.db.selectFrom('clients').select(['id', 'organization_id', 'county_code']).where('birth_date', '>', '2010-01-01').executeTakeFirstOrThrow();
    await t.db.insertInto('client_close_ones').values({
      client_id: child.id, county_code: child.county_code, organization_id: child.organization_id, name: 'Eero Mäkinen',
      relation: 'huoltaja', is_guardian: true, related_client_id: eeroId,
    }).execute();
    const me = (await t.call('GET', '/api/v1/me', { cookie: eero })).json();
    expect(me.children.map((c: { clientId: string }) => c.clientId)).toContain(child.id);
    const res = await t.call('GET', `/api/v1/me/self-assessments?clientId=${child.id}`, { cookie: eero });
    expect(res.statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/me/self-assessments?clientId=${child.id}`, { cookie: anni })).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select(['basis']).where('client_id', '=', child.id).where('action', '=', 'portal.act-as-guardian').where('allowed', '=', true).execute();
    expect(audit[0]?.basis).toBe('guardian');
  });

  it('lists my meetings, tasks, referrals and path', async () => {
    for (const path of ['/meetings', '/tasks', '/referrals', '/path']) {
      const res = await t.call('GET', `/api/v1/me${path}`, { cookie: anni });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    }
  });

  describe('the guardian basis (huoltaja of an under-18 child)', () => {
    it('a guardian fills "Mitä sinulle kuuluu?" for their child: saved as given by the guardian, every read audited on the guardian basis', async () => {
      const huoltaja = await t.login('huoltaja');
      const me = (await t.call('GET', '/api/v1/me', { cookie: huoltaja })).json();
      const child = me.children[0].clientId as string;
      const area = (await t.call('GET', '/api/v1/life-areas', { cookie: huoltaja })).json().areas[0].key as string;
      const res = await t.call('POST', `/api/v1/me/self-assessments?clientId=${child}`, { cookie: huoltaja, body: { answers: { [area]: 4 }, ownWords: 'Koulussa menee paremmin.' } });
      expect(res.statusCode).toBe(201);
      expect(res.json().items.at(-1)).toMatchObject({ filledBy: 'guardian', ownWords: 'Koulussa menee paremmin.' });
      const guardianUser = await t.db.selectFrom('users').select('id').where('username', '=', 'huoltaja').executeTakeFirstOrThrow();
      const row = await t.db.selectFrom('self_assessments').select(['filled_by', 'recorded_by', 'organization_id']).where('client_id', '=', child).orderBy('at', 'desc').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ filled_by: 'guardian', recorded_by: guardianUser.id, organization_id: null });
      const audit = await t.db.selectFrom('audit_log').select(['action', 'basis']).where('client_id', '=', child).where('user_id', '=', guardianUser.id).where('allowed', '=', true).execute();
      expect(audit).toEqual(expect.arrayContaining([{ action: 'self-assessment.create', basis: 'guardian' }, { action: 'portal.act-as-guardian', basis: 'guardian' }]));
      expect(audit.every((a) => a.basis === 'guardian')).toBe(true);
      // The child's agreed tasks through the one /me/tasks route.
      const tasks = await t.call('GET', `/api/v1/me/tasks?clientId=${child}`, { cookie: huoltaja });
      expect(tasks.statusCode).toBe(200);
      expect(Array.isArray(tasks.json().items)).toBe(true);
    });

    it('refuses bad answers in the guardian’s language and writes nothing', async () => {
      const huoltaja = await t.login('huoltaja');
      const child = (await t.call('GET', '/api/v1/me', { cookie: huoltaja })).json().children[0].clientId as string;
      const before = await t.db.selectFrom('self_assessments').select('id').where('client_id', '=', child).execute();
      const res = await t.call('POST', `/api/v1/me/self-assessments?clientId=${child}`, { cookie: huoltaja, lang: 'sv', body: { answers: { 'ei-ole': 3 } } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/livsområde/);
      expect(await t.db.selectFrom('self_assessments').select('id').where('client_id', '=', child).execute()).toHaveLength(before.length);
    });

    it('refuses (404, audited) a non-guardian, and a guardian once the child is 18', async () => {
      const huoltaja = await t.login('huoltaja');
      const child = (await t.call('GET', '/api/v1/me', { cookie: huoltaja })).json().children[0].clientId as string;
      const area = (await t.call('GET', '/api/v1/life-areas', { cookie: anni })).json().areas[0].key as string;
      const stranger = await t.call('POST', `/api/v1/me/self-assessments?clientId=${child}`, { cookie: anni, body: { answers: { [area]: 2 } } });
      expect(stranger.statusCode).toBe(404);
      const refused = await t.db.selectFrom('audit_log').select('allowed').where('client_id', '=', child).where('action', '=', 'portal.act-as-guardian').where('allowed', '=', false).execute();
      expect(refused.length).toBeGreaterThan(0);
      // An adult "child": the guardianship record stays, the basis does not.
      const adult = await t.db.selectFrom('clients').select(['id', 'organization_id', 'county_code']).where('birth_date', '<', '2000-01-01').where('id', '!=', anniId).executeTakeFirstOrThrow();
      const guardianClient = (await t.call('GET', '/api/v1/me', { cookie: huoltaja })).json().me.clientId as string;
      await t.db.insertInto('client_close_ones').values({
        client_id: adult.id, county_code: adult.county_code, organization_id: adult.organization_id, name: 'Huoltaja', relation: 'huoltaja', is_guardian: true, related_client_id: guardianClient,
      }).execute();
      expect((await t.call('GET', `/api/v1/me/self-assessments?clientId=${adult.id}`, { cookie: huoltaja })).statusCode).toBe(404);
      expect((await t.call('GET', `/api/v1/me/tasks?clientId=${adult.id}`, { cookie: huoltaja })).statusCode).toBe(404);
    });
  });
});

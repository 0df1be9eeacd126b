import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let valmentaja: string;
let eero: string;

beforeAll(async () => {
  t = await createTestApp();
  valmentaja = await t.login('valmentaja');
  eero = (await t.db.selectFrom('clients').select('id').where('first_name', '=', 'Eero').where('last_name', '=', 'Mäkinen').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

describe(`client path on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it("returns Eero's seed path in the four phases, in time order, with sectors and interfaces", async () => {
    const res = await t.call('GET', `/api/v1/clients/${eero}/path`, { cookie: valmentaja });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.phases.map((p: { code: string }) => p.code)).toEqual(['concern', 'assessment', 'services', 'follow-up']);
    const steps = body.phases.flatMap((p: { steps: unknown[] }) => p.steps);
    expect(steps.length).toBeGreaterThan(8);
    for (const phase of body.phases) {
      const times = phase.steps.map((s: { at: string }) => s.at);
      expect(times).toEqual([...times].sort());
    }
    const first = body.phases[0].steps[0];
    expect(first).toMatchObject({ title: 'Irtisanominen ja työttömyys', sectors: ['municipality'], interface: false });
    const crossing = steps.find((s: { title: string }) => s.title === 'Työttömyysturvaoikeuden ja aktiivisuuden arviointi');
    expect(crossing).toMatchObject({ sectors: ['wellbeing-county', 'kela'], interface: true });
    expect(body.interfaceCount).toBe(steps.filter((s: { interface: boolean }) => s.interface).length);
    expect(body.sectors).toEqual(expect.arrayContaining(['municipality', 'wellbeing-county', 'kela']));
  });

  it('the client sees their own path; another organisation gets 404 like a missing client', async () => {
    const own = await t.call('GET', `/api/v1/clients/${eero}/path`, { cookie: await t.login('eero') });
    expect(own.statusCode).toBe(200);
    const anni = await t.call('GET', `/api/v1/clients/${eero}/path`, { cookie: await t.login('anni') });
    expect(anni.statusCode).toBe(404);
    const school = await t.call('GET', `/api/v1/clients/${eero}/path`, { cookie: await t.login('opettaja') });
    expect(school.statusCode).toBe(404);
    const nonsense = await t.call('GET', `/api/v1/clients/not-a-uuid/path`, { cookie: valmentaja });
    expect(nonsense.statusCode).toBe(404);
  });

  it('a new relationship adds a marked step to the path and a notice for the client', async () => {
    const ville = (await t.db.selectFrom('users').select('id').where('username', '=', 'valmentaja').executeTakeFirstOrThrow()).id;
    const res = await t.call('POST', `/api/v1/clients/${eero}/relationships`, {
      cookie: valmentaja,
      body: { level: 'asiakasohjaus', responsibleUserId: ville, coordinationNote: 'Ensin yhdessä työkykykoordinaattorin kanssa, sitten omavalmentaja.' },
    });
    expect(res.statusCode).toBe(201);
    const path = (await t.call('GET', `/api/v1/clients/${eero}/path`, { cookie: valmentaja })).json();
    const step = path.phases[1].steps.find((s: { kind: string }) => s.kind === 'responsible-worker');
    expect(step).toMatchObject({ sectors: ['municipality'], interface: false });
    const told = (await t.call('GET', `/api/v1/clients/${eero}/notifications?`, { cookie: valmentaja, lang: 'en' })).json().items;
    expect(told[0].message).toContain('Your responsible worker is Ville Valmentaja');
  });
});

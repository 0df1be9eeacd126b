import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../src/domain/paths/demo-clients.data.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const eeroPerson = DEMO_CLIENTS.find((c) => c.key === 'eero')!.person;

let t: TestApp;
let ohjaaja: string;
let opettaja: string;
beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
  opettaja = await t.login('opettaja');
});
afterAll(async () => {
  await t?.close();
});

const engine = process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite';

describe(`clients on ${engine}`, () => {
  it('registers a client (201) and starts an advice-level relationship in the registering organisation', async () => {
    const res = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Liisa', lastName: 'Testinen', birthDate: '1990-04-01', municipalityCode: '186' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ id: expect.any(String), firstName: 'Liisa', lastName: 'Testinen', birthDate: '1990-04-01', municipalityName: 'Järvenpää', linkedExisting: false });
    expect(body.relationships).toEqual([expect.objectContaining({ organizationName: 'Keski-Uudenmaan hyvinvointialue', level: 'neuvonta-ja-ohjaus', responsibleName: 'Olli Ohjaaja' })]);
    const read = await t.call('GET', `/api/v1/clients/${body.id}`, { cookie: ohjaaja });
    expect(read.statusCode).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'basis']).where('client_id', '=', body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['client.create', 'client.read']));
  });

  it('answers 404 to an organisation without a relationship, and audits the refusal', async () => {
    const created = (await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Piia', lastName: 'Piilossa', birthDate: '1985-01-02' } })).json();
    const res = await t.call('GET', `/api/v1/clients/${created.id}`, { cookie: opettaja });
    expect(res.statusCode).toBe(404);
    const denied = await t.db.selectFrom('audit_log').select('allowed').where('client_id', '=', created.id).where('allowed', '=', false).execute();
    expect(denied.length).toBe(1);
    expect((await t.call('GET', '/api/v1/clients/not-a-uuid', { cookie: ohjaaja })).statusCode).toBe(404);
  });

  it('searches by name only among clients the caller may see', async () => {
    const mine = await t.call('GET', '/api/v1/clients?q=eero', { cookie: ohjaaja });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items).toEqual([expect.objectContaining({ firstName: 'Eero', lastName: eeroPerson.lastName, birthDate: eeroPerson.birthDate })]);
    // The school sees Mohammed (its pupil) but not Eero.
    const school = await t.call('GET', '/api/v1/clients?q=e', { cookie: opettaja });
    const names = school.json().items.map((i: { firstName: string }) => i.firstName);
    expect(names).toContain('Mohammed');
    expect(names).not.toContain('Eero');
  });

  it('warns of a possible duplicate (same name and birth date) and creates only after confirmation', async () => {
    const body = { firstName: eeroPerson.firstName, lastName: eeroPerson.lastName, birthDate: eeroPerson.birthDate };
    const dup = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('possible_duplicate');
    const before = await t.db.selectFrom('clients').select('id').where('last_name', '=', eeroPerson.lastName).where('birth_date', '=', eeroPerson.birthDate).execute();
    expect(before).toHaveLength(1);
    const ok = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { ...body, confirmNotDuplicate: true } });
    expect(ok.statusCode).toBe(201);
  });

  it('validates the identity code checksum and shows it masked; the same code links to the existing record', async () => {
    const bad = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Matti', lastName: 'Malli', birthDate: '1952-10-13', identityCode: '131052-308U' }, lang: 'en' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('identity code');
    const ok = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Matti', lastName: 'Malli', birthDate: '1952-10-13', identityCode: '131052-308T' } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().identityCodeMasked).toBe('131052-****');
    expect(ok.body).not.toContain('308T');
    // Another organisation registering the same identity code gets the same record, not a second one.
    const valmentaja = await t.login('valmentaja');
    const again = await t.call('POST', '/api/v1/clients', { cookie: valmentaja, body: { firstName: 'Matti', lastName: 'Malli', birthDate: '1952-10-13', identityCode: '131052-308T' } });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ id: ok.json().id, linkedExisting: true });
    // Within the same organisation it is a plain duplicate.
    const same = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Matti', lastName: 'Malli', birthDate: '1952-10-13', identityCode: '131052-308T' } });
    expect(same.statusCode).toBe(409);
  });

  it('rejects a birth date that does not match the identity code, writing nothing', async () => {
    const res = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Ville', lastName: 'Väärä', birthDate: '1952-10-14', identityCode: '131052-308T' } });
    expect(res.statusCode).toBe(400);
    expect(await t.db.selectFrom('clients').select('id').where('last_name', '=', 'Väärä').execute()).toHaveLength(0);
  });

  it('names the field of a rule violation in details.problems (for the form), in every language, and writes nothing', async () => {
    const res = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, lang: 'sv', body: { firstName: 'Kunta', lastName: 'Tuntematon', birthDate: '1985-05-05', municipalityCode: '999' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'unknown_municipality', message: 'Kommunen hittades inte.' });
    expect(res.json().error.details.problems).toEqual([{ field: 'municipalityCode', code: 'unknown_municipality', messages: { fi: 'Kuntaa ei löydy.', sv: 'Kommunen hittades inte.', en: 'Unknown municipality.' } }]);
    const id = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Hetu', lastName: 'Väärä', birthDate: '1985-05-05', identityCode: '050585-123X' } });
    expect(id.statusCode).toBe(400);
    expect(id.json().error.details.problems[0].field).toBe('identityCode');
    expect(await t.db.selectFrom('clients').select('id').where('last_name', 'in', ['Tuntematon', 'Väärä']).where('first_name', 'in', ['Kunta', 'Hetu']).execute()).toHaveLength(0);
  });

  it('hides the address under non-disclosure (turvakielto) everywhere', async () => {
    const res = await t.call('POST', '/api/v1/clients', {
      cookie: ohjaaja,
      body: { firstName: 'Turva', lastName: 'Kielto', birthDate: '1979-09-09', address: 'Salainen tie 1, Järvenpää', nonDisclosure: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ nonDisclosure: true, address: null });
    expect(res.body).not.toContain('Salainen');
    const read = await t.call('GET', `/api/v1/clients/${res.json().id}`, { cookie: ohjaaja });
    expect(read.body).not.toContain('Salainen');
    const open = await t.call('PATCH', `/api/v1/clients/${res.json().id}`, { cookie: ohjaaja, body: { nonDisclosure: false } });
    expect(open.json().address).toBe('Salainen tie 1, Järvenpää');
  });

  it('keeps close ones, guardians and a household', async () => {
    const parent = (await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Pirjo', lastName: 'Perhe', birthDate: '1980-01-01' } })).json();
    const child = await t.call('POST', '/api/v1/clients', {
      cookie: ohjaaja,
      body: { firstName: 'Pekka', lastName: 'Perhe', birthDate: '2015-01-01', closeOnes: [{ name: 'Pirjo Perhe', relation: 'äiti', isGuardian: true, sameHousehold: true, relatedClientId: parent.id }] },
    });
    expect(child.statusCode).toBe(201);
    expect(child.json().closeOnes).toEqual([expect.objectContaining({ name: 'Pirjo Perhe', isGuardian: true, relatedClientId: parent.id })]);
    const joined = await t.call('POST', `/api/v1/clients/${child.json().id}/household`, { cookie: ohjaaja, body: { withClientId: parent.id } });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().household.members.map((m: { firstName: string }) => m.firstName).sort()).toEqual(['Pekka', 'Pirjo']);
  });

  it('shows the caseload by level with the 40-client limit for intensive case management', async () => {
    const created = (await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Kaisu', lastName: 'Kuorma', birthDate: '1999-09-09' } })).json();
    const res = await t.call('GET', '/api/v1/guidance/caseload', { cookie: ohjaaja });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.intensiveLimit).toBe(40);
    expect(body.intensiveOverLimit).toBe(false);
    expect(body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.id, level: 'neuvonta-ja-ohjaus' })]));
    const total = Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(body.items.length);
  });

  it('turns the intensive warning on above 40 clients', async () => {
    const aino = await t.login('asiakasvastaava');
    const user = await t.db.selectFrom('users').select(['id', 'organization_id']).where('username', '=', 'asiakasvastaava').executeTakeFirstOrThrow();
    const org = await t.db.selectFrom('organizations').select('county_code').where('id', '=', user.organization_id).executeTakeFirstOrThrow();
    const current = (await t.call('GET', '/api/v1/guidance/caseload', { cookie: aino })).json().counts['intensiivinen-palveluohjaus'];
    for (let i = current; i <= 40; i += 1) {
      const c = await t.db.insertInto('clients').values({ county_code: org.county_code, organization_id: user.organization_id, first_name: `Kuorma${i}`, last_name: 'Testi', birth_date: '1970-01-01' }).returning('id').executeTakeFirstOrThrow();
      await t.db.insertInto('client_relationships').values({ client_id: c.id, organization_id: user.organization_id, county_code: org.county_code, level: 'intensiivinen-palveluohjaus', responsible_user_id: user.id }).execute();
    }
    const res = (await t.call('GET', '/api/v1/guidance/caseload', { cookie: aino })).json();
    expect(res.counts['intensiivinen-palveluohjaus']).toBe(41);
    expect(res.intensiveOverLimit).toBe(true);
  });

  it('refuses registration by a client login and bad input with 400', async () => {
    const eero = await t.login('eero');
    expect((await t.call('POST', '/api/v1/clients', { cookie: eero, body: { firstName: 'A', lastName: 'B', birthDate: '2000-01-01' } })).statusCode).toBe(403);
    const bad = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: '', lastName: 'B', birthDate: '1.1.2000' } });
    expect(bad.statusCode).toBe(400);
    const self = await t.call('GET', '/api/v1/clients', { cookie: eero });
    expect(self.json().items).toEqual([expect.objectContaining({ firstName: 'Eero' })]);
  });
});

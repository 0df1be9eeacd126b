import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let ohjaaja: string;
let sosiaalityo: string;
beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
  sosiaalityo = await t.login('sosiaalityo');
});
afterAll(async () => {
  await t?.close();
});

const engine = process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite';
const newClient = async (cookie: string, firstName: string, birthDate = '1975-05-05') =>
  (await t.call('POST', '/api/v1/clients', { cookie, body: { firstName, lastName: 'Huolinen', birthDate, municipalityCode: '186' } })).json().id as string;

describe(`concerns on ${engine}`, () => {
  it('closes a concern answered with advice, without sending it to social services', async () => {
    const id = await newClient(ohjaaja, 'Aatu');
    const res = await t.call('POST', '/api/v1/concerns', {
      cookie: ohjaaja,
      body: { clientId: id, noticedBy: { role: 'asiakasohjaaja' }, what: 'Laskut ovat jääneet maksamatta.', urgency: 'low', route: 'advice', adviceGiven: 'Ohjattu talous- ja velkaneuvontaan.' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'closed', toOrganization: null, route: 'advice' });
    const path = await t.db.selectFrom('path_events').select(['phase', 'kind']).where('client_id', '=', id).where('kind', '=', 'concern').execute();
    expect(path).toEqual([{ phase: 'concern', kind: 'concern' }]);
  });

  it('requires consent for an SHL 35 § contact with consent and a reason without it; nothing is written on refusal', async () => {
    const id = await newClient(ohjaaja, 'Bertta');
    const base = { clientId: id, noticedBy: { role: 'asiakasohjaaja' }, what: 'Asunto on menossa alta.', urgency: 'normal' };
    const noConsent = await t.call('POST', '/api/v1/concerns', { cookie: ohjaaja, body: { ...base, route: 'shl35-consent' }, lang: 'fi' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.message).toContain('suostumuksen');
    const noReason = await t.call('POST', '/api/v1/concerns', { cookie: ohjaaja, body: { ...base, route: 'shl35-duty' } });
    expect(noReason.statusCode).toBe(400);
    expect(await t.db.selectFrom('concerns').select('id').where('client_id', '=', id).execute()).toHaveLength(0);
    const duty = await t.call('POST', '/api/v1/concerns', { cookie: ohjaaja, body: { ...base, route: 'shl35-duty', dutyReason: 'Ei pysty huolehtimaan itsestään, ilmeinen avun tarve.' } });
    expect(duty.statusCode).toBe(201);
    expect(duty.json()).toMatchObject({ status: 'sent', toOrganization: 'Keski-Uudenmaan hyvinvointialue', dutyReason: 'Ei pysty huolehtimaan itsestään, ilmeinen avun tarve.' });
  });

  it('accepts a child-protection notification only for a child', async () => {
    const adult = await newClient(ohjaaja, 'Cecilia');
    const refused = await t.call('POST', '/api/v1/concerns', { cookie: ohjaaja, body: { clientId: adult, noticedBy: { role: 'ohjaaja' }, what: 'Huoli', urgency: 'normal', route: 'child-protection' } });
    expect(refused.statusCode).toBe(400);
    const teacher = await t.login('opettaja');
    const child = await t.call('POST', '/api/v1/concerns', {
      cookie: teacher,
      body: { person: { firstName: 'Daniel', lastName: 'Lapsinen', birthDate: '2014-02-02', municipalityCode: '186' }, noticedBy: { role: 'luokanvalvoja' }, what: 'Oppilas kertoo, ettei kotona ole ruokaa.', urgency: 'urgent', route: 'child-protection' },
    });
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({ route: 'child-protection', status: 'sent', clientName: 'Daniel Lapsinen' });
  });

  it('gives social services an inbox with urgent ones first; receiving shows the raiser it was received', async () => {
    const nuoriso = await t.login('nuoriso');
    const ids: string[] = [];
    for (const [name, urgency] of [['Eino', 'low'], ['Fanni', 'urgent'], ['Greta', 'normal']] as const) {
      const res = await t.call('POST', '/api/v1/concerns', {
        cookie: nuoriso,
        body: { person: { firstName: name, lastName: 'Inbox', birthDate: '2004-04-04' }, noticedBy: { role: 'nuorisotyöntekijä' }, what: `Huoli ${name}`, urgency, route: 'shl35-consent', consentGiven: true },
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const inbox = await t.call('GET', '/api/v1/concerns/inbox', { cookie: sosiaalityo });
    expect(inbox.statusCode).toBe(200);
    const waiting = inbox.json().items.filter((i: { status: string }) => i.status === 'sent');
    expect(waiting[0].urgency).toBe('urgent');
    const order = waiting.map((i: { urgency: string }) => i.urgency);
    expect(order.indexOf('low')).toBeGreaterThan(order.lastIndexOf('normal'));
    // Others than social services have no inbox.
    expect((await t.call('GET', '/api/v1/concerns/inbox', { cookie: ohjaaja })).statusCode).toBe(403);

    const received = await t.call('POST', `/api/v1/concerns/${ids[1]}/receive`, { cookie: sosiaalityo, body: { note: 'Otetaan yhteyttä tänään.' } });
    expect(received.statusCode).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', receivedByName: 'Sanna Sosiaalityöntekijä' });
    const raised = await t.call('GET', '/api/v1/concerns/raised', { cookie: nuoriso });
    const fanni = raised.json().items.find((i: { id: string }) => i.id === ids[1]);
    expect(fanni).toMatchObject({ status: 'received', receivedAt: expect.any(String) });
    // Receiving opens a relationship, so the social worker can now open the client.
    const clientId = received.json().clientId;
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: sosiaalityo })).statusCode).toBe(200);
  });

  it('never tells a raiser that a person they cannot see already exists', async () => {
    await newClient(ohjaaja, 'Hilkka', '1966-06-06');
    const kela = await t.login('kela');
    const res = await t.call('POST', '/api/v1/concerns', {
      cookie: kela,
      body: { person: { firstName: 'Hilkka', lastName: 'Huolinen', birthDate: '1966-06-06' }, noticedBy: { role: 'Kelan asiantuntija' }, what: 'Toimeentulo huolettaa.', urgency: 'normal', route: 'shl35-consent', consentGiven: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().clientId).toBeNull();
    const hilkka = await t.db.selectFrom('clients').select('id').where('first_name', '=', 'Hilkka').where('last_name', '=', 'Huolinen').execute();
    expect(hilkka).toHaveLength(1);
    const concern = await t.db.selectFrom('concerns').select('client_id').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(concern.client_id).toBe(hilkka[0]!.id);
  });

  it('lets the client raise a concern about themself, and lists the seed concerns for the worker', async () => {
    const anni = await t.login('anni');
    const me = (await t.call('GET', '/api/v1/auth/me', { cookie: anni })).json();
    const res = await t.call('POST', '/api/v1/concerns', {
      cookie: anni,
      body: { clientId: me.clientId, noticedBy: { role: 'asiakas itse' }, what: 'Yksinäisyys painaa iltaisin.', urgency: 'normal', route: 'shl35-consent', consentGiven: true },
    });
    expect(res.statusCode).toBe(201);
    const list = await t.call('GET', `/api/v1/clients/${me.clientId}/concerns`, { cookie: ohjaaja });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(2);
    const other = await t.call('GET', '/api/v1/clients?q=eero', { cookie: ohjaaja });
    const eeroId = other.json().items[0].id;
    expect((await t.call('POST', '/api/v1/concerns', { cookie: anni, body: { clientId: eeroId, noticedBy: { role: 'x' }, what: 'xxx', urgency: 'low', route: 'shl35-consent', consentGiven: true } })).statusCode).toBe(404);
  });
});

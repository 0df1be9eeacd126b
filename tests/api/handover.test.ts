import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeClient, makeConsent, orgId, serviceOf, setStatus } from './referrals.fixtures.js';

let t: TestApp;
let ohjaaja: string; // Keusote, hands over
let valmentaja: string; // employment area, receives
let tyollisyysalue: string;

beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
  valmentaja = await t.login('valmentaja');
  tyollisyysalue = await orgId(t, 'tyollisyysalue');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe(`warm handover and ending on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('keeps the previous worker responsible until meeting, acceptance and the client’s confirmation', async () => {
    const clientId = await makeClient(t, ohjaaja);
    await makeConsent(t, ohjaaja, clientId, [tyollisyysalue], ['contact', 'plan', 'assessments']);
    const serviceId = await serviceOf(t, 'tyollisyysalue');
    const start = await t.call('POST', `/api/v1/clients/${clientId}/handovers`, {
      cookie: ohjaaja, body: { serviceId, reason: 'Työllistymisen tuki jatkuu työllisyyspalveluissa', summary: 'Tavoitteet: työkokeilu keväällä. Asiakas toivoo puhelinta.' },
    });
    expect(start.statusCode).toBe(201);
    const { id, referralId } = start.json();
    const confirmTooEarly = await t.call('POST', `/api/v1/handovers/${id}/client-confirmation`, { cookie: ohjaaja, body: { how: 'in-meeting' } });
    expect(confirmTooEarly.statusCode).toBe(409);
    expect(confirmTooEarly.json().error.details.missingSteps).toEqual(['joint-meeting', 'receiver-acceptance', 'client-confirmation']);
    expect((await setStatus(t, valmentaja, referralId, 'received')).statusCode).toBe(200);
    expect((await setStatus(t, valmentaja, referralId, 'accepted')).statusCode).toBe(200);
    const meeting = await t.call('POST', `/api/v1/handovers/${id}/joint-meeting`, { cookie: valmentaja, body: { at: new Date().toISOString(), held: true } });
    expect(meeting.statusCode).toBe(200);
    expect(meeting.json().missingSteps).toEqual(['client-confirmation']);
    // Until the client confirms, the previous relationship is open: ohjaaja still sees the client.
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: ohjaaja })).statusCode).toBe(200);
    expect((await t.call('POST', `/api/v1/handovers/${id}/client-confirmation`, { cookie: valmentaja, body: { how: 'in-meeting' } })).statusCode).toBe(403);
    const done = await t.call('POST', `/api/v1/handovers/${id}/client-confirmation`, { cookie: ohjaaja, body: { how: 'in-meeting' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', missingSteps: [] });
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: ohjaaja })).statusCode).toBe(404);
    const rels = await t.db.selectFrom('client_relationships').select(['organization_id', 'ended_at', 'responsible_user_id']).where('client_id', '=', clientId).execute();
    expect(rels.find((r) => r.organization_id === tyollisyysalue)).toMatchObject({ ended_at: null, responsible_user_id: expect.any(String) });
    const path = await t.db.selectFrom('path_events').select(['kind', 'sectors']).where('client_id', '=', clientId).where('kind', '=', 'handover').executeTakeFirstOrThrow();
    expect([...path.sectors].sort()).toEqual(['municipality', 'wellbeing-county']);
    const notice = await t.db.selectFrom('client_notifications').select('kind').where('client_id', '=', clientId).where('kind', '=', 'worker-changed').execute();
    expect(notice).toHaveLength(1);
  });

  it('ends a relationship with a final evaluation and continuation plan; the network is informed on the path', async () => {
    const clientId = await makeClient(t, valmentaja);
    const rel = await t.db.selectFrom('client_relationships').select('id').where('client_id', '=', clientId).executeTakeFirstOrThrow();
    const keusote = await orgId(t, 'keusote');
    const bad = await t.call('POST', `/api/v1/relationships/${rel.id}/end`, { cookie: valmentaja, body: { finalEvaluation: 'Hyvä' } });
    expect(bad.statusCode).toBe(400);
    expect((await t.call('POST', `/api/v1/relationships/${rel.id}/end`, {
      cookie: ohjaaja,
      body: { finalEvaluation: 'Tavoite saavutettu', continuationPlan: { howClientManages: 'Työssä', whomToContact: 'Ohjaamo' } },
    })).statusCode).toBe(404);
    const res = await t.call('POST', `/api/v1/relationships/${rel.id}/end`, {
      cookie: valmentaja,
      body: {
        finalEvaluation: 'Tavoite saavutettu: asiakas aloitti työn.', clientFeedback: 'Sain apua ajoissa.', workerFeedback: 'Sitoutunut asiakas.',
        continuationPlan: { howClientManages: 'Käy töissä ja harrastaa.', whomToContact: 'Ohjaamo, puh. 09 000', followUpDate: '2027-03-01' },
        informedOrganizationIds: [keusote],
      },
    });
    expect(res.statusCode).toBe(201);
    const ended = await t.db.selectFrom('client_relationships').select('ended_at').where('id', '=', rel.id).executeTakeFirstOrThrow();
    expect(ended.ended_at).not.toBeNull();
    const ev = await t.db.selectFrom('path_events').select(['description', 'sectors']).where('client_id', '=', clientId).where('kind', '=', 'ending').executeTakeFirstOrThrow();
    expect(ev.description).toContain('Ohjaamo');
    expect([...ev.sectors].sort()).toEqual(['municipality', 'wellbeing-county']);
    expect((await t.call('POST', `/api/v1/relationships/${rel.id}/end`, {
      cookie: valmentaja, body: { finalEvaluation: 'Uudestaan', continuationPlan: { howClientManages: 'Hyvin', whomToContact: 'Ohjaamo' } },
    })).statusCode).toBe(404); // the relationship has ended: no access any more
  });
});

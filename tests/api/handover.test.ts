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

  /** A handover of the client from Keusote (ohjaaja) to the employment area, with the meeting held and the receiver's acceptance. */
  async function readyHandover(clientId: string) {
    await makeConsent(t, ohjaaja, clientId, [tyollisyysalue], ['contact', 'plan']);
    const serviceId = await serviceOf(t, 'tyollisyysalue');
    const start = await t.call('POST', `/api/v1/clients/${clientId}/handovers`, {
      cookie: ohjaaja, body: { serviceId, reason: 'Tuki jatkuu työllisyyspalveluissa', summary: 'Asiakas toivoo yhteydenottoa puhelimella aamupäivisin.' },
    });
    expect(start.statusCode).toBe(201);
    const { id, referralId } = start.json() as { id: string; referralId: string };
    expect((await setStatus(t, valmentaja, referralId, 'received')).statusCode).toBe(200);
    return { id, referralId, accept: () => setStatus(t, valmentaja, referralId, 'accepted'),
      meet: () => t.call('POST', `/api/v1/handovers/${id}/joint-meeting`, { cookie: valmentaja, body: { at: new Date().toISOString(), held: true } }) };
  }

  it('Oma polku: the client sees a pending handover in plain terms and confirms it through /me/handovers (only when ready, only their own)', async () => {
    const anni = await t.login('anni');
    const anniId = (await t.call('GET', '/api/v1/me', { cookie: anni })).json().me.clientId as string;
    const h = await readyHandover(anniId);
    const listed = await t.call('GET', '/api/v1/me/handovers', { cookie: anni });
    expect(listed.statusCode).toBe(200);
    const pending = (listed.json().items as { id: string }[]).find((i) => i.id === h.id);
    expect(pending).toMatchObject({ status: 'open', canConfirm: false, toOrganization: expect.any(String), fromOrganization: expect.any(String) });
    // Not ready yet: 409 in the client's language, nothing changes.
    const early = await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm`, { cookie: anni, lang: 'sv' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/gemensamma mötet/);
    expect((await h.accept()).statusCode).toBe(200);
    expect((await h.meet()).statusCode).toBe(200);
    const ready = (await t.call('GET', '/api/v1/me/handovers', { cookie: anni })).json().items.find((i: { id: string }) => i.id === h.id);
    expect(ready).toMatchObject({ canConfirm: true, missingSteps: ['client-confirmation'], fromWorker: expect.any(String), toWorker: 'Ville Valmentaja' });
    // Another client cannot confirm it: 404 like a missing record, and it stays open.
    const eero = await t.login('eero');
    expect((await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm`, { cookie: eero })).statusCode).toBe(404);
    expect((await t.db.selectFrom('handovers').select('status').where('id', '=', h.id).executeTakeFirstOrThrow()).status).toBe('open');
    // Professionals use their own route, not the portal's.
    expect((await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm`, { cookie: ohjaaja })).statusCode).toBe(403);
    const done = await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm`, { cookie: anni });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: h.id, status: 'completed', clientConfirmedAt: expect.any(String), canConfirm: false });
    const row = await t.db.selectFrom('handovers').select(['client_confirmed_how', 'status']).where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ client_confirmed_how: 'portal', status: 'completed' });
    const rels = await t.db.selectFrom('client_relationships').select('organization_id').where('client_id', '=', anniId).where('ended_at', 'is', null).execute();
    expect(rels.map((r) => r.organization_id)).toContain(tyollisyysalue);
    const audit = await t.db.selectFrom('audit_log').select(['basis', 'allowed']).where('client_id', '=', anniId).where('action', '=', 'handover.confirm').execute();
    expect(audit).toContainEqual({ basis: 'self', allowed: true });
    expect((await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm`, { cookie: anni })).statusCode).toBe(409);
  });

  it('Oma polku: a guardian confirms the handover of their under-18 child (audited on the guardian basis)', async () => {
    const huoltaja = await t.login('huoltaja');
    const guardianClientId = (await t.call('GET', '/api/v1/me', { cookie: huoltaja })).json().me.clientId as string;
    const made = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Lapsi', lastName: 'Siirtonen', birthDate: '2013-05-04' } });
    expect(made.statusCode).toBe(201);
    const childId = made.json().id as string;
    const child = await t.db.selectFrom('clients').select(['organization_id', 'county_code']).where('id', '=', childId).executeTakeFirstOrThrow();
    await t.db.insertInto('client_close_ones').values({
      client_id: childId, county_code: child.county_code, organization_id: child.organization_id, name: 'Huoltaja', relation: 'huoltaja', is_guardian: true, related_client_id: guardianClientId,
    }).execute();
    const h = await readyHandover(childId);
    expect((await h.accept()).statusCode).toBe(200);
    expect((await h.meet()).statusCode).toBe(200);
    const anni = await t.login('anni');
    expect((await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm?clientId=${childId}`, { cookie: anni })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm`, { cookie: huoltaja })).statusCode).toBe(404); // not the guardian's own
    const listed = await t.call('GET', `/api/v1/me/handovers?clientId=${childId}`, { cookie: huoltaja });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(h.id);
    const done = await t.call('POST', `/api/v1/me/handovers/${h.id}/confirm?clientId=${childId}`, { cookie: huoltaja });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('completed');
    const audit = await t.db.selectFrom('audit_log').select('basis').where('client_id', '=', childId).where('action', '=', 'handover.confirm').where('allowed', '=', true).execute();
    expect(audit.map((a) => a.basis)).toEqual(['guardian']);
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

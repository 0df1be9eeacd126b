import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { nextStatuses, REFERRAL_STATUSES, STATUS_SETTER, findStuckReferrals, type ReferralStatus } from '../../src/domain/referrals/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeClient, makeConsent, makeReferral, orgId, serviceOf, setStatus } from './referrals.fixtures.js';

let t: TestApp;
let sender: string; // ohjaaja, Keusote
let receiver: string; // jarjesto, Lähitori (NGO)
let lahitori: string;
let lahitoriService: string;

beforeAll(async () => {
  t = await createTestApp();
  sender = await t.login('ohjaaja');
  receiver = await t.login('jarjesto');
  lahitori = await orgId(t, 'lahitori');
  lahitoriService = await serviceOf(t, 'lahitori');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A client of Keusote with a consent covering Lähitori. */
async function consentedClient(categories: string[] = ['contact', 'plan']) {
  const clientId = await makeClient(t, sender);
  const consentId = await makeConsent(t, sender, clientId, [lahitori], categories);
  return { clientId, consentId };
}

/** The path of statuses (and who sets each) that brings a new referral to `target`. */
const PATH_TO: Record<ReferralStatus, ReferralStatus[]> = {
  draft: [],
  requested: [],
  received: ['received'],
  accepted: ['received', 'accepted'],
  rejected: ['received', 'rejected'],
  'in-progress': ['received', 'accepted', 'in-progress'],
  'on-hold': ['received', 'accepted', 'in-progress', 'on-hold'],
  completed: ['received', 'accepted', 'in-progress', 'completed'],
  failed: ['received', 'accepted', 'in-progress', 'failed'],
  cancelled: ['cancelled'],
};
const cookieFor = (s: ReferralStatus) => (STATUS_SETTER[s] === 'sender' ? sender : receiver);
const otherCookie = (s: ReferralStatus) => (STATUS_SETTER[s] === 'sender' ? receiver : sender);
const reasonFor = (s: ReferralStatus) => (s === 'rejected' || s === 'failed' ? 'Ei tilaa ryhmässä' : undefined);

async function referralIn(status: ReferralStatus, clientId: string) {
  const id = await makeReferral(t, sender, clientId, lahitoriService, status === 'draft' ? { draft: true } : {});
  for (const s of PATH_TO[status]) {
    const res = await setStatus(t, cookieFor(s), id, s, reasonFor(s));
    if (res.statusCode !== 200) throw new Error(`${s}: ${res.statusCode} ${res.body}`);
  }
  return id;
}

describe(`referrals on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('refuses a referral without consent with 409 consent_required, and sends one with consent', async () => {
    const clientId = await makeClient(t, sender);
    const refused = await t.call('POST', '/api/v1/referrals', { cookie: sender, body: { clientId, serviceId: lahitoriService, reason: 'Yksinäisyys' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('consent_required');
    await makeConsent(t, sender, clientId, [lahitori]);
    const created = await t.call('POST', '/api/v1/referrals', { cookie: sender, body: { clientId, serviceId: lahitoriService, reason: 'Yksinäisyys' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(String), status: 'requested' });
  });

  it('sends only consented categories: asking for more is consent_required', async () => {
    const { clientId } = await consentedClient(['contact']);
    const res = await t.call('POST', '/api/v1/referrals', {
      cookie: sender,
      body: { clientId, serviceId: lahitoriService, reason: 'Tuki', sharedCategories: ['contact', 'health'] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'consent_required' });
  });

  it('allows every transition of the machine by the right side and refuses it to the other side with 403', async () => {
    const { clientId } = await consentedClient();
    for (const from of REFERRAL_STATUSES) {
      for (const to of nextStatuses(from)) {
        const id = await referralIn(from, clientId);
        const wrong = await setStatus(t, otherCookie(to), id, to, reasonFor(to));
        // A draft has not been sent: the receiver does not even see it.
        const hidden = from === 'draft' && STATUS_SETTER[to] === 'sender';
        expect(wrong.statusCode, `${from} → ${to} by the other side`).toBe(hidden ? 404 : 403);
        const right = await setStatus(t, cookieFor(to), id, to, reasonFor(to));
        expect(right.statusCode, `${from} → ${to}: ${right.body}`).toBe(200);
        expect(right.json()).toEqual({ id, status: to });
      }
    }
  }, 180_000);

  it('refuses every move the machine does not allow with 409 invalid_transition', async () => {
    const { clientId } = await consentedClient();
    for (const from of REFERRAL_STATUSES) {
      const id = await referralIn(from, clientId);
      for (const to of REFERRAL_STATUSES) {
        if (nextStatuses(from).includes(to)) continue;
        const res = await setStatus(t, cookieFor(to), id, to, 'syy');
        // After a terminal status the receiver has lost access to the client: that is 404, never a change.
        // A draft is invisible to the receiver until sent.
        const hidden = ['cancelled', 'rejected', 'completed', 'failed'].includes(from) || (from === 'draft' && STATUS_SETTER[to] === 'receiver');
        const expected = hidden ? [404, 409] : [409];
        expect(expected, `${from} → ${to}: ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 409) expect(res.json().error.code).toBe('invalid_transition');
      }
    }
  }, 180_000);

  it('needs a reason for rejected and failed', async () => {
    const { clientId } = await consentedClient();
    const id = await referralIn('received', clientId);
    const res = await setStatus(t, receiver, id, 'rejected');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('reason_required');
    expect((await setStatus(t, receiver, id, 'rejected', 'Asiakas ei täytä ehtoja')).statusCode).toBe(200);
  });

  it('lets each role act only as its organisation’s side (every role)', async () => {
    const { clientId } = await consentedClient();
    const expected: Record<string, number> = {
      ohjaaja: 403, sosiaalityo: 403, sosiaaliohjaaja: 403, asiakasvastaava: 403, tyokyky: 403, terveydenhoitaja: 403, kuraattori: 403, // sender side
      esihenkilo: 404, // managers see no client records
      admin: 403, eero: 403, // not professionals
      valmentaja: 404, opettaja: 404, nuoriso: 404, kriisi: 404, kela: 404, // not a party
      jarjesto: 200, // the receiver
    };
    for (const [username, status] of Object.entries(expected)) {
      const id = await makeReferral(t, sender, clientId, lahitoriService);
      const res = await setStatus(t, await t.login(username), id, 'received');
      expect(res.statusCode, `${username}: ${res.body}`).toBe(status);
    }
  }, 120_000);

  it('shows inboxes with action needed, history, and writes every change to the path with both sectors', async () => {
    const { clientId } = await consentedClient();
    const id = await makeReferral(t, sender, clientId, lahitoriService);
    const incoming = (await t.call('GET', '/api/v1/referrals?box=incoming', { cookie: receiver })).json().items;
    expect(incoming.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'requested', actionNeeded: 'receive', clientId });
    const outgoing = (await t.call('GET', '/api/v1/referrals?box=outgoing', { cookie: sender })).json().items;
    expect(outgoing.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'requested', actionNeeded: null });
    await setStatus(t, receiver, id, 'received');
    const needed = (await t.call('GET', '/api/v1/referrals?box=incoming&actionNeeded=true', { cookie: receiver })).json().items;
    expect(needed.find((r: { id: string }) => r.id === id)).toMatchObject({ actionNeeded: 'decide' });
    const detail = (await t.call('GET', `/api/v1/referrals/${id}`, { cookie: receiver })).json();
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['requested', 'received']);
    expect(detail.allowedStatuses).toEqual(['accepted', 'rejected']);
    const events = await t.db.selectFrom('path_events').select(['kind', 'sectors']).where('ref_id', '=', id).execute();
    expect(events).toHaveLength(2);
    for (const e of events) expect([...e.sectors].sort()).toEqual(['ngo', 'wellbeing-county']);
  });

  it('gives the receiver only the consented categories and nothing after revocation (mid-referral)', async () => {
    const { clientId, consentId } = await consentedClient(['contact', 'plan']);
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: receiver })).statusCode).toBe(404); // consent alone is not enough
    const id = await referralIn('in-progress', clientId);
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: receiver })).statusCode).toBe(200); // contact: consented
    expect((await t.call('GET', `/api/v1/clients/${clientId}/concerns`, { cookie: receiver })).statusCode).toBe(404); // social: not consented
    const revoked = await t.call('POST', `/api/v1/consents/${consentId}/revoke`, { cookie: sender, body: { reason: 'Asiakas perui' } });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().cancelledReferralIds).toEqual([id]);
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: receiver })).statusCode).toBe(404);
    const detail = (await t.call('GET', `/api/v1/referrals/${id}`, { cookie: sender })).json();
    expect(detail).toMatchObject({ status: 'cancelled', statusReason: 'Asiakas perui suostumuksen' });
    const inbox = (await t.call('GET', '/api/v1/referrals?box=incoming', { cookie: receiver })).json().items;
    expect(inbox.find((r: { id: string }) => r.id === id)).toMatchObject({ status: 'cancelled', clientName: null });
    const refused = await t.db.selectFrom('audit_log').select(['allowed']).where('client_id', '=', clientId).where('allowed', '=', false).execute();
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it('prints or records a referral to a provider that does not use Polku, and the sender records the answer', async () => {
    const clientId = await makeClient(t, sender, 'Ulkoinen');
    const fysio = await orgId(t, 'fysio');
    await makeConsent(t, sender, clientId, [fysio], ['contact', 'plan']);
    const id = await makeReferral(t, sender, clientId, await serviceOf(t, 'fysio'));
    const detail = (await t.call('GET', `/api/v1/referrals/${id}`, { cookie: sender })).json();
    expect(detail).toMatchObject({ outsideSystem: true, toOrganization: { usesPolku: false }, sides: ['sender', 'receiver'] });
    const print = await t.call('GET', `/api/v1/referrals/${id}/print`, { cookie: sender });
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('Ulkoinen');
    expect((await t.call('POST', `/api/v1/referrals/${id}/outside`, { cookie: sender, body: { note: 'Lähetetty postitse 22.11.' } })).statusCode).toBe(200);
    expect((await setStatus(t, sender, id, 'received')).statusCode).toBe(200);
    // A referral inside Polku is never recorded as made outside.
    const inside = await referralIn('requested', (await consentedClient()).clientId);
    expect((await t.call('POST', `/api/v1/referrals/${inside}/outside`, { cookie: sender, body: { note: 'postitse' } })).statusCode).toBe(409);
  });

  it('finds referrals stuck past the configured time limits', async () => {
    const { clientId } = await consentedClient();
    const id = await makeReferral(t, sender, clientId, lahitoriService);
    const now = new Date();
    await sql`UPDATE referrals SET status_changed_at = ${new Date(now.getTime() - 4 * 86_400_000)} WHERE id = ${id}`.execute(t.db);
    expect((await findStuckReferrals(t.db, now)).find((s) => s.id === id)).toMatchObject({ reason: 'not-received', days: 4 });
    const manager = await t.login('esihenkilo');
    const admin = await t.login('admin');
    expect((await t.call('PUT', '/api/v1/referrals/time-limits', { cookie: admin, body: { notReceivedDays: 10, notAcceptedDays: 14 } })).statusCode).toBe(200);
    expect((await findStuckReferrals(t.db, now)).find((s) => s.id === id)).toBeUndefined();
    expect((await t.call('PUT', '/api/v1/referrals/time-limits', { cookie: sender, body: { notReceivedDays: 1, notAcceptedDays: 1 } })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/referrals/time-limits', { cookie: sender })).json()).toEqual({ notReceivedDays: 10, notAcceptedDays: 14 });
    expect(manager).toBeTruthy();
    const outgoing = (await t.call('GET', '/api/v1/referrals?box=outgoing', { cookie: sender })).json().items;
    expect(outgoing.find((r: { id: string }) => r.id === id)).toMatchObject({ stuck: null });
  });

  it('loads the demo referrals with their status history', async () => {
    const count = await t.db.selectFrom('referrals').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(5);
    const valmentaja = await t.login('valmentaja');
    const outgoing = (await t.call('GET', '/api/v1/referrals?box=outgoing', { cookie: valmentaja })).json().items;
    expect(outgoing.length).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeClient, makeConsent, orgId } from './referrals.fixtures.js';

let t: TestApp;
let ohjaaja: string;
let kela: string;
let kelaOrg: string;

beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
  kela = await t.login('kela');
  kelaOrg = await orgId(t, 'kela');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe(`consents and access on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('records a consent (201 {id}) and lists it with its history', async () => {
    const clientId = await makeClient(t, ohjaaja);
    const res = await t.call('POST', `/api/v1/clients/${clientId}/consents`, {
      cookie: ohjaaja,
      body: { recipientOrganizationIds: [kelaOrg], purpose: 'Kuntoutuksen arviointi', dataCategories: ['contact', 'benefits'], validUntil: '2030-01-01', givenBy: 'guardian', givenByName: 'Maija Huoltaja', method: 'oral' },
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).toEqual(['id']);
    const list = (await t.call('GET', `/api/v1/clients/${clientId}/consents`, { cookie: ohjaaja })).json();
    expect(list.items[0]).toMatchObject({
      id: res.json().id, basis: 'consent', state: 'active', givenBy: 'guardian', method: 'oral', dataCategories: ['contact', 'benefits'],
      recipients: [{ id: kelaOrg, name: expect.any(String), sector: 'kela' }], history: [{ kind: 'given' }],
    });
  });

  it('answers bad input with 400 in the user’s language and writes nothing', async () => {
    const clientId = await makeClient(t, ohjaaja);
    const noRecipient = await t.call('POST', `/api/v1/clients/${clientId}/consents`, {
      cookie: ohjaaja, lang: 'sv', body: { recipientOrganizationIds: [], purpose: 'Syy', dataCategories: ['plan'], givenBy: 'client', method: 'written' },
    });
    expect(noRecipient.statusCode).toBe(400);
    expect(noRecipient.json().error.message).toMatch(/recipientOrganizationIds/);
    const badPeriod = await t.call('POST', `/api/v1/clients/${clientId}/consents`, {
      cookie: ohjaaja, body: { recipientOrganizationIds: [kelaOrg], purpose: 'Syy', dataCategories: ['plan'], givenBy: 'client', method: 'written', validFrom: '2026-05-01', validUntil: '2026-01-01' },
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.code).toBe('invalid_period');
    expect((await t.call('GET', `/api/v1/clients/${clientId}/consents`, { cookie: ohjaaja })).json().items).toEqual([]);
  });

  it('revokes (200), keeps history, and refuses a second revocation', async () => {
    const clientId = await makeClient(t, ohjaaja);
    const id = await makeConsent(t, ohjaaja, clientId, [kelaOrg]);
    const res = await t.call('POST', `/api/v1/consents/${id}/revoke`, { cookie: ohjaaja, body: { reason: 'Asiakas peruu' } });
    expect(res.statusCode).toBe(200);
    expect((await t.call('POST', `/api/v1/consents/${id}/revoke`, { cookie: ohjaaja, body: {} })).statusCode).toBe(400);
    const item = (await t.call('GET', `/api/v1/clients/${clientId}/consents`, { cookie: ohjaaja })).json().items[0];
    expect(item).toMatchObject({ state: 'revoked', revokeReason: 'Asiakas peruu' });
    expect(item.history.map((h: { kind: string }) => h.kind)).toEqual(['given', 'revoked']);
  });

  it('lets only the relationship holder or the client manage consents; others get 404', async () => {
    const clientId = await makeClient(t, ohjaaja);
    const id = await makeConsent(t, ohjaaja, clientId, [kelaOrg]);
    expect((await t.call('POST', `/api/v1/consents/${id}/revoke`, { cookie: kela, body: {} })).statusCode).toBe(404);
    const create = await t.call('POST', `/api/v1/clients/${clientId}/consents`, {
      cookie: kela, body: { recipientOrganizationIds: [kelaOrg], purpose: 'Itselle', dataCategories: ['health'], givenBy: 'client', method: 'oral' },
    });
    expect(create.statusCode).toBe(404);
  });

  it('lets the client give a consent in the portal, always as electronic and by themself', async () => {
    const eero = await t.login('eero');
    const me = (await t.call('GET', '/api/v1/auth/me', { cookie: eero })).json();
    const clientId = me.clientId ?? (await t.db.selectFrom('users').select('client_id').where('username', '=', 'eero').executeTakeFirstOrThrow()).client_id;
    const res = await t.call('POST', `/api/v1/clients/${clientId}/consents`, {
      cookie: eero, body: { recipientSectors: ['ngo'], purpose: 'Vertaistuki', dataCategories: ['contact'], givenBy: 'guardian', method: 'written' },
    });
    expect(res.statusCode).toBe(201);
    const row = await t.db.selectFrom('consents').select(['given_by', 'method']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ given_by: 'client', method: 'electronic' });
  });

  it('grants access on a recorded statutory basis, limited to its categories, audited with that basis', async () => {
    const clientId = await makeClient(t, ohjaaja);
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: kela })).statusCode).toBe(404);
    const res = await t.call('POST', `/api/v1/clients/${clientId}/statutory-bases`, {
      cookie: ohjaaja, body: { statutoryBasis: 'shl-35', recipientOrganizationIds: [kelaOrg], purpose: 'Yhteydenotto ilman suostumusta', dataCategories: ['contact'] },
    });
    expect(res.statusCode).toBe(201);
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: kela })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/clients/${clientId}/concerns`, { cookie: kela })).statusCode).toBe(404); // social: not covered
    const audit = await t.db.selectFrom('audit_log').select(['basis']).where('client_id', '=', clientId).where('allowed', '=', true).where('action', '=', 'client.read').execute();
    expect(audit.map((a) => a.basis)).toContain('statutory:shl-35');
  });

  it('emergency access needs a reason, is time-limited, audited as emergency and listed for review', async () => {
    const valmentaja = await t.login('valmentaja');
    const clientId = await makeClient(t, valmentaja); // a client of the employment area only
    const nurse = await t.login('terveydenhoitaja'); // Keusote
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: nurse })).statusCode).toBe(404);
    const short = await t.call('POST', `/api/v1/clients/${clientId}/emergency-access`, { cookie: nurse, body: { reason: 'kiire' } });
    expect(short.statusCode).toBe(400);
    const res = await t.call('POST', `/api/v1/clients/${clientId}/emergency-access`, { cookie: nurse, body: { reason: 'Asiakas toimitettu päivystykseen, tarvitaan yhteystiedot' } });
    expect(res.statusCode).toBe(201);
    expect(new Date(res.json().expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: nurse })).statusCode).toBe(200);
    const bases = await t.db.selectFrom('audit_log').select('basis').where('client_id', '=', clientId).where('allowed', '=', true).execute();
    expect(bases.map((b) => b.basis)).toContain('emergency');
    const manager = await t.login('esihenkilo');
    const review = (await t.call('GET', '/api/v1/emergency-access', { cookie: manager })).json().items;
    const mine = review.find((r: { clientId: string }) => r.clientId === clientId);
    expect(mine).toMatchObject({ user: 'Helmi Terveydenhoitaja', reviewedAt: null });
    expect((await t.call('POST', `/api/v1/emergency-access/${mine.id}/review`, { cookie: manager, body: { note: 'Perusteltu' } })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/emergency-access', { cookie: nurse })).statusCode).toBe(403);
    // Unknown client: 404, and the refused attempt is logged.
    const ghost = await t.call('POST', '/api/v1/clients/00000000-0000-4000-8000-000000000000/emergency-access', { cookie: nurse, body: { reason: 'Tarvitaan heti tiedot' } });
    expect(ghost.statusCode).toBe(404);
  });

  it('shows the access log to those who may see the client, including refused attempts', async () => {
    const clientId = await makeClient(t, ohjaaja);
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie: kela })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/clients/${clientId}/access-log`, { cookie: kela })).statusCode).toBe(404);
    const res = await t.call('GET', `/api/v1/clients/${clientId}/access-log`, { cookie: ohjaaja });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { user: string; organization: string; action: string; basis: string | null; allowed: boolean }[];
    expect(items.find((i) => !i.allowed && i.action === 'client.read')).toMatchObject({ user: 'Kirsi Kela', basis: null });
    expect(items.some((i) => i.allowed && i.basis === 'client-relationship')).toBe(true);
    expect(Object.keys(items[0]!).sort()).toEqual(['action', 'allowed', 'at', 'basis', 'organization', 'user']);
  });

  it('loads demo consents of the seed clients', async () => {
    const rows = await t.db.selectFrom('consents').select('client_id').where('recorded_by', 'is not', null).execute();
    expect(new Set(rows.map((r) => r.client_id)).size).toBeGreaterThanOrEqual(5);
  });
});

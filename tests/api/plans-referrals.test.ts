import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contracts/plans.contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeClient, makeConsent, makeReferral, orgId, serviceOf, setStatus } from './referrals.fixtures.js';

/** Issues 5–6: a referral's outcome lands on the plan, the PDF referral, the worker list for relationships. */
let t: TestApp;
let sender: string; // ohjaaja, Keusote
let receiver: string; // jarjesto, Lähitori (NGO)
let outsider: string; // valmentaja, employment area: no part in these referrals
let keusote: string;
let lahitori: string;
let lahitoriService: string;

beforeAll(async () => {
  t = await createTestApp();
  [sender, receiver, outsider] = [await t.login('ohjaaja'), await t.login('jarjesto'), await t.login('valmentaja')];
  keusote = await orgId(t, 'keusote');
  lahitori = await orgId(t, 'lahitori');
  lahitoriService = await serviceOf(t, 'lahitori');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A Keusote client with a consent covering Lähitori, a plan with one action, and a referral made from it. */
async function referralFromPlanAction() {
  const clientId = await makeClient(t, sender, 'Suunnitelmallinen');
  await makeConsent(t, sender, clientId, [lahitori], ['contact', 'plan']);
  const created = await t.call('POST', `/api/v1/clients/${clientId}/plan`, {
    cookie: sender,
    body: { actions: [{ title: 'Vertaisryhmä yksinäisyyteen', responsible: { kind: 'organization', organizationId: keusote }, status: 'in-progress' }] },
  });
  expect(created.statusCode).toBe(201);
  const plan = created.json() as Plan;
  const referralId = await makeReferral(t, sender, clientId, lahitoriService, { planActionId: plan.actions[0]!.id });
  return { clientId, plan, referralId };
}

async function bringTo(id: string, statuses: string[], reason?: string) {
  for (const s of statuses) {
    const res = await setStatus(t, receiver, id, s, s === statuses.at(-1) ? reason : undefined);
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe(`plan, referral outcome and relationships on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('writes a completed referral onto the plan action it came from, as a new version by the receiver', async () => {
    const { clientId, plan, referralId } = await referralFromPlanAction();
    await bringTo(referralId, ['received', 'accepted', 'in-progress', 'completed'], 'Kävi ryhmässä kahdeksan kertaa');
    const after = (await t.call('GET', `/api/v1/clients/${clientId}/plan`, { cookie: sender })).json() as Plan;
    expect(after.version).toBe(plan.version + 1);
    expect(after.actions[0]).toMatchObject({ id: plan.actions[0]!.id, status: 'done' });
    expect(after.actions[0]!.outcome).toContain('Kävi ryhmässä kahdeksan kertaa');
    expect(after.actions[0]!.outcome).toContain('Lähitori');
    const versions = (await t.call('GET', `/api/v1/clients/${clientId}/plan/versions`, { cookie: sender })).json().items;
    expect(versions[0]).toMatchObject({ version: after.version, changedBy: 'Leena Lähitori', changes: ['actions'] });
    // The path keeps its step too.
    const path = await t.db.selectFrom('path_events').select('description').where('client_id', '=', clientId).where('kind', '=', 'referral-status').execute();
    expect(path.some((p) => p.description?.includes('Vertaisryhmä yksinäisyyteen'))).toBe(true);
  });

  it('marks the action not done when the service failed, and keeps the outcome through a later edit', async () => {
    const { clientId, plan, referralId } = await referralFromPlanAction();
    await bringTo(referralId, ['received', 'accepted', 'in-progress', 'failed'], 'Asiakas lopetti');
    const after = (await t.call('GET', `/api/v1/clients/${clientId}/plan`, { cookie: sender })).json() as Plan;
    expect(after.actions[0]).toMatchObject({ status: 'not-done', outcome: expect.stringContaining('Asiakas lopetti') });
    // An ordinary edit sends the action back with its outcome; the outcome stays.
    const { id, title, responsible, status, indicator, outcome } = after.actions[0]!;
    const edited = await t.call('PUT', `/api/v1/clients/${clientId}/plan`, {
      cookie: sender,
      body: { version: after.version, situationSummary: 'Uusi tilanne', actions: [{ id, title, status, indicator, outcome, responsible: { kind: 'organization', organizationId: responsible.organizationId } }] },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as Plan).actions[0]!.outcome).toBe(outcome);
    expect((edited.json() as Plan).version).toBe(plan.version + 2);
  });

  it('leaves the plan alone while the referral is only on its way', async () => {
    const { clientId, plan, referralId } = await referralFromPlanAction();
    await bringTo(referralId, ['received', 'accepted']);
    const after = (await t.call('GET', `/api/v1/clients/${clientId}/plan`, { cookie: sender })).json() as Plan;
    expect(after.version).toBe(plan.version);
    expect(after.actions[0]).toMatchObject({ status: 'in-progress', outcome: null });
  });

  it('prints the referral as a PDF in fi, sv and en for the parties only', async () => {
    const clientId = await makeClient(t, sender, 'Paperinen');
    const fysio = await orgId(t, 'fysio');
    await makeConsent(t, sender, clientId, [fysio], ['contact', 'plan']);
    const id = await makeReferral(t, sender, clientId, await serviceOf(t, 'fysio'));
    for (const lang of ['fi', 'sv', 'en']) {
      const pdf = await t.call('GET', `/api/v1/referrals/${id}/print.pdf?lang=${lang}`, { cookie: sender });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.headers['content-disposition']).toContain(`-${lang}.pdf`);
    }
    const sv = await t.call('GET', `/api/v1/referrals/${id}/print`, { cookie: sender, lang: 'sv' });
    expect(sv.body).toContain('Remiss / begäran om tjänst');
    expect(sv.body).toContain('Paperinen');
    expect((await t.call('GET', `/api/v1/referrals/${id}/print.pdf`, { cookie: outsider })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/referrals/${id}/print.pdf?lang=de`, { cookie: sender })).statusCode).toBe(400);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'allowed']).where('client_id', '=', clientId).where('action', '=', 'referral.print.pdf').execute();
    expect(audit.map((a) => a.allowed)).toEqual(expect.arrayContaining([true, false]));
  });

  it("lists only the caller's own organisation's workers for naming a responsible worker", async () => {
    const res = await t.call('GET', '/api/v1/relationships/workers', { cookie: sender });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((w: { name: string }) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Olli Ohjaaja', 'Sanna Sosiaalityöntekijä']));
    expect(names).not.toContain('Ville Valmentaja');
    expect(names).not.toContain('Eija Esihenkilö'); // managers are not named responsible workers
    const client = await t.login('anni');
    expect((await t.call('GET', '/api/v1/relationships/workers', { cookie: client })).statusCode).toBe(403);
  });

  it('lets a teacher read the plan but not change it: 403 plan_read_only in the asked language, nothing written', async () => {
    const { clientId, plan } = await referralFromPlanAction();
    const teacher = await t.login('opettaja');
    // The teacher's only way in here is emergency access; it grants reading, not the editor's role.
    expect((await t.call('POST', `/api/v1/clients/${clientId}/emergency-access`, { cookie: teacher, body: { reason: 'Oppilas kertoi kriisistä, tarvitsen yhteystiedot.' } })).statusCode).toBe(201);
    expect((await t.call('GET', `/api/v1/clients/${clientId}/plan`, { cookie: teacher })).statusCode).toBe(200);
    const refused = await t.call('PUT', `/api/v1/clients/${clientId}/plan`, { cookie: teacher, lang: 'sv', body: { version: plan.version, situationSummary: 'Muutos' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'plan_read_only', message: 'Du kan läsa planen men inte ändra den.' });
    const status = await t.call('PATCH', `/api/v1/clients/${clientId}/plan/actions/${plan.actions[0]!.id}`, { cookie: teacher, body: { version: plan.version, status: 'done' } });
    expect(status.statusCode).toBe(403);
    const after = (await t.call('GET', `/api/v1/clients/${clientId}/plan`, { cookie: sender })).json() as Plan;
    expect(after).toMatchObject({ version: plan.version, situationSummary: '' });
  });

  it('refuses a client who tries to change the plan', async () => {
    const { clientId } = await referralFromPlanAction();
    const refused = await t.call('PUT', `/api/v1/clients/${clientId}/plan`, { cookie: await t.login('anni'), lang: 'sv', body: { version: 1 } });
    expect(refused.statusCode).toBe(403);
  });
});

import { finnishCalendarDate } from '../../src/domain/shared/calendar.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const today = finnishCalendarDate();

describe(`quality-criteria feedback on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it("gives each respondent group only its own items, in the reader's language", async () => {
    const client = (await t.call('GET', '/api/v1/feedback/questionnaires', { cookie: await t.login('anni'), lang: 'en' })).json();
    expect(client.respondent).toBe('client');
    expect(client.scale[4].label).toBe('Achieved very well');
    const ids = client.questionnaires.flatMap((q: { groups: { items: { id: string }[] }[] }) => q.groups.flatMap((g) => g.items.map((i) => i.id)));
    expect(ids.length).toBeGreaterThan(0);
    const manager = (await t.call('GET', '/api/v1/feedback/questionnaires', { cookie: await t.login('esihenkilo') })).json();
    expect(manager.respondent).toBe('manager');
    const managerIds = manager.questionnaires.flatMap((q: { groups: { items: { id: string }[] }[] }) => q.groups.flatMap((g) => g.items.map((i) => i.id)));
    expect(managerIds.some((id: string) => ids.includes(id))).toBe(false);
  });

  it('validates answers: wrong rating or another group\'s item is a 400 naming the item', async () => {
    const cookie = await t.login('ohjaaja');
    const qs = (await t.call('GET', '/api/v1/feedback/questionnaires', { cookie })).json();
    const own = qs.questionnaires[0].groups[0].items[0].id;
    const bad = await t.call('POST', '/api/v1/feedback/responses', { cookie, body: { questionnaireId: qs.questionnaires[0].id, answers: { [own]: 6 } }, lang: 'fi' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain(own);
    const clientItem = 'preventive.encounter.1';
    const wrong = await t.call('POST', '/api/v1/feedback/responses', { cookie, body: { questionnaireId: 'preventive', answers: { [clientItem]: 4 } } });
    expect(wrong.statusCode).toBe(400);
    const empty = await t.call('POST', '/api/v1/feedback/responses', { cookie, body: { questionnaireId: 'preventive', answers: {} } });
    expect(empty.statusCode).toBe(400);
  });

  it('lets a client answer an invitation after a held meeting once, and not without one', async () => {
    const anni = await t.login('anni');
    const anniId = (await t.call('GET', '/api/v1/me', { cookie: anni })).json().me.clientId;
    const keusote = await t.db.selectFrom('organizations').select(['id', 'county_code']).where('key', '=', 'keusote').executeTakeFirstOrThrow();
    const meeting = await t.db.insertInto('meetings').values({
      county_code: keusote.county_code, organization_id: keusote.id, client_id: anniId,
      starts_at: new Date(Date.now() - 2 * 86_400_000), status: 'held', place: 'Järvenpään terveysasema', network_map: '[]',
    }).returning('id').executeTakeFirstOrThrow();
    const invitations = (await t.call('GET', '/api/v1/feedback/invitations', { cookie: anni })).json().items;
    const invitation = invitations.find((i: { id: string }) => i.id === meeting.id);
    expect(invitation).toBeTruthy();
    const qs = (await t.call('GET', '/api/v1/feedback/questionnaires', { cookie: anni })).json();
    const q = qs.questionnaires.find((x: { id: string }) => x.id === invitation.questionnaireId);
    const answers = Object.fromEntries(q.groups[0].items.map((i: { id: string }) => [i.id, 4]));
    const none = await t.call('POST', '/api/v1/feedback/responses', { cookie: anni, body: { questionnaireId: q.id, answers } });
    expect(none.statusCode).toBe(400);
    const body = { questionnaireId: q.id, answers, invitation: { type: 'meeting', id: meeting.id } };
    const ok = await t.call('POST', '/api/v1/feedback/responses', { cookie: anni, body });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ received: true, answered: Object.keys(answers).length });
    expect((await t.call('POST', '/api/v1/feedback/responses', { cookie: anni, body })).statusCode).toBe(409);
    // The answers carry no person: the response row has no client or user column at all.
    const row = await t.db.selectFrom('feedback_responses').selectAll().where('respondent', '=', 'client').orderBy('submitted_on', 'desc').executeTakeFirstOrThrow();
    expect(Object.keys(row)).not.toContain('client_id');
  });

  it('hides a part answered by fewer than five and shows it at five', async () => {
    const manager = await t.login('esihenkilo');
    const units = (await t.call('GET', '/api/v1/reports/units', { cookie: manager })).json().items;
    const unit = units.find((u: { name: string }) => u.name === 'Työkykypalvelut');
    const worker = await t.login('tyokyky');
    const qs = (await t.call('GET', '/api/v1/feedback/questionnaires', { cookie: worker })).json();
    const digital = qs.questionnaires.find((x: { id: string }) => x.id === 'digital');
    const answers = Object.fromEntries(digital.groups.flatMap((g: { items: { id: string }[] }) => g.items.map((i) => [i.id, 3])));
    const report = async () =>
      (await t.call('GET', `/api/v1/reports/feedback?unitId=${unit.id}&from=${today}&to=${today}`, { cookie: manager })).json().parts.find((p: { questionnaireId: string }) => p.questionnaireId === 'digital');
    for (let i = 0; i < 4; i++) expect((await t.call('POST', '/api/v1/feedback/responses', { cookie: worker, body: { questionnaireId: 'digital', answers } })).statusCode).toBe(201);
    expect(await report()).toMatchObject({ suppressed: true, n: null, mean: null });
    await t.call('POST', '/api/v1/feedback/responses', { cookie: worker, body: { questionnaireId: 'digital', answers } });
    expect(await report()).toMatchObject({ suppressed: false, n: 5, mean: 3 });
  });

  it('shows the demo scores on first start and hides the small demo groups', async () => {
    const manager = await t.login('esihenkilo');
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const from = day(new Date(TEST_TODAY.getTime() - 365 * 86_400_000));
    const parts = (await t.call('GET', `/api/v1/reports/feedback?from=${from}&to=${day(TEST_TODAY)}`, { cookie: manager })).json().parts;
    const preventive = parts.find((p: { questionnaireId: string }) => p.questionnaireId === 'preventive');
    expect(preventive.suppressed).toBe(false);
    expect(preventive.groups.find((g: { groupId: string }) => g.groupId === 'encounter')).toMatchObject({ suppressed: false });
    const clientOnly = (await t.call('GET', `/api/v1/reports/feedback?from=${from}&to=${day(TEST_TODAY)}&clientGroup=older-people`, { cookie: manager })).json();
    expect(clientOnly.minGroupSize).toBe(5);
  });
});

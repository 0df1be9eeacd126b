import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let ohjaaja: string;
let kriisi: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
  kriisi = await t.login('kriisi');
  const rows = await t.db.selectFrom('clients').select(['id', 'first_name']).execute();
  for (const r of rows) ids[r.first_name] = r.id;
  const users = await t.db.selectFrom('users').select(['id', 'username']).execute();
  for (const u of users) ids[u.username] = u.id;
});
afterAll(async () => {
  await t?.close();
});

const meetingBody = () => ({
  startsAt: '2026-11-25T10:00:00+02:00',
  place: 'Järvenpään sote-keskus',
  method: 'open-dialogue',
  participants: [
    { name: 'Anni Virtanen', role: 'asiakas', kind: 'client' },
    { name: 'Olli Ohjaaja', role: 'asiakasohjaaja', userId: ids.ohjaaja },
    { name: 'Leena Lähitori', role: 'palveluneuvoja', kind: 'ngo-worker', userId: ids.jarjesto },
  ],
  clientQuestions: ['Saanko apua kauppakasseihin?'],
  networkMap: [{ name: 'Tytär', relation: 'tytär', group: 'close-one' }],
});

describe(`network meetings on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('prepares a meeting (201 {id}) with the seed agenda by default, and writes a path event with the participants’ sectors', async () => {
    const res = await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: meetingBody() });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    expect(Object.keys(res.json())).toEqual(['id']);
    const detail = (await t.call('GET', `/api/v1/meetings/${id}`, { cookie: ohjaaja })).json();
    expect(detail.agenda[0]).toMatch(/aloitetaan asiakkaasta/);
    expect(detail.participants).toHaveLength(3);
    expect(detail.participants[2].organizationId).toBeTruthy(); // taken from the invited user
    expect(detail.clientQuestions).toEqual(['Saanko apua kauppakasseihin?']);
    const event = await t.db.selectFrom('path_events').selectAll().where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(event.kind).toBe('meeting');
    expect([...event.sectors].sort()).toEqual(['ngo', 'wellbeing-county']);
    const mp = await t.db.selectFrom('meeting_participants').selectAll().where('meeting_id', '=', id).execute();
    expect(mp.every((p) => p.client_id === ids.Anni)).toBe(true);
  });

  it('records minutes: each decision becomes a task of its owner, visible in GET /me/tasks', async () => {
    const { id } = (await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: meetingBody() })).json();
    const res = await t.call('POST', `/api/v1/meetings/${id}/minutes`, {
      cookie: ohjaaja,
      body: {
        summary: 'Anni kertoi, että kauppamatkat ovat raskaita.',
        decisions: [
          { what: 'Selvitä kauppakassipalvelu', responsibleUserId: ids.ohjaaja, due: '2026-11-27' },
          { what: 'Kysy tyttäreltä kuljetusapua', responsibleName: 'Anni Virtanen', due: '2026-12-01' },
        ],
        feedbackRound: 'Anni: hyvä kun kaikki olivat samassa pöydässä.',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().tasks).toHaveLength(2);
    const mine = (await t.call('GET', '/api/v1/me/tasks', { cookie: ohjaaja })).json();
    const task = mine.items.find((i: { title: string }) => i.title === 'Selvitä kauppakassipalvelu');
    expect(task).toMatchObject({ due: '2026-11-27', status: 'open', overdue: false, clientId: ids.Anni });
    expect(Object.keys(task)).toEqual(expect.arrayContaining(['id', 'title', 'due', 'status', 'overdue', 'clientId']));
    const detail = (await t.call('GET', `/api/v1/meetings/${id}`, { cookie: ohjaaja })).json();
    expect(detail.status).toBe('held');
    expect(detail.clientChecklist[0]).toMatch(/^Kysy tyttäreltä kuljetusapua – sinä, 1\.12\.2026/); // the client's own tasks first
    expect(detail.decisions.map((d: { title: string }) => d.title)).toEqual(['Selvitä kauppakassipalvelu', 'Kysy tyttäreltä kuljetusapua']);
    // Recording twice is refused without writing anything.
    const again = await t.call('POST', `/api/v1/meetings/${id}/minutes`, { cookie: ohjaaja, body: { summary: 'x', decisions: [] } });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a decision without a responsible person (400 in the user’s language) and writes no task', async () => {
    const { id } = (await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: meetingBody() })).json();
    const before = await t.db.selectFrom('followup_tasks').select('id').execute();
    const res = await t.call('POST', `/api/v1/meetings/${id}/minutes`, {
      cookie: ohjaaja,
      lang: 'sv',
      body: { summary: 'ok', decisions: [{ what: 'Hyvä asia', responsibleUserId: ids.ohjaaja, due: '2026-11-30' }, { what: 'Ei tekijää', due: '2026-11-30' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Beslut 2: ange vem/);
    const after = await t.db.selectFrom('followup_tasks').select('id').execute();
    expect(after).toHaveLength(before.length);
    const detail = (await t.call('GET', `/api/v1/meetings/${id}`, { cookie: ohjaaja })).json();
    expect(detail.minutesRecorded).toBe(false);
  });

  it('lets the client approve the minutes in the portal', async () => {
    const { id } = (await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: meetingBody() })).json();
    const anni = await t.login('anni');
    expect((await t.call('POST', `/api/v1/meetings/${id}/approval`, { cookie: anni, body: {} })).statusCode).toBe(409);
    await t.call('POST', `/api/v1/meetings/${id}/minutes`, { cookie: ohjaaja, body: { summary: 'Sovittiin asiat.', decisions: [] } });
    const res = await t.call('POST', `/api/v1/meetings/${id}/approval`, { cookie: anni, body: {} });
    expect(res.statusCode).toBe(200);
    expect(res.json().clientApproved).toBe(true);
  });

  it('answers 404 to a worker without access, for the client and for the meeting, and audits the refusal', async () => {
    const { id } = (await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: meetingBody() })).json();
    expect((await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: kriisi, body: meetingBody() })).statusCode).toBe(404);
    expect((await t.call('GET', `/api/v1/meetings/${id}`, { cookie: kriisi })).statusCode).toBe(404);
    expect((await t.call('POST', `/api/v1/meetings/${id}/minutes`, { cookie: kriisi, body: { summary: 'x', decisions: [] } })).statusCode).toBe(404);
    const denied = await t.db.selectFrom('audit_log').select('action').where('allowed', '=', false).where('action', '=', 'meeting.read').execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('validates the body: no participants → 400 naming the field', async () => {
    const res = await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: { ...meetingBody(), participants: [] }, lang: 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('participants');
  });

  it('loads the seed clients’ meetings as demo data, held ones with minutes approved by the client', async () => {
    const list = (await t.call('GET', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja })).json();
    const held = list.items.filter((m: { status: string; clientApproved: boolean }) => m.status === 'held' && m.clientApproved);
    expect(held.length).toBeGreaterThan(0);
    const defaults = (await t.call('GET', `/api/v1/clients/${ids.Anni}/meeting-defaults`, { cookie: ohjaaja })).json();
    expect(defaults.suggestedParticipants[0]).toMatchObject({ kind: 'client', name: 'Anni Virtanen' });
  });

  describe('the plan is updated from the decisions', () => {
    it('adds a decision as a new plan action (responsible, due) in one new version with who and when, and links another to an existing action', async () => {
      const before = (await t.call('GET', `/api/v1/clients/${ids.Anni}/plan`, { cookie: ohjaaja })).json();
      const existing = before.actions[0];
      const { id } = (await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: meetingBody() })).json();
      const res = await t.call('POST', `/api/v1/meetings/${id}/minutes`, {
        cookie: ohjaaja,
        body: {
          summary: 'Sovittiin kuljetusavusta.',
          decisions: [
            { what: 'Hae kuljetuspalvelua kauppamatkoille', responsibleUserId: ids.ohjaaja, due: '2026-12-04', addToPlan: true },
            { what: 'Jatketaan sovittua', responsibleName: 'Anni Virtanen', due: '2026-12-10', planActionId: existing.id },
            { what: 'Tytär käy kaupassa torstaisin', responsibleName: 'Tytär', due: '2026-12-03', addToPlan: true },
            { what: 'Anni soittaa apteekkiin', responsibleName: 'Anni Virtanen', due: '2026-12-02', addToPlan: true },
          ],
        },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.planVersion).toBe(before.version + 1);
      const after = (await t.call('GET', `/api/v1/clients/${ids.Anni}/plan`, { cookie: ohjaaja })).json();
      expect(after.version).toBe(before.version + 1);
      expect(after.actions.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(before.actions.map((a: { id: string }) => a.id)));
      expect(after.actions).toHaveLength(before.actions.length + 3);
      const added = after.actions.find((a: { title: string }) => a.title === 'Hae kuljetuspalvelua kauppamatkoille');
      expect(added).toMatchObject({ due: '2026-12-04', status: 'planned', responsible: { kind: 'organization', userId: ids.ohjaaja } });
      expect(after.actions.find((a: { title: string }) => a.title === 'Tytär käy kaupassa torstaisin')).toMatchObject({ responsible: { kind: 'close-one', name: 'Tytär' } });
      expect(after.actions.find((a: { title: string }) => a.title === 'Anni soittaa apteekkiin')).toMatchObject({ responsible: { kind: 'client' } });
      // The tasks point at the plan actions: the new one and the existing one.
      expect(body.tasks[0].planActionId).toBe(added.id);
      expect(body.tasks[1].planActionId).toBe(existing.id);
      const detail = (await t.call('GET', `/api/v1/meetings/${id}`, { cookie: ohjaaja })).json();
      expect(detail.decisions[0].planActionId).toBe(added.id);
      // Who and when: the version row names the worker who recorded the minutes.
      const versions = (await t.call('GET', `/api/v1/clients/${ids.Anni}/plan/versions`, { cookie: ohjaaja })).json();
      const me = await t.db.selectFrom('users').select('display_name').where('id', '=', ids.ohjaaja!).executeTakeFirstOrThrow();
      expect(versions.items[0]).toMatchObject({ version: before.version + 1, changedBy: me.display_name, changes: expect.arrayContaining(['actions']) });
      expect(Date.now() - Date.parse(versions.items[0].changedAt)).toBeLessThan(10 * 60_000);
    });

    it('refuses both a link and a new action on one decision, in the user’s language, and writes nothing', async () => {
      const before = (await t.call('GET', `/api/v1/clients/${ids.Anni}/plan`, { cookie: ohjaaja })).json();
      const { id } = (await t.call('POST', `/api/v1/clients/${ids.Anni}/meetings`, { cookie: ohjaaja, body: meetingBody() })).json();
      const res = await t.call('POST', `/api/v1/meetings/${id}/minutes`, {
        cookie: ohjaaja,
        lang: 'sv',
        body: { summary: 'x', decisions: [{ what: 'Kaksi kertaa', responsibleUserId: ids.ohjaaja, due: '2026-12-01', addToPlan: true, planActionId: before.actions[0].id }] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toMatch(/antingen/);
      const after = (await t.call('GET', `/api/v1/clients/${ids.Anni}/plan`, { cookie: ohjaaja })).json();
      expect(after.version).toBe(before.version);
      expect((await t.call('GET', `/api/v1/meetings/${id}`, { cookie: ohjaaja })).json().minutesRecorded).toBe(false);
    });

    it('refuses a new plan action for a client without a plan (409) and leaves the minutes unrecorded', async () => {
      const client = await t.db
        .insertInto('clients')
        .values((eb) => ({
          county_code: eb.selectFrom('organizations').select('county_code').where('id', '=', eb.selectFrom('users').select('organization_id').where('id', '=', ids.ohjaaja!)),
          organization_id: eb.selectFrom('users').select('organization_id').where('id', '=', ids.ohjaaja!),
          first_name: 'Ilman', last_name: 'Suunnitelmaa', birth_date: '1980-01-01',
        }) as never)
        .returning(['id', 'county_code', 'organization_id'])
        .executeTakeFirstOrThrow();
      await t.db.insertInto('client_relationships').values({ client_id: client.id, county_code: client.county_code, organization_id: client.organization_id, level: 'asiakasohjaus' } as never).execute();
      const { id } = (await t.call('POST', `/api/v1/clients/${client.id}/meetings`, { cookie: ohjaaja, body: meetingBody() })).json();
      const tasksBefore = await t.db.selectFrom('followup_tasks').select('id').where('client_id', '=', client.id).execute();
      const res = await t.call('POST', `/api/v1/meetings/${id}/minutes`, {
        cookie: ohjaaja,
        body: { summary: 'x', decisions: [{ what: 'Uusi asia', responsibleUserId: ids.ohjaaja, due: '2026-12-01', addToPlan: true }] },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(/ei ole vielä asiakassuunnitelmaa/);
      expect(await t.db.selectFrom('followup_tasks').select('id').where('client_id', '=', client.id).execute()).toHaveLength(tasksBefore.length);
      expect((await t.call('GET', `/api/v1/meetings/${id}`, { cookie: ohjaaja })).json().minutesRecorded).toBe(false);
    });
  });
});

import { finnishCalendarDate } from '../../src/domain/shared/calendar.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';
import { runReminders } from '../../src/domain/followup/index.js';
import { inSystemTransaction } from '../../src/domain/shared/tx.js';

let t: TestApp;
const ids: Record<string, string> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['ohjaaja', 'asiakasvastaava', 'valmentaja', 'kriisi', 'esihenkilo']) cookies[u] = await t.login(u);
  for (const r of await t.db.selectFrom('clients').select(['id', 'first_name']).execute()) ids[r.first_name] = r.id;
  for (const u of await t.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = u.id;
});
afterAll(async () => {
  await t?.close();
});

type Item = { id: string; title: string; due: string; status: string; overdue: boolean; clientId: string };
type AlertItem = { type: string; clientId: string | null; count: number | null };

describe(`follow-up on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('shows a living today view for the three demo workers: due today, overdue, alerts, meetings', async () => {
    for (const u of ['ohjaaja', 'asiakasvastaava', 'valmentaja']) {
      const res = await t.call('GET', '/api/v1/me/today', { cookie: cookies[u] });
      expect(res.statusCode).toBe(200);
      const v = res.json();
      expect(v.overdue.length, u).toBeGreaterThan(0);
      expect(v.dueToday.length + v.upcoming.length, u).toBeGreaterThan(0);
      expect(v.overdue.every((x: Item) => x.overdue)).toBe(true);
    }
    const valmentaja = (await t.call('GET', '/api/v1/me/today', { cookie: cookies.valmentaja })).json();
    expect(valmentaja.alerts.some((a: AlertItem) => a.type === 'no-contact' && a.clientId === ids.Mari)).toBe(true);
    const ohjaaja = (await t.call('GET', '/api/v1/me/today', { cookie: cookies.ohjaaja })).json();
    expect(ohjaaja.meetings.some((m: { clientId: string }) => m.clientId === ids.Anni)).toBe(true);
    // Every list names its clients (read with the rows).
    expect(ohjaaja.meetings.find((m: { clientId: string }) => m.clientId === ids.Anni).clientName).toMatch(/^Anni /);
    for (const x of [...ohjaaja.overdue, ...ohjaaja.dueToday, ...ohjaaja.upcoming, ...ohjaaja.incomingReferrals]) expect(x.clientName, JSON.stringify(x)).toEqual(expect.any(String));
  });

  it('GET /me/tasks answers the contract shape and flags overdue against today', async () => {
    const { items } = (await t.call('GET', '/api/v1/me/tasks', { cookie: cookies.ohjaaja })).json() as { items: Item[] };
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), due: expect.any(String), status: 'open', overdue: expect.any(Boolean), clientId: expect.any(String) }));
    const today = finnishCalendarDate();
    expect(items.filter((i) => i.overdue).every((i) => i.due < today)).toBe(true);
  });

  it('GET /me/alerts lists typed alerts, including task-overdue', async () => {
    const res = await t.call('GET', '/api/v1/me/alerts', { cookie: cookies.ohjaaja });
    expect(res.statusCode).toBe(200);
    const types = res.json().items.map((a: AlertItem) => a.type);
    expect(types).toContain('task-overdue');
    for (const ty of types) expect(['task-overdue', 'referral-stuck', 'no-contact', 'plan-review-overdue', 'caseload-over-limit', 'statutory-deadline']).toContain(ty);
  });

  it('shows stuck referrals of the shared inbox as one alert with their number, and those the worker sent one by one', async () => {
    const me = await t.db.selectFrom('users').select(['id', 'organization_id']).where('username', '=', 'ohjaaja').executeTakeFirstOrThrow();
    const longAgo = new Date(Date.now() - 60 * 86_400_000).toISOString();
    const incoming = await t.db.selectFrom('referrals').select('id').where('to_organization_id', '=', me.organization_id).where('from_user_id', 'is distinct from', me.id).orderBy('id').limit(2).execute();
    const sent = await t.db.selectFrom('referrals').select('id').where('from_user_id', '=', me.id).orderBy('id').limit(1).execute();
    expect(incoming.length).toBe(2);
    expect(sent.length).toBe(1);
    await t.db.updateTable('referrals').set({ status: 'requested', status_changed_at: longAgo }).where('id', 'in', [...incoming, ...sent].map((r) => r.id)).execute();
    const alerts = (await t.call('GET', '/api/v1/me/alerts', { cookie: cookies.ohjaaja })).json().items as (AlertItem & { refType: string | null; refId: string | null; title: string })[];
    const inbox = alerts.filter((a) => a.refType === 'referral-inbox');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.count).toBeGreaterThanOrEqual(2);
    expect(inbox[0]!.title).toContain('odottaa yli määräajan');
    expect(alerts.filter((a) => incoming.some((r) => r.id === a.refId))).toHaveLength(0);
    expect(alerts.filter((a) => a.type === 'referral-stuck' && a.refId === sent[0]!.id)).toHaveLength(1);
  });

  it('raises caseload-over-limit when a worker is responsible for more than 40 intensive clients, and stops after the limit is configured', async () => {
    const keusote = await t.db.selectFrom('organizations').select('id').where('key', '=', 'keusote').executeTakeFirstOrThrow();
    const county = (await t.db.selectFrom('organizations').select('county_code').where('id', '=', keusote.id).executeTakeFirstOrThrow()).county_code;
    const clients = await t.db
      .insertInto('clients')
      .values(Array.from({ length: 41 }, (_, i) => ({ county_code: county, organization_id: keusote.id, first_name: `Testi${i}`, last_name: 'Asiakas', birth_date: '1980-01-01' })))
      .returning('id')
      .execute();
    await t.db
      .insertInto('client_relationships')
      .values(clients.map((c) => ({ client_id: c.id, organization_id: keusote.id, county_code: county, level: 'intensiivinen-palveluohjaus', responsible_user_id: ids.asiakasvastaava })))
      .execute();
    const alerts = (await t.call('GET', '/api/v1/me/alerts', { cookie: cookies.asiakasvastaava })).json().items as AlertItem[];
    const over = alerts.find((a) => a.type === 'caseload-over-limit');
    expect(over?.count).toBeGreaterThan(40);
    // These new clients have had no contact at all since the relationship started today: no no-contact alert yet.
    expect(alerts.filter((a) => a.type === 'no-contact' && clients.some((c) => c.id === a.clientId))).toHaveLength(0);
    const put = await t.call('PUT', '/api/v1/followup/settings', { cookie: cookies.esihenkilo, body: { intensiveCaseloadLimit: 60 } });
    expect(put.statusCode).toBe(200);
    const after = (await t.call('GET', '/api/v1/me/alerts', { cookie: cookies.asiakasvastaava })).json().items as AlertItem[];
    expect(after.some((a) => a.type === 'caseload-over-limit')).toBe(false);
    expect((await t.call('PUT', '/api/v1/followup/settings', { cookie: cookies.ohjaaja, body: { intensiveCaseloadLimit: 1 } })).statusCode).toBe(403);
  });

  it('completes a task done, and not-done only with a note; writes a path event; refuses a second completion', async () => {
    const created = await t.call('POST', `/api/v1/clients/${ids.Anni}/tasks`, { cookie: cookies.ohjaaja, body: { title: 'Soita Annille', due: '2026-11-24' } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const noNote = await t.call('POST', `/api/v1/tasks/${id}/complete`, { cookie: cookies.ohjaaja, body: { status: 'not-done' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.message).toMatch(/miksi/);
    const done = await t.call('POST', `/api/v1/tasks/${id}/complete`, { cookie: cookies.ohjaaja, body: { status: 'done', note: 'Anni vastasi.' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', overdue: false, outcomeNote: 'Anni vastasi.' });
    const event = await t.db.selectFrom('path_events').selectAll().where('ref_id', '=', id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ kind: 'task', phase: 'follow-up' });
    expect(event.sectors).toContain('wellbeing-county');
    expect((await t.call('POST', `/api/v1/tasks/${id}/complete`, { cookie: cookies.ohjaaja, body: { status: 'done' } })).statusCode).toBe(409);
    expect((await t.call('POST', `/api/v1/tasks/${id}/complete`, { cookie: cookies.kriisi, body: { status: 'done' } })).statusCode).toBe(404);
  });

  it('suggests the verify-and-follow step of the level when a contact is recorded', async () => {
    const res = await t.call('POST', `/api/v1/clients/${ids.Anni}/contacts`, { cookie: cookies.ohjaaja, body: { channel: 'phone', note: 'Kuulumiset' } });
    expect(res.statusCode).toBe(201);
    const s = res.json().suggestion;
    expect(s.kind).toBe(s.level === 'neuvonta-ja-ohjaus' ? 'follow-up-call' : s.level === 'asiakasohjaus' ? 'plan-check' : 'regular-contact');
    expect(s.due > finnishCalendarDate()).toBe(true);
  });

  it('turns due and overdue tasks into in-app notifications once, however often the reminder job runs', async () => {
    const first = await inSystemTransaction(t.db, (tx) => runReminders(tx, TEST_TODAY));
    const second = await inSystemTransaction(t.db, (tx) => runReminders(tx, TEST_TODAY));
    expect(first.created).toBeGreaterThan(0);
    expect(second.created).toBe(0);
    const n = (await t.call('GET', '/api/v1/me/notifications', { cookie: cookies.ohjaaja })).json();
    expect(n.items.length).toBeGreaterThan(0);
    const read = await t.call('POST', '/api/v1/me/notifications/read', { cookie: cookies.ohjaaja, body: { ids: [n.items[0].id] } });
    expect(read.json().items.find((x: { id: string }) => x.id === n.items[0].id).read).toBe(true);
  });

  it('hides other workers’ tasks and refuses clients access to the worker alert list', async () => {
    const kriisi = (await t.call('GET', '/api/v1/me/tasks', { cookie: cookies.kriisi })).json();
    expect(kriisi.items.every((i: Item) => i.clientId)).toBe(true);
    const mine = await t.db.selectFrom('followup_tasks').select('id').where('owner_user_id', '=', ids.kriisi!).execute();
    expect(kriisi.items).toHaveLength(mine.length);
    const anni = await t.login('anni');
    expect((await t.call('GET', '/api/v1/me/alerts', { cookie: anni })).statusCode).toBe(403);
  });

  describe('follow-up settings (county default by the admin, organisation override by the manager)', () => {
    type Settings = { adviceFollowUpCallDays: number; intensiveContactDays: number; referralNotReceivedDays: number; statutoryDeadlines: { key: string; workingDays?: number; calendarDays?: number; label: { fi: string } }[]; scope: { editable: string | null; countyOverride: boolean; organizationOverride: boolean } };
    const get = async (cookie: string) => (await t.call('GET', '/api/v1/followup/settings', { cookie })).json() as Settings;

    it('tells each role what it may change, and keeps clients out', async () => {
      const admin = await t.login('admin');
      expect((await get(admin)).scope.editable).toBe('county');
      expect((await get(cookies.esihenkilo!)).scope.editable).toBe('organization');
      expect((await get(cookies.ohjaaja!)).scope.editable).toBeNull();
      expect((await t.call('GET', '/api/v1/followup/settings', { cookie: await t.login('anni') })).statusCode).toBe(403);
    });

    it('layers the county default and the organisation override, merging what is not sent', async () => {
      const admin = await t.login('admin');
      const put = await t.call('PUT', '/api/v1/followup/settings', {
        cookie: admin,
        body: { adviceFollowUpCallDays: 21, statutoryDeadlines: [{ key: 'shl36-assessment-start', workingDays: 5 }] },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json().scope.countyOverride).toBe(true);
      expect((await t.call('PUT', '/api/v1/followup/settings', { cookie: cookies.esihenkilo, body: { intensiveContactDays: 10 } })).statusCode).toBe(200);
      expect((await t.call('PUT', '/api/v1/followup/settings', { cookie: cookies.esihenkilo, body: { referralNotReceivedDays: 4 } })).statusCode).toBe(200);
      const worker = await get(cookies.ohjaaja!);
      expect(worker).toMatchObject({ adviceFollowUpCallDays: 21, intensiveContactDays: 10, referralNotReceivedDays: 4 });
      const rule = worker.statutoryDeadlines.find((r) => r.key === 'shl36-assessment-start')!;
      expect(rule.workingDays).toBe(5);
      expect(rule.label.fi).toMatch(/SHL 36 §/);
      expect(worker.scope).toMatchObject({ countyOverride: true, organizationOverride: true });
      const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'followup.settings-update').execute();
      expect(audit.length).toBeGreaterThanOrEqual(3);
    });

    it('refuses an unknown deadline, the wrong unit and out-of-range numbers in the user’s language, writing nothing', async () => {
      const admin = await t.login('admin');
      const before = await get(admin);
      const unknown = await t.call('PUT', '/api/v1/followup/settings', { cookie: admin, lang: 'sv', body: { adviceFollowUpCallDays: 30, statutoryDeadlines: [{ key: 'ei-ole', workingDays: 3 }] } });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toMatch(/finns inte/);
      const unit = await t.call('PUT', '/api/v1/followup/settings', { cookie: admin, lang: 'en', body: { statutoryDeadlines: [{ key: 'shl36-assessment-complete', workingDays: 3 }] } });
      expect(unit.statusCode).toBe(400);
      expect(unit.json().error.message).toMatch(/other unit/);
      expect((await t.call('PUT', '/api/v1/followup/settings', { cookie: admin, body: { intensiveContactDays: 0 } })).statusCode).toBe(400);
      expect(await get(admin)).toEqual(before);
    });
  });
});

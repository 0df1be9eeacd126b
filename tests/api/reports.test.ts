import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS } from '../../src/domain/guidance/index.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let manager: string;
const REPORTS = ['segments', 'caseloads', 'referrals', 'interfaces', 'service-gaps', 'feedback', 'path-breaks'] as const;
const COUNCIL = ['segments', 'caseloads', 'referrals', 'path-breaks'] as const;
const day = (d: Date) => d.toISOString().slice(0, 10);
const period = `from=${day(new Date(TEST_TODAY.getTime() - 3 * 365 * 86_400_000))}&to=${day(new Date(TEST_TODAY.getTime() + 30 * 86_400_000))}`;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.login('esihenkilo');
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe(`management reports on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('refuses everyone but managers with 403', async () => {
    for (const user of ['ohjaaja', 'anni', 'admin']) {
      const cookie = await t.login(user);
      for (const r of REPORTS) expect((await t.call('GET', `/api/v1/reports/${r}`, { cookie })).statusCode, `${user} ${r}`).toBe(403);
    }
    expect((await t.call('GET', '/api/v1/reports/segments')).statusCode).toBe(401);
  });

  it('answers every report in its documented shape (responses are schema-checked in tests)', async () => {
    for (const r of REPORTS) {
      const res = await t.call('GET', `/api/v1/reports/${r}?${period}`, { cookie: manager });
      expect(res.statusCode, `${r}: ${res.body}`).toBe(200);
      expect(res.json().filter.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('counts the demo world: segments, caseloads against 40, the interface matrix', async () => {
    const seg = (await t.call('GET', `/api/v1/reports/segments?${period}`, { cookie: manager, lang: 'fi' })).json();
    expect(seg.distribution.map((d: { segment: string }) => d.segment)).toEqual(['omatoimi', 'yhteiso', 'yhteistyo', 'verkosto']);
    expect(seg.total).toBeGreaterThan(0);
    const cl = (await t.call('GET', `/api/v1/reports/caseloads?${period}`, { cookie: manager })).json();
    expect(cl.limit).toBe(40);
    expect(cl.workers.length).toBeGreaterThan(0);
    expect(cl.workers[0]).toMatchObject({ name: expect.any(String), clients: expect.any(Number), overLimit: false });
    expect(cl.durations).toHaveLength(3);
    const ifc = (await t.call('GET', `/api/v1/reports/interfaces?${period}`, { cookie: manager })).json();
    expect(ifc.sectors.length).toBeGreaterThan(1);
    const cell = ifc.cells[0];
    expect(ifc.cells.find((c: { from: string; to: string }) => c.from === cell.to && c.to === cell.from)).toBeTruthy();
    const gaps = (await t.call('GET', `/api/v1/reports/service-gaps?${period}`, { cookie: manager })).json();
    expect(gaps.needs.length).toBeGreaterThan(10);
    expect(gaps.unusedServices.count).toBeGreaterThanOrEqual(gaps.unusedServices.items.length);
  });

  it('service gaps follow a catalogue change at once (the supply side is kept per catalogue generation)', async () => {
    const needsOf = async () =>
      new Map(((await t.call('GET', `/api/v1/reports/service-gaps?${period}`, { cookie: manager })).json().needs as { tag: string; services: number }[]).map((n) => [n.tag, n.services]));
    const before = await needsOf();
    const need = NEEDS.find((n) => (before.get(n.tag) ?? 0) > 0)!;
    const { rows } = await sql<{ id: string }>`SELECT id FROM catalog_services
       WHERE status = 'active' AND keywords && ${[...need.catalogKeywords]}::text[] AND (county_code = '02' OR area_national) ORDER BY id LIMIT 1`.execute(t.db);
    expect(rows).toHaveLength(1);
    await sql`UPDATE catalog_services SET status = 'inactive' WHERE id = ${rows[0]!.id}`.execute(t.db);
    try {
      expect((await needsOf()).get(need.tag)).toBe(before.get(need.tag)! - 1);
    } finally {
      await sql`UPDATE catalog_services SET status = 'active' WHERE id = ${rows[0]!.id}`.execute(t.db);
    }
    expect((await needsOf()).get(need.tag)).toBe(before.get(need.tag));
  });

  it('narrows by client group and unit, and rejects an unknown unit or a malformed day', async () => {
    const all = (await t.call('GET', `/api/v1/reports/segments?${period}`, { cookie: manager })).json().total;
    const older = (await t.call('GET', `/api/v1/reports/segments?${period}&clientGroup=older-people`, { cookie: manager })).json().total;
    expect(older).toBeLessThan(all);
    const units = (await t.call('GET', '/api/v1/reports/units', { cookie: manager })).json().items;
    const unit = units.find((u: { name: string }) => u.name === 'Asiakasohjaus');
    expect((await t.call('GET', `/api/v1/reports/caseloads?${period}&unitId=${unit.id}`, { cookie: manager })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/reports/caseloads?unitId=00000000-0000-4000-8000-000000000000', { cookie: manager })).statusCode).toBe(400);
    expect((await t.call('GET', '/api/v1/reports/caseloads?from=eilen', { cookie: manager })).statusCode).toBe(400);
  });

  it('exports every report as Excel-friendly CSV and audits the export', async () => {
    for (const r of REPORTS) {
      const res = await t.call('GET', `/api/v1/reports/${r}?${period}&format=csv`, { cookie: manager });
      expect(res.statusCode, r).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain(`polku-${r}-`);
      expect(res.body.charCodeAt(0)).toBe(0xfeff);
      expect(res.body.split('\r\n')[0]).toContain(';');
    }
    const audit = await t.db.selectFrom('audit_log').select(['action', 'client_id']).where('action', 'like', 'report.%').execute();
    expect(audit.length).toBeGreaterThanOrEqual(REPORTS.length);
    expect(audit.every((a) => a.client_id === null)).toBe(true);
  });

  it('has relationship durations by level and path breaks (stuck referrals, lost contact) with CSV', async () => {
    const cl = (await t.call('GET', `/api/v1/reports/caseloads?${period}`, { cookie: manager, lang: 'sv' })).json();
    expect(cl.durations.map((d: { label: string }) => d.label)).toEqual(['Rådgivning och handledning', 'Klientstyrning', 'Intensiv servicehandledning']);
    const pb = (await t.call('GET', `/api/v1/reports/path-breaks?${period}`, { cookie: manager })).json();
    expect(pb.lostContactDays).toBe(90);
    expect(pb.lostContactTotal).toBe(pb.lostContact.reduce((a: number, l: { clients: number }) => a + l.clients, 0));
    expect(pb.stuck.notReceived).toBe(pb.stuck.byReceiver.reduce((a: number, r: { notReceived: number }) => a + r.notReceived, 0));
    const csv = await t.call('GET', `/api/v1/reports/path-breaks?${period}&format=csv`, { cookie: manager });
    expect(csv.body).toContain('jumissa yhteensä');
    expect(csv.body).toContain('ei yhteyttä 90 pv yhteensä');
  });

  it("judges stuck referrals by each receiving organisation's own time limits in the referral-loop and path-break reports", async () => {
    // County default 1 day: every open referral older than a day is stuck.
    await t.db.deleteFrom('referral_time_limits').where('county_code', '=', '02').execute();
    await t.db.insertInto('referral_time_limits').values({ county_code: '02', organization_id: null, not_received_days: 1, not_accepted_days: 1 }).execute();
    const before = (await t.call('GET', `/api/v1/reports/path-breaks?${period}`, { cookie: manager })).json();
    expect(before.stuck.defaultNotReceivedDays).toBe(1);
    const target = before.stuck.byReceiver.find((r: { organizationId: string | null; notReceived: number; notAccepted: number }) => r.organizationId && r.notReceived + r.notAccepted > 0);
    expect(target, JSON.stringify(before.stuck)).toBeDefined();
    expect(target).toMatchObject({ ownLimits: false, notReceivedDays: 1, notAcceptedDays: 1 });

    // The receiver's own, longer limits: its referrals are judged by them, the others by the county default.
    const stuckOld = await t.db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('to_organization_id', '=', target.organizationId)
      .where('status', 'in', ['requested', 'received'])
      .where('status_changed_at', '<', new Date(Date.now() - 90 * 86_400_000))
      .executeTakeFirstOrThrow();
    await t.db.insertInto('referral_time_limits').values({ county_code: '02', organization_id: target.organizationId, not_received_days: 90, not_accepted_days: 90 }).execute();
    const after = (await t.call('GET', `/api/v1/reports/path-breaks?${period}`, { cookie: manager })).json();
    const own = after.stuck.byReceiver.find((r: { organizationId: string | null }) => r.organizationId === target.organizationId);
    const ownCount = own ? own.notReceived + own.notAccepted : 0;
    expect(ownCount).toBe(Number(stuckOld.n));
    if (own) expect(own).toMatchObject({ ownLimits: true, notReceivedDays: 90, notAcceptedDays: 90 });
    const others = (r: { stuck: { byReceiver: { organizationId: string | null; notReceived: number; notAccepted: number }[] } }) =>
      r.stuck.byReceiver.filter((x) => x.organizationId !== target.organizationId).reduce((a, x) => a + x.notReceived + x.notAccepted, 0);
    expect(others(after)).toBe(others(before));

    const loop = (await t.call('GET', `/api/v1/reports/referrals?${period}`, { cookie: manager })).json();
    expect({ notReceived: loop.stuck.notReceived, notAccepted: loop.stuck.notAccepted }).toEqual({ notReceived: after.stuck.notReceived, notAccepted: after.stuck.notAccepted });
    expect(loop.stuck.notReceivedDays).toBe(1);
  });

  it('gives councils a version without names where no count 1–4 shows and totals cannot reveal one', async () => {
    const isSmall = (c: unknown) => typeof c === 'number' && c >= 1 && c <= 4;
    let smallSeen = 0;
    for (const r of COUNCIL) {
      const res = await t.call('GET', `/api/v1/reports/${r}?${period}&audience=council`, { cookie: manager });
      expect(res.statusCode, `${r}: ${res.body}`).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ audience: 'council', report: r, minCount: 5 });
      for (const table of body.tables as { columns: { kind: string }[]; rows: unknown[][]; total: unknown[] | null }[]) {
        table.columns.forEach((col, ci) => {
          if (col.kind !== 'count') return;
          const cells = table.rows.map((row) => row[ci]);
          expect(cells.some(isSmall), `${r}: ${JSON.stringify(cells)}`).toBe(false);
          smallSeen += cells.filter((c) => c === '<5').length;
          const hidden = cells.filter((c) => c === '<5' || c === '..').length;
          if (table.total && typeof table.total[ci] === 'number') expect(hidden === 0 || hidden >= 2, `${r}: ${JSON.stringify(cells)}`).toBe(true);
          if (table.total) expect(isSmall(table.total[ci])).toBe(false);
        });
      }
    }
    // The management version names workers; the council one does not.
    const mgmt = (await t.call('GET', `/api/v1/reports/caseloads?${period}`, { cookie: manager })).json();
    const council = await t.call('GET', `/api/v1/reports/caseloads?${period}&audience=council`, { cookie: manager });
    for (const w of mgmt.workers as { name: string }[]) expect(council.body).not.toContain(w.name);
    expect(smallSeen).toBeGreaterThan(0); // the demo world has small cells, so suppression was exercised

    const csv = await t.call('GET', `/api/v1/reports/path-breaks?${period}&audience=council&format=csv`, { cookie: manager });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('polku-path-breaks-valtuusto-');
    for (const line of csv.body.split('\r\n')) for (const cell of line.split(';')) expect(/^[1-4]$/.test(cell), line).toBe(false);

    const none = await t.call('GET', `/api/v1/reports/feedback?${period}&audience=council`, { cookie: manager, lang: 'sv' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('council_unavailable');
    expect(none.json().error.message).toContain('fullmäktige');
    expect((await t.call('GET', '/api/v1/reports/segments?audience=valtuusto', { cookie: manager })).statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let manager: string;
const REPORTS = ['segments', 'caseloads', 'referrals', 'interfaces', 'service-gaps', 'feedback'] as const;
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
});

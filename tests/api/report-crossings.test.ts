/**
 * The interfaces report reads sector crossings from the per-day summary of migration 0813, kept by
 * triggers on path_events. These tests change path events in every way (insert, update, delete, a
 * write as the app role under row-level security) and check each time that the summary answers
 * exactly what counting the events answers, and that the report over HTTP moves with it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/db/schema.js';
import { crossingPeriodParts, FINNISH_TIME_ZONE, pathCrossings, pathCrossingsFromEvents, type ReportScope } from '../../src/domain/reports/reports.repository.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

const COUNTY = '02'; // the demo world
const day = (d: Date) => d.toISOString().slice(0, 10);
const FROM = day(new Date(TEST_TODAY.getTime() - 3 * 365 * 86_400_000));
const TO = day(new Date(TEST_TODAY.getTime() + 30 * 86_400_000));
const scope = (over: Partial<ReportScope> = {}): ReportScope => ({ countyCode: COUNTY, from: FROM, to: TO, unitId: null, clientGroup: null, timeZone: FINNISH_TIME_ZONE, ...over });
const sorted = (rows: { a: string; b: string; n: number }[]) => rows.filter((r) => r.n !== 0).sort((x, y) => `${x.a}|${x.b}`.localeCompare(`${y.a}|${y.b}`));

let t: TestApp;
let manager: string;
let clientId: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.login('esihenkilo');
  const c = await t.db.selectFrom('clients').select(['id', 'organization_id']).where('county_code', '=', COUNTY).orderBy('id').executeTakeFirstOrThrow();
  clientId = c.id;
  orgId = c.organization_id!;
}, 300_000);
afterAll(async () => {
  await t?.close();
});

async function expectSummaryEqualsEvents(label: string) {
  await t.db.transaction().execute(async (tx: Tx) => {
    await sql`SELECT set_config('polku.role', 'system', true)`.execute(tx);
    const periods = [
      scope(),
      scope({ from: day(new Date(TEST_TODAY.getTime() - 10 * 86_400_000)), to: day(TEST_TODAY) }),
      scope({ from: '2026-10-01', to: '2026-10-31' }), // one whole month: month rows only
      scope({ from: '2026-08-15', to: '2026-11-22' }), // partial, whole, whole, partial
      scope({ from: '2026-11-01', to: '2026-11-22' }),
    ];
    for (const s of periods) {
      expect(sorted(await pathCrossings(tx, s)), `${label} ${s.from}`).toEqual(sorted(await pathCrossingsFromEvents(tx, s)));
    }
    const unit = await tx.selectFrom('units').select('id').where('organization_id', '=', orgId).executeTakeFirst();
    if (unit) expect(sorted(await pathCrossings(tx, scope({ unitId: unit.id }))), `${label} unit`).toEqual(sorted(await pathCrossingsFromEvents(tx, scope({ unitId: unit.id }))));
  });
}

async function handoffs(a: string, b: string): Promise<number> {
  const res = await t.call('GET', `/api/v1/reports/interfaces?from=${FROM}&to=${TO}`, { cookie: manager });
  expect(res.statusCode, res.body).toBe(200);
  const cell = (res.json().cells as { from: string; to: string; handoffs: number }[]).find((c) => c.from === a && c.to === b);
  return cell?.handoffs ?? 0;
}

const event = (at: string, sectors: string[]) => ({
  client_id: clientId, county_code: COUNTY, organization_id: orgId, phase: 'services' as const, kind: 'test-crossing', at, title: 'Yhdyspintatesti', sectors,
});

describe('crossingPeriodParts', () => {
  it('splits a period into whole months and the days around them', () => {
    expect(crossingPeriodParts('2026-10-01', '2026-10-31')).toEqual({ months: ['2026-10-01', '2026-11-01'], days: [] });
    expect(crossingPeriodParts('2026-08-15', '2026-11-22')).toEqual({ months: ['2026-09-01', '2026-11-01'], days: [['2026-08-15', '2026-08-31'], ['2026-11-01', '2026-11-22']] });
    expect(crossingPeriodParts('2026-11-03', '2026-11-22')).toEqual({ months: null, days: [['2026-11-03', '2026-11-22']] });
    expect(crossingPeriodParts('2026-12-20', '2027-01-05')).toEqual({ months: null, days: [['2026-12-20', '2027-01-05']] });
    expect(crossingPeriodParts('2024-02-10', '2024-03-31')).toEqual({ months: ['2024-03-01', '2024-04-01'], days: [['2024-02-10', '2024-02-29']] });
  });
});

describe(`sector crossings summary (0813, 0814) on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('starts equal to counting the demo path events', async () => {
    for (const table of ['path_crossing_days', 'path_crossing_months'] as const) {
      const n = await t.db.selectFrom(table).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n), table).toBeGreaterThan(0);
    }
    await expectSummaryEqualsEvents('demo');
  }, 120_000);

  it('follows inserts, updates and deletes of path events, and the report over HTTP moves with them', async () => {
    const before = await handoffs('education', 'ngo');
    const at = new Date(TEST_TODAY.getTime() - 2 * 86_400_000).toISOString();
    const ids = (await t.db.insertInto('path_events').values([event(at, ['education', 'ngo']), event(at, ['education', 'ngo', 'health']), event(at, ['ngo'])]).returning('id').execute()).map((r) => r.id);
    await expectSummaryEqualsEvents('insert');
    expect(await handoffs('education', 'ngo')).toBe(before + 2);

    await t.db.updateTable('path_events').set({ sectors: ['education', 'social'] }).where('id', '=', ids[0]!).execute();
    await t.db.updateTable('path_events').set({ sectors: ['education', 'ngo'], at: new Date(TEST_TODAY.getTime() - 40 * 86_400_000).toISOString() }).where('id', '=', ids[2]!).execute();
    await expectSummaryEqualsEvents('update');
    expect(await handoffs('education', 'ngo')).toBe(before + 2);

    await t.db.deleteFrom('path_events').where('id', 'in', ids).execute();
    await expectSummaryEqualsEvents('delete');
    expect(await handoffs('education', 'ngo')).toBe(before);
  }, 120_000);

  it('is written by the app role under row-level security, in the writing transaction (a rollback leaves nothing)', async () => {
    const before = await handoffs('education', 'ngo');
    const at = new Date(TEST_TODAY.getTime() - 1 * 86_400_000).toISOString();
    await t.db.transaction().execute(async (tx: Tx) => {
      await sql`SELECT set_config('polku.county_code', ${COUNTY}, true), set_config('polku.role', '', true)`.execute(tx);
      await tx.insertInto('path_events').values(event(at, ['ngo', 'education'])).execute();
    });
    expect(await handoffs('education', 'ngo')).toBe(before + 1);
    await expect(
      t.db.transaction().execute(async (tx: Tx) => {
        await sql`SELECT set_config('polku.county_code', ${COUNTY}, true), set_config('polku.role', '', true)`.execute(tx);
        await tx.insertInto('path_events').values(event(at, ['ngo', 'education'])).execute();
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await handoffs('education', 'ngo')).toBe(before + 1);
    await expectSummaryEqualsEvents('app role');
  }, 120_000);

  it('counts Finnish calendar days: 00:30 on 1 November in Helsinki is November, not October', async () => {
    const shown = await sql<{ tz: string }>`SELECT current_setting('TimeZone') AS tz`.execute(t.db);
    expect(shown.rows[0]!.tz).toBe('Europe/Helsinki');
    const count = async (from: string, to: string) => {
      const res = await t.call('GET', `/api/v1/reports/interfaces?from=${from}&to=${to}`, { cookie: manager });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().cells as { from: string; to: string; handoffs: number }[]).find((c) => c.from === 'employment' && c.to === 'ngo')?.handoffs ?? 0;
    };
    const [octBefore, novBefore] = [await count('2026-10-01', '2026-10-31'), await count('2026-11-01', '2026-11-10')];
    await t.db.insertInto('path_events').values(event('2026-10-31T22:30:00Z', ['employment', 'ngo'])).execute(); // 00:30 EET on 1 Nov
    expect(await count('2026-10-01', '2026-10-31')).toBe(octBefore);
    expect(await count('2026-11-01', '2026-11-10')).toBe(novBefore + 1);
    await expectSummaryEqualsEvents('Finnish day');
  }, 120_000);

  it('counts the events when summary rows were written under another TimeZone', async () => {
    await t.db.transaction().execute(async (tx: Tx) => {
      await sql`SELECT set_config('polku.role', 'system', true)`.execute(tx);
      await sql`SET LOCAL TimeZone = 'Pacific/Kiritimati'`.execute(tx);
      // 11:00 UTC on the last day of the short period is already the next day at +14 h: a summary
      // read without the fallback would leave this event out of that period.
      await tx.insertInto('path_events').values(event(new Date(TEST_TODAY.getTime() + 3 * 3_600_000).toISOString(), ['health', 'social'])).execute();
    });
    const foreign = await t.db.selectFrom('path_crossing_days').select('tz').where('tz', '=', 'Pacific/Kiritimati').execute();
    expect(foreign.length).toBeGreaterThan(0);
    await expectSummaryEqualsEvents('other TimeZone');
  }, 120_000);
});

/**
 * The management reports were reshaped for concurrency (docs/performance.md, fourth round): one pass
 * instead of several statements, hashing instead of sorting, joins only for filters, the feedback
 * averages from counts in the database. These tests keep the previous statements (and the feedback
 * module's in-memory `feedbackScores`) as the reference and check that each new query answers
 * exactly the same on the demo world plus added rows, for several scopes, on both engines.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../src/db/schema.js';
import { feedbackScores } from '../../src/domain/feedback/index.js';
import { feedbackAggregate } from '../../src/domain/reports/reports.feedback.js';
import * as repo from '../../src/domain/reports/reports.repository.js';
import type { ReportScope } from '../../src/domain/reports/reports.repository.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';

const COUNTY = '02'; // the demo world
const day = (d: Date) => d.toISOString().slice(0, 10);
const FROM = day(new Date(TEST_TODAY.getTime() - 3 * 365 * 86_400_000));
const TO = day(new Date(TEST_TODAY.getTime() + 30 * 86_400_000));
const scope = (over: Partial<ReportScope> = {}): ReportScope => ({ countyCode: COUNTY, from: FROM, to: TO, unitId: null, clientGroup: null, ...over });
const byJson = <T>(rows: T[]) => rows.map((r) => JSON.stringify(r)).sort();

let t: TestApp;
let scopes: ReportScope[];

/** The previous statements, verbatim but for the parameters (git history: reports.repository.ts before the fourth round). */
const reference = {
  async segments(tx: Tx, s: ReportScope) {
    const group = groupCond(s);
    const unit = s.unitId ? sql`EXISTS (SELECT 1 FROM client_relationships ur WHERE ur.client_id = a.client_id AND ur.unit_id = ${s.unitId})` : sql`true`;
    const { rows } = await sql<{ kind: string; a: string; b: string | null; clients: string }>`
      WITH a AS (
        SELECT a.client_id, a.segment, a.at, lag(a.segment) OVER (PARTITION BY a.client_id ORDER BY a.at) AS prev
          FROM assessments a JOIN clients c ON c.id = a.client_id
         WHERE a.county_code = ${s.countyCode} AND a.at < (${s.to}::date + 1) AND ${group} AND ${unit})
      SELECT 'current' AS kind, segment AS a, NULL AS b, count(*) AS clients
        FROM (SELECT DISTINCT ON (client_id) client_id, segment FROM a ORDER BY client_id, at DESC) latest GROUP BY segment
      UNION ALL
      SELECT 'move', prev, segment, count(*) FROM a WHERE prev IS NOT NULL AND prev <> segment AND at >= ${s.from}::date GROUP BY prev, segment`.execute(tx);
    return {
      distribution: rows.filter((r) => r.kind === 'current').map((r) => ({ segment: r.a, clients: Number(r.clients) })),
      movements: rows.filter((r) => r.kind === 'move').map((r) => ({ from: r.a, to: r.b!, clients: Number(r.clients) })),
    };
  },
  async caseloads(tx: Tx, s: ReportScope) {
    const unit = s.unitId ? sql`r.unit_id = ${s.unitId}` : sql`true`;
    const { rows } = await sql<{ user_id: string; name: string; unit_name: string | null; clients: string; intensive: string }>`
      SELECT u.id AS user_id, u.display_name AS name, un.name AS unit_name, count(DISTINCT r.client_id) AS clients,
             count(DISTINCT r.client_id) FILTER (WHERE r.level = 'intensiivinen-palveluohjaus') AS intensive
        FROM client_relationships r JOIN users u ON u.id = r.responsible_user_id JOIN clients c ON c.id = r.client_id
        LEFT JOIN units un ON un.id = u.unit_id
       WHERE r.county_code = ${s.countyCode} AND r.ended_at IS NULL AND ${unit} AND ${groupCond(s)}
       GROUP BY u.id, u.display_name, un.name ORDER BY clients DESC, name`.execute(tx);
    return rows.map((r) => ({ userId: r.user_id, name: r.name, unitName: r.unit_name, clients: Number(r.clients), intensive: Number(r.intensive) }));
  },
  async lostContact(tx: Tx, s: ReportScope, days: number) {
    const unit = s.unitId ? sql`r.unit_id = ${s.unitId}` : sql`true`;
    const since = sql`(${s.to}::date + 1 - make_interval(days => ${days}))`;
    const until = sql`(${s.to}::date + 1)`;
    const { rows } = await sql<{ unit_name: string; clients: string }>`
      SELECT coalesce(un.name, o.name) AS unit_name, count(DISTINCT r.client_id) AS clients
        FROM client_relationships r JOIN organizations o ON o.id = r.organization_id JOIN clients c ON c.id = r.client_id
        LEFT JOIN units un ON un.id = r.unit_id
       WHERE r.county_code = ${s.countyCode} AND r.ended_at IS NULL AND r.started_at < ${since} AND ${unit} AND ${groupCond(s)}
         AND NOT EXISTS (SELECT 1 FROM path_events pe WHERE pe.client_id = r.client_id AND pe.at >= ${since} AND pe.at < ${until})
         AND NOT EXISTS (SELECT 1 FROM client_contacts cc WHERE cc.client_id = r.client_id AND cc.at >= ${since} AND cc.at < ${until})
       GROUP BY 1`.execute(tx);
    return rows.map((r) => ({ unitName: r.unit_name, clients: Number(r.clients) }));
  },
  async servicesByMunicipality(tx: Tx, countyCode: string, sets: { key: string; kws: string[] }[]) {
    const { rows } = await sql<{ code: string; name: string; key: string; services: string }>`
      SELECT m.code, m.name_fi AS name, a.key, count(s.id) AS services
        FROM municipalities m CROSS JOIN jsonb_to_recordset(${JSON.stringify(sets)}::jsonb) AS a(key text, kws text[])
        LEFT JOIN catalog_services s ON s.status = 'active' AND s.keywords && a.kws AND (s.county_code = ${countyCode} OR s.area_national)
              AND (s.area_national OR m.code = ANY(s.area_municipality_codes) OR s.county_code = ANY(s.area_county_codes)
                   OR (cardinality(s.area_municipality_codes) = 0 AND cardinality(s.area_county_codes) = 0))
       WHERE m.county_code = ${countyCode} GROUP BY m.code, m.name_fi, a.key`.execute(tx);
    return rows.map((r) => ({ municipalityCode: r.code, municipality: r.name, key: r.key, services: Number(r.services) }));
  },
  async servicesByKeywordSet(tx: Tx, countyCode: string, sets: { key: string; kws: string[] }[]) {
    const { rows } = await sql<{ key: string; services: string }>`
      SELECT a.key, count(s.id) AS services FROM jsonb_to_recordset(${JSON.stringify(sets)}::jsonb) AS a(key text, kws text[])
        LEFT JOIN catalog_services s ON s.status = 'active' AND s.keywords && a.kws AND (s.county_code = ${countyCode} OR s.area_national)
       GROUP BY a.key`.execute(tx);
    return new Map(rows.map((r) => [r.key, Number(r.services)]));
  },
  async unusedServices(tx: Tx, countyCode: string, limit = 100) {
    const { rows } = await sql<{ id: string; name: string; total: string }>`
      SELECT s.id, s.name_fi AS name, count(*) OVER () AS total
        FROM catalog_services s
       WHERE s.status = 'active' AND s.county_code = ${countyCode}
         AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.service_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM plan_actions pa WHERE pa.service_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM plan_services ps WHERE ps.service_id = s.id)
       ORDER BY s.name_fi LIMIT ${limit}`.execute(tx);
    return { count: Number(rows[0]?.total ?? 0), items: rows.map((r) => ({ id: r.id, name: r.name })) };
  },
};

function groupCond(s: ReportScope) {
  if (!s.clientGroup) return sql`true`;
  const age = sql`extract(year from age(${s.to}::date, c.birth_date))`;
  return sql`(CASE WHEN ${age} < 18 THEN 'children-youth-families' WHEN ${age} >= 65 THEN 'older-people' ELSE 'working-age' END) = ${s.clientGroup}`;
}

async function asSystem<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return t.db.transaction().execute(async (tx: Tx) => {
    await sql`SELECT set_config('polku.role', 'system', true)`.execute(tx);
    await repo.useAnalyticsMemory(tx);
    return fn(tx);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  // More rows than the demo world has: three more assessments for every assessed client (segment
  // moves), and feedback answers of every rating so that no cell is empty.
  await t.db.transaction().execute(async (tx: Tx) => {
    await sql`
      INSERT INTO assessments (client_id, county_code, organization_id, everyday_life, resources, health, channel, network, coordination,
                               suggested_segment, suggested_level, segment, level, assessed_by, assessed_by_role, at)
      SELECT a.client_id, a.county_code, a.organization_id, 1, 1, 1, 1, 1, 1, s.seg, a.level, s.seg, a.level, a.assessed_by, a.assessed_by_role,
             ${TEST_TODAY}::timestamptz - make_interval(days => 20 * s.n)
        FROM (SELECT DISTINCT ON (client_id) * FROM assessments WHERE county_code = ${COUNTY} ORDER BY client_id, at) a
        CROSS JOIN (VALUES (1, 'verkosto'), (2, 'omatoimi'), (40, 'yhteiso')) s(n, seg)`.execute(tx);
    await sql`
      INSERT INTO feedback_answers (response_id, county_code, organization_id, item_id, rating)
      SELECT r.id, r.county_code, r.organization_id, x.item, 1 + (abs(hashtext(r.id::text || x.item)) % 5)
        FROM feedback_responses r CROSS JOIN (SELECT DISTINCT item_id AS item FROM feedback_answers) x
      ON CONFLICT DO NOTHING`.execute(tx);
  });
  const unit = await t.db.selectFrom('units').select('id').where('county_code', '=', COUNTY).where('name', '=', 'Asiakasohjaus').executeTakeFirstOrThrow();
  scopes = [
    scope(),
    scope({ from: day(new Date(TEST_TODAY.getTime() - 30 * 86_400_000)) }),
    scope({ unitId: unit.id }),
    scope({ clientGroup: 'older-people' }),
    scope({ clientGroup: 'working-age', unitId: unit.id }),
  ];
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe(`reshaped report queries equal the previous ones on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('segments: distribution and movements in one pass', async () => {
    await asSystem(async (tx) => {
      let moves = 0;
      for (const s of scopes) {
        const [now, ref] = [await repo.segments(tx, s), await reference.segments(tx, s)];
        expect(byJson(now.distribution), JSON.stringify(s)).toEqual(byJson(ref.distribution));
        expect(byJson(now.movements), JSON.stringify(s)).toEqual(byJson(ref.movements));
        moves += now.movements.length;
      }
      expect(moves).toBeGreaterThan(0);
    });
  });

  it('caseloads and lost contact: hashed distinct counts, bounds as timestamptz', async () => {
    await asSystem(async (tx) => {
      for (const s of scopes) {
        expect(await repo.caseloads(tx, s), JSON.stringify(s)).toEqual(await reference.caseloads(tx, s));
        for (const days of [90, 5]) expect(byJson(await repo.lostContact(tx, s, days)), `${days} ${JSON.stringify(s)}`).toEqual(byJson(await reference.lostContact(tx, s, days)));
      }
    });
  });

  it('service supply per municipality and keyword set: the keyword index, coverage only on matches', async () => {
    await asSystem(async (tx) => {
      const kws = (await sql<{ k: string }>`SELECT DISTINCT unnest(keywords) AS k FROM catalog_services ORDER BY 1`.execute(tx)).rows.map((r) => r.k);
      expect(kws.length).toBeGreaterThan(5);
      const sets = [
        { key: 'a', kws: kws.slice(0, 3) }, { key: 'b', kws: kws.slice(2, 9) }, { key: 'none', kws: ['ei-mitään-tällaista'] },
        { key: 'empty', kws: [] }, { key: 'all', kws }, { key: 'a', kws: kws.slice(5, 6) }, // a key twice: counted together as before
      ];
      expect(byJson(await repo.servicesByMunicipality(tx, COUNTY, sets))).toEqual(byJson(await reference.servicesByMunicipality(tx, COUNTY, sets)));
      expect([...(await repo.servicesByKeywordSet(tx, COUNTY, sets))].sort()).toEqual([...(await reference.servicesByKeywordSet(tx, COUNTY, sets))].sort());
    });
  });

  it('unused services: one hashed set of named services equals the three NOT EXISTS it replaced', async () => {
    await asSystem(async (tx) => {
      const named = await sql<{ n: string }>`SELECT count(DISTINCT service_id) AS n FROM referrals WHERE service_id IS NOT NULL`.execute(tx);
      expect(Number(named.rows[0]!.n)).toBeGreaterThan(0); // the demo paths name services, so the set is not empty
      // Names in order (services of the same name may come in either order), and every id when all fit.
      const shape = (u: { count: number; items: { id: string; name: string }[] }) => ({ count: u.count, names: u.items.map((i) => i.name) });
      for (const limit of [5, 100]) {
        expect(shape(await repo.unusedServices(tx, COUNTY, limit))).toEqual(shape(await reference.unusedServices(tx, COUNTY, limit)));
      }
      const ids = (u: { items: { id: string }[] }) => u.items.map((i) => i.id).sort();
      expect(ids(await repo.unusedServices(tx, COUNTY, 10_000))).toEqual(ids(await reference.unusedServices(tx, COUNTY, 10_000)));
    });
  });

  it('feedback: averages from counts in the database equal feedbackScores over every answer', async () => {
    await asSystem(async (tx) => {
      let shown = 0;
      for (const s of scopes) {
        for (const min of [1, 2, 5]) {
          const [now, ref] = [await feedbackAggregate(tx, s, min), await feedbackScores(tx, s, min)];
          expect(now, `${min} ${JSON.stringify(s)}`).toEqual(ref);
          shown += now.parts.filter((p) => !p.suppressed).length;
        }
      }
      expect(shown).toBeGreaterThan(0);
    });
  });
});

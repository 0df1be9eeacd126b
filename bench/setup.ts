/**
 * Bench database lifecycle (a dedicated PGlite dir under bench/.data, or a scratch PostgreSQL
 * database) and the fixture the scenarios need: logged-in workers with their own clients.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type QueryResult, type RawBuilder } from 'kysely';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { DB } from '../src/db/schema.js';
import { BENCH_MANAGER, BENCH_PASSWORD, workerName } from './generate.js';
import type { BenchWorker, Fixture } from './scenarios.js';

export const DATA_ROOT = path.resolve('bench/.data');

export interface BenchDatabase {
  databaseUrl: string | null;
  dataDir: string | null;
  label: string;
  drop(): Promise<void>;
}

/** A fresh database for one run: never the developer's own data. */
export async function createBenchDatabase(adminUrl: string | null, clients: number): Promise<BenchDatabase> {
  if (!adminUrl) {
    const dataDir = path.join(DATA_ROOT, `pglite-${clients}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(DATA_ROOT, { recursive: true });
    return { databaseUrl: null, dataDir, label: 'pglite', drop: async () => {} };
  }
  const name = `polku_bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dataDir: null,
    label: 'postgres',
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function login(app: FastifyInstance, base: string, username: string): Promise<string | null> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) {
    app.log.warn(`bench login ${username}: ${res.status}`);
    return null;
  }
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return cookie || null;
}

/**
 * One read in a system-context transaction of its own: with row-level security (0801) the app role
 * sees no client rows without a tenant context (the server sets one per request). Never held
 * across a login: PGlite has one connection, and the login request needs it.
 */
function asSystem<R>(db: Kysely<DB>, query: RawBuilder<R>): Promise<QueryResult<R>> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('polku.role', 'system', true)`.execute(tx);
    return query.execute(tx);
  });
}

/** Logs in `count` generated workers (spread over organisations) and the manager; collects their clients. */
export async function buildFixture(db: Kysely<DB>, app: FastifyInstance, base: string, count: number, workers: number): Promise<Fixture> {
  return buildFixtureIn(db, app, base, count, workers);
}

async function buildFixtureIn(db: Kysely<DB>, app: FastifyInstance, base: string, count: number, workers: number): Promise<Fixture> {
  const out: BenchWorker[] = [];
  const step = Math.max(1, Math.floor(workers / count));
  for (let i = 1; i <= workers && out.length < count; i += step) {
    const username = workerName(i);
    const rows = await asSystem(db, sql<{ id: string; org: string; has_plan: boolean }>`
      SELECT c.id, u.organization_id AS org,
             EXISTS (SELECT 1 FROM client_plans p WHERE p.client_id = c.id) AS has_plan
      FROM users u JOIN client_relationships r ON r.responsible_user_id = u.id AND r.ended_at IS NULL
      JOIN clients c ON c.id = r.client_id
      WHERE u.username = ${username} ORDER BY c.id LIMIT 200`).catch(() => ({ rows: [] as { id: string; org: string; has_plan: boolean }[] }));
    if (rows.rows.length === 0) continue;
    const org = rows.rows[0]!.org;
    const service = await sql<{ id: string }>`SELECT id FROM catalog_services WHERE organization_id = ${org} AND status = 'active' LIMIT 1`
      .execute(db).catch(() => ({ rows: [] as { id: string }[] }));
    const cookie = await login(app, base, username);
    if (!cookie) continue;
    out.push({
      cookie,
      clientIds: rows.rows.map((r) => r.id),
      planClientIds: rows.rows.filter((r) => r.has_plan).map((r) => r.id),
      ownServiceId: service.rows[0]?.id ?? null,
    });
  }
  const services = await sql<{ id: string }>`SELECT id FROM catalog_services WHERE status = 'active' ORDER BY id LIMIT 2000`
    .execute(db).catch(() => ({ rows: [] as { id: string }[] }));
  const munis = await sql<{ code: string }>`SELECT code FROM municipalities WHERE county_code = '02'`.execute(db);
  const to = new Date().toISOString().slice(0, 10);
  return {
    workers: out,
    managerCookie: await login(app, base, BENCH_MANAGER),
    serviceIds: services.rows.map((r) => r.id),
    municipalityCodes: munis.rows.map((r) => r.code),
    reportFrom: `${Number(to.slice(0, 4)) - 4}-01-01`,
    reportTo: to,
  };
}

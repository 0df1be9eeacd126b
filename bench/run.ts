/**
 * `npm run bench [-- --quick] [--clients N] [--path-events N] [--services N] [--workers N]
 *                [--duration S] [--connections C] [--keep]`
 *
 * Generates a synthetic county, starts the real server (buildApp) on 127.0.0.1, measures a bare
 * Fastify route as the baseline and then every scenario with autocannon, and writes
 * bench/results/latest.json and latest.md. PGlite by default; PostgreSQL (a scratch database
 * created and dropped on the server) when DATABASE_URL is set.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { seedDemo } from '../src/db/demo/index.js';
import { loadReferenceData } from '../src/db/reference-data.js';
import { hashPassword } from '../src/domain/identity/password.js';
import { buildApp } from '../src/server/app.js';
import { warmRecommendationCatalogue } from '../src/domain/guidance/guidance.service.js';
import { BENCH_PASSWORD, generateCounty, type StepResult } from './generate.js';
import { runLoad, type LoadResult } from './load.js';
import { writeResults, type ScenarioResult } from './report.js';
import { SCENARIOS, searchRequest, SEARCH_QUERIES, type Fixture } from './scenarios.js';
import { buildFixture, createBenchDatabase } from './setup.js';
import { measureImport } from './extra.js';

interface Args { clients: number; pathEvents: number; services: number; workers: number; duration: number; connections: number; keep: boolean; quick: boolean }

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const num = (flag: string, dflt: number) => {
    const i = argv.indexOf(flag);
    const v = i >= 0 ? Number(argv[i + 1]) : NaN;
    return Number.isFinite(v) && v > 0 ? Math.floor(v) : dflt;
  };
  const clients = num('--clients', quick ? 10_000 : 100_000);
  return {
    quick,
    clients,
    pathEvents: num('--path-events', clients * 10),
    services: num('--services', 5_000),
    workers: num('--workers', 500),
    duration: num('--duration', quick ? 5 : 10),
    connections: num('--connections', 10),
    keep: argv.includes('--keep'),
  };
}

let peakRss = 0;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

async function baseline(a: Args): Promise<number> {
  const bare = Fastify({ logger: false });
  bare.get('/', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const port = (bare.server.address() as { port: number }).port;
  const r = await runLoad({ url: `http://127.0.0.1:${port}`, durationSec: a.duration, connections: a.connections, requests: [{ method: 'GET', path: '/' }] });
  await bare.close();
  return r.rps;
}

function toResult(name: string, r: LoadResult, base: number): ScenarioResult {
  return { name, rps: r.rps, p50Ms: r.p50Ms, p95Ms: r.p95Ms, p99Ms: r.p99Ms, errors: r.errors, ratioToBaseline: Math.round((r.rps / base) * 1000) / 1000 };
}
const skipped = (name: string, note: string): ScenarioResult => ({ name, rps: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, errors: 0, ratioToBaseline: 0, status: 'skipped', note });

/** A bench-only route: the naive ILIKE search the real one is compared with at 50k services. */
function addIlikeRoute(app: FastifyInstance, database: Database) {
  app.get('/__bench/ilike', async (req) => {
    const q = `%${String((req.query as { q?: string }).q ?? '')}%`;
    const r = await sql<{ id: string; name_fi: string }>`SELECT id, name_fi, summary_fi FROM catalog_services
      WHERE status = 'active' AND (name_fi ILIKE ${q} OR summary_fi ILIKE ${q} OR description_fi ILIKE ${q}) ORDER BY name_fi LIMIT 20`.execute(database.db);
    return { items: r.rows };
  });
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const rssTimer = setInterval(sampleRss, 250);
  const adminUrl = process.env.DATABASE_URL || null;
  const target = await createBenchDatabase(adminUrl, a.clients);
  log(`database: ${target.label}${target.dataDir ? ` in ${target.dataDir}` : ''}; ${a.clients} clients, ${a.duration} s per scenario`);
  const hash = await hashPassword(BENCH_PASSWORD); // once: scrypt per generated user would take minutes
  let generation: StepResult[] = [];
  const g0 = performance.now();
  const database = await openDatabase({
    databaseUrl: target.databaseUrl,
    dataDir: target.dataDir,
    poolSize: 10,
    prepare: async (owner) => {
      await loadReferenceData(owner);
      log('seeding the demo world …');
      await seedDemo(owner).catch((e) => log(`demo seed failed, continuing with reference data only: ${String(e)}`));
      generation = await generateCounty(owner, { clients: a.clients, pathEvents: a.pathEvents, services: a.services, workers: a.workers, countyCode: '02', passwordHash: hash, log });
    },
  });
  const generateSec = (performance.now() - g0) / 1000;
  log(`generated in ${generateSec.toFixed(0)} s`);
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', rateLimitPerMinute: 0, host: '127.0.0.1', port: 0 };
  const app = await buildApp(config, database);
  if (a.services >= 50_000) addIlikeRoute(app, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const notes: string[] = [];
  const results: ScenarioResult[] = [];
  try {
    // What src/main.ts starts in the background after listen; awaited here so it is not inside a window.
    const warm0 = performance.now();
    const warmed = await database.db.transaction().execute((tx) => warmRecommendationCatalogue(tx));
    const warmMs = Math.round(performance.now() - warm0);
    results.push({ name: 'recommendations-warm-up', rps: 0, p50Ms: warmMs, p95Ms: warmMs, p99Ms: warmMs, errors: 0, ratioToBaseline: 0, note: `start-up warm-up of the analysed catalogue (${warmed} services), one sample, not in a window` });
    log(`recommendations: warm-up at start ${warmMs} ms (${warmed} services)`);
    const fixture = await buildFixture(database.db, app, base, a.connections, a.workers);
    log(`logged in ${fixture.workers.length} workers${fixture.managerCookie ? ' and the manager' : ''}`);
    const baseRps = await baseline(a);
    log(`baseline (bare Fastify): ${baseRps} req/s`);
    for (const s of SCENARIOS) {
      const missing = s.routes.filter(([method, url]) => !app.hasRoute({ method: method as 'GET', url }));
      if (missing.length > 0) { results.push(skipped(s.name, `route not found: ${missing.map((m) => m.join(' ')).join(', ')}`)); log(`${s.name}: skipped`); continue; }
      if (fixture.workers.length === 0) { results.push(skipped(s.name, 'no generated worker could log in')); continue; }
      await settle(base);
      // Warm-up: one request of the scenario, not measured, so a per-process cache (the
      // recommendations' analysed catalogue) is filled before the window; its time is reported.
      const firstMs = await firstRequestMs(base, s.requests(fixture));
      if (firstMs !== null && s.name === 'recommendations') {
        results.push({ name: 'recommendations-first', rps: 0, p50Ms: firstMs, p95Ms: firstMs, p99Ms: firstMs, errors: 0, ratioToBaseline: 0, note: 'first request after the start-up warm-up, one sample' });
        log(`recommendations: first request ${firstMs} ms (warm-up, not in the window)`);
      }
      const r = await runLoad({ url: base, durationSec: a.duration, connections: a.connections, requests: s.requests(fixture) });
      sampleRss();
      if (r.requests === 0) notes.push(`${s.name}: no response completed within ${a.duration} s (each took longer than the whole window)`);
      results.push(toResult(s.name, r, baseRps));
      log(`${s.name}: ${r.rps} req/s, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}`);
      if (r.errors > 0) notes.push(`${s.name}: ${r.errors} errors — ${await firstError(base, s.requests(fixture))}`);
    }
    await settle(base);
    if (database.kind === 'pglite') results.push(await pkUnderSearch(base, a, fixture, baseRps));
    if (a.services >= 50_000) {
      for (const [name, path] of [['catalog-search-50k', null], ['catalog-search-ilike', '/__bench/ilike']] as const) {
        const req = path ? [{ method: 'GET', setupRequest: (q: object) => ({ ...q, path: `${path}?q=${encodeURIComponent(SEARCH_QUERIES[Math.floor(Math.random() * SEARCH_QUERIES.length)]!)}` }) }] : [searchRequest()];
        const r = await runLoad({ url: base, durationSec: a.duration, connections: a.connections, requests: req });
        results.push(toResult(name, r, baseRps));
        log(`${name}: ${r.rps} req/s, p95 ${r.p95Ms} ms`);
      }
    }
    const imp = await measureImport(database, log);
    results.push(imp.result ?? skipped('import', imp.note));
    await app.close();
    const dataDir = target.dataDir;
    await database.close();
    if (dataDir) results.push(coldStart(dataDir));
    sampleRss();
    const summary = { database: target.label as 'pglite' | 'postgres', clients: a.clients, baseline: { rps: baseRps }, scenarios: results };
    const files = writeResults('bench/results', summary, {
      command: `${adminUrl ? 'DATABASE_URL=… ' : ''}npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      durationSec: a.duration, connections: a.connections, pathEvents: a.pathEvents, services: a.services, workers: a.workers,
      generateSec, peakRssMb: Math.round(peakRss / 1048576), generation, notes,
    });
    log(`wrote ${files.json} and ${files.md} in ${((performance.now() - started) / 1000).toFixed(0)} s total; peak RSS ${Math.round(peakRss / 1048576)} MB`);
  } finally {
    clearInterval(rssTimer);
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    if (!a.keep) await target.drop();
  }
}

/**
 * Autocannon drops its sockets at the end of a window but the server still works off what was
 * queued (PGlite runs one query at a time); wait for that so it is not charged to the next scenario.
 */
async function settle(base: string) {
  await fetch(`${base}/healthz`).catch(() => {});
  await new Promise((r) => setTimeout(r, 500));
}

/** Sends the scenario's first request once with fetch; its wall time in ms (null if it failed). */
async function firstRequestMs(base: string, reqs: ReturnType<(typeof SCENARIOS)[number]['requests']>): Promise<number | null> {
  const r = reqs[0];
  if (!r) return null;
  const built = r.setupRequest ? r.setupRequest({ ...r }, {}) : r;
  if (!built) return null;
  const t0 = performance.now();
  const res = await fetch(`${base}${built.path}`, { method: built.method ?? 'GET', headers: built.headers, body: built.body }).catch(() => null);
  await res?.text();
  return res && res.status < 300 ? Math.round(performance.now() - t0) : null;
}

/** One request of a failing scenario, replayed with fetch, to say what the error was. */
async function firstError(base: string, reqs: ReturnType<(typeof SCENARIOS)[number]['requests']>): Promise<string> {
  const ctx: Record<string, unknown> = {};
  for (const r of reqs) {
    const built = r.setupRequest ? r.setupRequest({ ...r }, ctx) : r;
    const res = await fetch(`${base}${built.path}`, { method: built.method ?? 'GET', headers: built.headers, body: built.body });
    if (res.status >= 300) return `${built.method ?? 'GET'} ${built.path?.replace(/[0-9a-f-]{36}/g, ':id')} → ${res.status} ${(await res.text()).slice(0, 160)}`;
  }
  return 'not reproduced by a single request (load-dependent)';
}

/** PGlite has one connection: how long do primary-key reads wait while heavy searches run? */
async function pkUnderSearch(base: string, a: Args, f: Fixture, baseRps: number): Promise<ScenarioResult> {
  const ids = f.serviceIds;
  if (ids.length === 0) return skipped('pk-read-under-heavy-search', 'no services');
  const heavy = runLoad({ url: base, durationSec: a.duration, connections: Math.max(1, Math.floor(a.connections / 2)), requests: [{ method: 'GET', path: '/api/v1/services?q=palvelu&limit=50' }] });
  const pk = runLoad({ url: base, durationSec: a.duration, connections: Math.max(1, Math.ceil(a.connections / 2)), requests: [{ method: 'GET', setupRequest: (q) => ({ ...q, path: `/api/v1/services/${ids[Math.floor(Math.random() * ids.length)]}` }) }] });
  const [h, p] = await Promise.all([heavy, pk]);
  log(`pk-read-under-heavy-search: pk p99 ${p.p99Ms} ms (${p.rps} req/s) while search ran at ${h.rps} req/s, p95 ${h.p95Ms} ms`);
  return toResult('pk-read-under-heavy-search', p, baseRps);
}

/** Opens the generated PGlite directory in a fresh process and times it until /healthz answers. */
function coldStart(dataDir: string): ScenarioResult {
  const t0 = performance.now();
  const out = execFileSync('node_modules/.bin/tsx', ['bench/cold-start.ts', dataDir], { encoding: 'utf8' });
  const wall = Math.round(performance.now() - t0);
  const inner = JSON.parse(out.trim().split('\n').pop()!) as { status: number; openMs: number; healthzMs: number };
  log(`cold-start: ${wall} ms process wall time (open ${inner.openMs} ms, /healthz after ${inner.healthzMs} ms inside the process)`);
  // p50 = the whole process (tsx + open + first answer), p95 = inside the process only; one sample.
  return { name: 'cold-start', rps: 0, p50Ms: wall, p95Ms: inner.healthzMs, p99Ms: inner.openMs, errors: inner.status === 200 ? 0 : 1, ratioToBaseline: 0 };
}

if (fs.existsSync('package.json')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

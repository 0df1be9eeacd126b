/**
 * `npm run bench [-- --quick] [--clients N] [--path-events N] [--services N] [--workers N]
 *                [--duration S] [--connections C] [--keep] [--only a,b] [--in-process]`
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
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { seedDemo } from '../src/db/demo/index.js';
import { loadReferenceData } from '../src/db/reference-data.js';
import { hashPassword } from '../src/domain/identity/password.js';
import { buildApp } from '../src/server/app.js';
import { catalogSearchIndex, warmCatalogueIndex } from '../src/domain/catalog/index.js';
import { warmRecommendationCatalogue } from '../src/domain/guidance/guidance.service.js';
import { BENCH_PASSWORD, generateCounty, type StepResult } from './generate.js';
import { runLoad, type LoadResult, type LoadSource } from './load.js';
import { writeResults, type ScenarioResult } from './report.js';
import { SCENARIOS, SEARCH_QUERIES, type Fixture } from './scenarios.js';
import { buildFixture, createBenchDatabase } from './setup.js';
import { measureImport } from './extra.js';
import { catalogSearchCache } from '../src/domain/catalog/catalog.cache.js';

interface Args { clients: number; pathEvents: number; services: number; workers: number; duration: number; connections: number; keep: boolean; quick: boolean; inProcess: boolean; only: string[] | null; harnessAb: boolean }

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
    // autocannon inside the server's process, as before 22 Nov 2026 evening (to compare; see bench/load.ts)
    inProcess: argv.includes('--in-process'),
    // --only caseload,mixed: just these scenarios (for iteration; the PGlite/50k/import/cold-start steps are skipped)
    // --harness-ab: after each scenario's window, the same window again with autocannon in this process (notes only)
    harnessAb: argv.includes('--harness-ab'),
    only: argv.includes('--only') ? (argv[argv.indexOf('--only') + 1] ?? '').split(',').filter(Boolean) : null,
  };
}

let peakRss = 0;
const sampleRss = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const log = (s: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}`);

async function baseline(a: Args, notes: string[]): Promise<number> {
  const bare = Fastify({ logger: false });
  bare.get('/', async () => ({ hello: 'world' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const port = (bare.server.address() as { port: number }).port;
  const cpu0 = process.cpuUsage();
  const r = await runLoad({ url: `http://127.0.0.1:${port}`, durationSec: a.duration, connections: a.connections, source: { requests: [{ method: 'GET', path: '/' }] }, inProcess: a.inProcess });
  const used = process.cpuUsage(cpu0);
  if (r.requests > 0) notes.push(`CPU per request, baseline (bare Fastify): server process ${((used.user + used.system) / 1000 / r.requests).toFixed(3)} ms${a.inProcess ? ' (incl. autocannon)' : ''}`);
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
  log(`database: ${target.label}${target.dataDir ? ` in ${target.dataDir}` : ''}; ${a.clients} clients, ${a.duration} s per scenario; load generator ${a.inProcess ? 'in the server process' : 'in a child process'}`);
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
    // The catalogue search index (ADR 0930), also warmed after listen by src/main.ts; off with POLKU_SEARCH_INDEX=off.
    if (catalogSearchIndex.enabled) {
      const [idx0, rss0] = [performance.now(), process.memoryUsage().rss];
      const snapshot = await warmCatalogueIndex(database.db);
      const idxMs = Math.round(performance.now() - idx0);
      const rssMb = Math.round((process.memoryUsage().rss - rss0) / 2 ** 20);
      results.push({ name: 'catalog-index-build', rps: 0, p50Ms: idxMs, p95Ms: idxMs, p99Ms: idxMs, errors: 0, ratioToBaseline: 0, note: `in-process search index of ${snapshot?.docs.length ?? 0} services, one sample, RSS +${rssMb} MB` });
      log(`catalogue search index: built in ${idxMs} ms (${snapshot?.docs.length ?? 0} services), RSS +${rssMb} MB`);
    }
    const fixture = await buildFixture(database.db, app, base, a.connections, a.workers);
    log(`logged in ${fixture.workers.length} workers${fixture.managerCookie ? ' and the manager' : ''}`);
    const cpu = cpuMeter(target.databaseUrl, a.inProcess);
    const baseRps = await baseline(a, notes);
    log(`baseline (bare Fastify): ${baseRps} req/s`);
    notes.push(`load generator: ${a.inProcess ? 'autocannon in the server process (--in-process)' : 'autocannon in a child process (bench/load-child.ts)'}`);
    for (const s of SCENARIOS.filter((x) => !a.only || a.only.includes(x.name))) {
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
      const cpu0 = await cpu.sample();
      const r = await runLoad({ url: base, durationSec: a.duration, connections: a.connections, source: { scenario: s.name, fixture }, inProcess: a.inProcess });
      const cpuNote = cpu.perRequest(cpu0, await cpu.sample(), r.requests);
      if (cpuNote) notes.push(`CPU per request, ${s.name}: ${cpuNote}`);
      sampleRss();
      if (r.requests === 0) notes.push(`${s.name}: no response completed within ${a.duration} s (each took longer than the whole window)`);
      results.push(toResult(s.name, r, baseRps));
      log(`${s.name}: ${r.rps} req/s, p95 ${r.p95Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}${cpuNote ? `; CPU per request: ${cpuNote}` : ''}`);
      if (r.errors > 0) notes.push(`${s.name}: ${r.errors} errors — ${await firstError(base, s.requests(fixture))}`);
      if (a.harnessAb) {
        await settle(base);
        const other = await runLoad({ url: base, durationSec: a.duration, connections: a.connections, source: { scenario: s.name, fixture }, inProcess: !a.inProcess });
        const line = `${s.name} with autocannon ${a.inProcess ? 'in a child process' : 'in the server process'}: ${other.rps} req/s, p50 ${other.p50Ms} ms, p95 ${other.p95Ms} ms, p99 ${other.p99Ms} ms, errors ${other.errors}`;
        notes.push(line);
        log(line);
      }
    }
    await settle(base);
    if (database.kind === 'pglite' && (!a.only || a.only.includes('pk-read-under-heavy-search'))) {
      results.push(await pkUnderSearch(base, a, fixture, baseRps));
      // Again with the search result cache off, so every heavy search really runs (docs/performance.md, fourth round).
      catalogSearchCache.enabled = false;
      try { results.push({ ...(await pkUnderSearch(base, a, fixture, baseRps)), name: 'pk-read-under-heavy-search-uncached' }); }
      catch (e) { results.push(skipped('pk-read-under-heavy-search-uncached', `failed: ${String(e)}`)); log(`pk-read-under-heavy-search-uncached: failed (${String(e)})`); }
      finally { catalogSearchCache.enabled = true; }
    }
    if (a.services >= 50_000) {
      // -50k: as served (result cache per catalogue generation on); -uncached: the cache off, every request searches;
      // -uncached-1c: the same with one connection, the latency one user sees when nothing else runs.
      const searches = [['catalog-search-50k', null, a.connections], ['catalog-search-50k-uncached', null, a.connections],
        ['catalog-search-50k-uncached-1c', null, 1], ['catalog-search-ilike', '/__bench/ilike', a.connections]] as const;
      for (const [name, path, connections] of searches) {
        if (a.only && !a.only.includes(name)) continue;
        catalogSearchCache.enabled = !name.startsWith('catalog-search-50k-uncached');
        const source: LoadSource = path ? { pick: { prefix: `${path}?q=`, values: SEARCH_QUERIES.map((q) => encodeURIComponent(q)) } } : { scenario: 'catalog-search', fixture };
        await settle(base);
        const cpu0 = await cpu.sample();
        const r = await runLoad({ url: base, durationSec: a.duration, connections, source, inProcess: a.inProcess });
        const cpuNote = cpu.perRequest(cpu0, await cpu.sample(), r.requests);
        if (cpuNote) notes.push(`CPU per request, ${name}: ${cpuNote}`);
        results.push(toResult(name, r, baseRps));
        log(`${name}: ${r.rps} req/s, p95 ${r.p95Ms} ms${cpuNote ? `; CPU per request: ${cpuNote}` : ''}`);
      }
      catalogSearchCache.enabled = true;
    }
    if (!a.only) {
      const imp = await measureImport(database, log);
      results.push(...(imp.results.length > 0 ? imp.results : [skipped('import', imp.note)]));
    }
    await app.close();
    const dataDir = target.dataDir;
    await database.close();
    if (dataDir && !a.only) results.push(coldStart(dataDir));
    sampleRss();
    const summary = { database: target.label as 'pglite' | 'postgres', clients: a.clients, baseline: { rps: baseRps }, scenarios: results };
    // A partial run (--only) does not replace the committed latest.* files.
    const files = writeResults(a.only ? 'bench/.data/partial-results' : 'bench/results', summary, {
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
 * CPU time per completed request during a window: this process (the server: Fastify, zod, Kysely,
 * node-postgres — and, on PGlite, the database itself; with `--in-process` also autocannon) and, on
 * PostgreSQL, the backends of the bench database (/proc/<pid>/stat utime + stime, Linux only).
 * Wall time that is neither is waiting: commit flushes, locks, the run queue of a loaded machine.
 */
function cpuMeter(databaseUrl: string | null, inProcess: boolean) {
  const tick = 10; // ms per clock tick (USER_HZ 100)
  // Per backend pid: the pool closes idle connections, so a plain sum could go down during a window.
  const backendTicks = async (): Promise<Map<number, number> | null> => {
    if (!databaseUrl || !fs.existsSync('/proc/self/stat')) return null;
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      const r = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      const ticks = new Map<number, number>();
      for (const { pid } of r.rows) {
        try {
          const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
          ticks.set(pid, Number(f[11]) + Number(f[12])); // utime, stime (fields 14 and 15 of stat)
        } catch { /* backend ended */ }
      }
      return ticks;
    } finally {
      await c.end();
    }
  };
  return {
    async sample() {
      return { proc: process.cpuUsage(), pg: await backendTicks().catch(() => null) };
    },
    perRequest(a: { proc: NodeJS.CpuUsage; pg: Map<number, number> | null }, b: { proc: NodeJS.CpuUsage; pg: Map<number, number> | null }, requests: number): string | null {
      if (requests === 0) return null;
      const server = (b.proc.user - a.proc.user + b.proc.system - a.proc.system) / 1000 / requests;
      // Backends that ended during the window are missed (a slight undercount), new ones count from 0.
      const pgTicks = a.pg && b.pg ? [...b.pg].reduce((sum, [pid, t]) => sum + t - (a.pg!.get(pid) ?? 0), 0) : null;
      const pgMs = pgTicks !== null ? (pgTicks * tick) / requests : null;
      return `server process ${server.toFixed(2)} ms${inProcess ? ' (incl. autocannon)' : ''}${pgMs !== null ? `, PostgreSQL backends ${pgMs.toFixed(2)} ms` : ''}`;
    },
  };
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
  const heavy = runLoad({ url: base, durationSec: a.duration, connections: Math.max(1, Math.floor(a.connections / 2)), source: { requests: [{ method: 'GET', path: '/api/v1/services?q=palvelu&limit=50' }] }, inProcess: a.inProcess });
  const pk = runLoad({ url: base, durationSec: a.duration, connections: Math.max(1, Math.ceil(a.connections / 2)), source: { pick: { prefix: '/api/v1/services/', values: ids } }, inProcess: a.inProcess });
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

/**
 * `DATABASE_URL=postgres://…/polku_bench_xxx npx tsx bench/search-ab.ts [--dir bench/.data/pglite-N] [--duration 5] [--connections 10]`
 *
 * The bench's uncached catalogue scenario (catalog-search-50k-uncached: the result cache off, every
 * request searches) on a kept bench database, one window, printed as one line: req/s, latency and
 * CPU a request (this server process; on PostgreSQL also the database's backends). Made for
 * alternating A/B runs of two source trees on the same database in the same minutes (run this file
 * from each tree in turn), since the machine's speed drifts between runs. A 2 s window first warms
 * the JIT. Set POLKU_SEARCH_ANALYSIS_MEMO=off to analyse every query in the database again.
 */
import fs from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { catalogSearchCache } from '../src/domain/catalog/catalog.cache.js';
import { warmCatalogueIndex } from '../src/domain/catalog/catalog.search-index.store.js';
import { runLoad } from './load.js';
import { SEARCH_QUERIES } from './scenarios.js';

const argv = process.argv.slice(2);
const flag = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };

/** CPU ticks (10 ms) of this database's backends, per pid (the pool may replace connections). */
async function backendTicks(url: string | null): Promise<Map<number, number> | null> {
  if (!url) return null;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    const ticks = new Map<number, number>();
    for (const { pid } of r.rows) {
      try {
        const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticks.set(pid, Number(f[11]) + Number(f[12]));
      } catch { /* ended */ }
    }
    return ticks;
  } finally {
    await c.end();
  }
}

async function main() {
  const dir = flag('--dir');
  const duration = Number(flag('--duration') ?? 5);
  const connections = Number(flag('--connections') ?? 10);
  const url = dir ? null : process.env.DATABASE_URL ?? null;
  const database = await openDatabase({ databaseUrl: url, dataDir: dir ?? null, poolSize: 10 });
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', rateLimitPerMinute: 0, host: '127.0.0.1', port: 0 };
  const app = await buildApp(config, database);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    await warmCatalogueIndex(database.db);
    catalogSearchCache.enabled = false;
    const source = { pick: { prefix: '/api/v1/services?limit=20&q=', values: SEARCH_QUERIES.map((q) => encodeURIComponent(q)) } };
    await runLoad({ url: base, durationSec: 2, connections, source });
    const [cpu0, pg0] = [process.cpuUsage(), await backendTicks(url)];
    const r = await runLoad({ url: base, durationSec: duration, connections, source });
    const [cpu1, pg1] = [process.cpuUsage(cpu0), await backendTicks(url)];
    const server = (cpu1.user + cpu1.system) / 1000 / Math.max(r.requests, 1);
    const pgMs = pg0 && pg1 ? ([...pg1].reduce((s, [pid, t]) => s + t - (pg0.get(pid) ?? 0), 0) * 10) / Math.max(r.requests, 1) : null;
    console.log(`${new Date().toISOString().slice(11, 19)} ${process.cwd()}: ${r.rps} req/s, p50 ${r.p50Ms} p95 ${r.p95Ms} p99 ${r.p99Ms} ms, errors ${r.errors}; CPU a search: server ${server.toFixed(2)} ms${pgMs !== null ? ` + PostgreSQL ${pgMs.toFixed(2)} ms` : ''}`);
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

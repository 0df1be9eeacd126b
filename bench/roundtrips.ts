/**
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/polku_bench_xxx npx tsx bench/roundtrips.ts [scenario …] [--n 20] [--sql]`
 *
 * Profiling aid for a database kept with `npm run bench -- --keep` (PostgreSQL only): starts the real
 * server on it, sends the scenarios' requests one at a time and counts, per request, every statement
 * the server sent to PostgreSQL (one statement = one round trip with node-postgres: BEGIN and COMMIT
 * included) and where the wall time went: waiting for PostgreSQL (per statement, COMMIT separately)
 * versus everything else in the process (Fastify, zod, JSON, node-postgres parsing, Kysely).
 * `--sql` prints the statements of the first request of each route. Requests that write (referrals)
 * do write into the kept database.
 */
import fs from 'node:fs';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { SCENARIOS } from './scenarios.js';
import { buildFixture } from './setup.js';

interface Stmt { text: string; ms: number }
let current: Stmt[] | null = null;

// Every statement goes through Client#query (the pool's clients included); time it until its result arrives.
const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  const first = args[0];
  const text = typeof first === 'string' ? first : (first as { text?: string })?.text ?? '?';
  const rec = current;
  const t0 = performance.now();
  const out = original.apply(this, args);
  if (rec && out && typeof (out as Promise<unknown>).then === 'function') {
    (out as Promise<unknown>).then(
      () => rec.push({ text, ms: performance.now() - t0 }),
      () => rec.push({ text: `(failed) ${text}`, ms: performance.now() - t0 }),
    );
  }
  return out;
};

/** utime + stime (clock ticks of 10 ms) of this database's backends, from /proc (Linux, same host). */
async function backendTicks(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
  let sum = 0;
  for (const { pid } of r.rows) {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      sum += Number(f[11]) + Number(f[12]);
    } catch { /* ended */ }
  }
  return sum;
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] ?? 0; };
const short = (t: string) => t.replace(/\s+/g, ' ').trim().slice(0, 110);

async function main() {
  const argv = process.argv.slice(2);
  const flag = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv.splice(i, 2)[1] : undefined; };
  const n = Number(flag('--n') ?? 20);
  const showSql = argv.includes('--sql');
  const names = argv.filter((a) => !a.startsWith('--'));
  if (!process.env.DATABASE_URL) throw new Error('PostgreSQL only: set DATABASE_URL to a kept bench database');
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: null, poolSize: 4 });
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', rateLimitPerMinute: 0, host: '127.0.0.1', port: 0 };
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  try {
    const fixture = await buildFixture(database.db, app, base, 4, 500);
    if (fixture.workers.length === 0) throw new Error('no bench worker could log in (is this a kept bench database?)');
    const wanted = names.length > 0 ? names : ['caseload', 'client-overview', 'referral-write'];
    for (const s of SCENARIOS.filter((x) => wanted.includes(x.name))) {
      const cpu0 = process.cpuUsage();
      const pg0 = await backendTicks(database.db);
      let count = 0;
      const perRoute = new Map<string, { wall: number[]; db: number[]; commit: number[]; stmts: number[]; first?: Stmt[] }>();
      const ctx: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        for (const r of s.requests(fixture)) {
          const built = r.setupRequest ? r.setupRequest({ ...r }, ctx) : r;
          const route = `${built.method ?? 'GET'} ${built.path?.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*/, '')}`;
          const stmts: Stmt[] = [];
          current = stmts;
          const t0 = performance.now();
          const res = await fetch(`${base}${built.path}`, { method: built.method ?? 'GET', headers: built.headers, body: built.body });
          await res.text();
          const wall = performance.now() - t0;
          current = null;
          if (res.status >= 300) throw new Error(`${route} → ${res.status}`);
          const e = perRoute.get(route) ?? { wall: [], db: [], commit: [], stmts: [] };
          e.wall.push(wall);
          e.db.push(stmts.reduce((a, x) => a + x.ms, 0));
          e.commit.push(stmts.filter((x) => /^commit/i.test(x.text)).reduce((a, x) => a + x.ms, 0));
          e.stmts.push(stmts.length);
          e.first ??= stmts;
          perRoute.set(route, e);
          count++;
        }
      }
      const cpu = process.cpuUsage(cpu0);
      const pgMs = ((await backendTicks(database.db)) - pg0) * 10;
      console.log(`${s.name}: CPU per request: this process ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms (server + the fetch client), PostgreSQL backends ${(pgMs / count).toFixed(2)} ms (n=${count})`);
      for (const [route, e] of perRoute) {
        const f = (x: number) => x.toFixed(1);
        console.log(`${route.padEnd(36)} n=${e.wall.length} statements ${median(e.stmts)} · median wall ${f(median(e.wall))} ms = PostgreSQL ${f(median(e.db))} ms (COMMIT ${f(median(e.commit))}) + process ${f(median(e.wall.map((w, i) => w - e.db[i]!)))} ms`);
        if (showSql) for (const st of e.first ?? []) console.log(`    ${st.ms.toFixed(2).padStart(6)} ms  ${short(st.text)}`);
      }
    }
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

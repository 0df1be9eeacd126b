/**
 * `npx tsx bench/pglite-split.ts --dir bench/.data/pglite-10000 [caseload client-overview] [--duration 5] [--connections 10]`
 *
 * Where a PGlite request's single-thread time goes, under the bench load (child-process generator):
 * the WebAssembly part of each statement (PostgreSQL's parse/plan/execute: `execProtocolRawSync`),
 * PGlite's JavaScript around it (protocol encoding, result parsing), the time the connection is held
 * (queue grant → release) and the rest of the server process's CPU (Fastify, Kysely, domain, JSON).
 * This is the input to "would a worker thread for PGlite pay" (issue 11): with the database share p
 * of a request's CPU, overlapping two threads bounds the gain at 1 / max(p, 1 − p).
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { runLoad } from './load.js';
import { buildFixture } from './setup.js';

const acc = { wasm: 0, wasmCpu: 0, pgliteCall: 0, pgliteCallCpu: 0, statements: 0, held: 0, heldCpu: 0 };
/** WASM CPU and calls by the first protocol message of the call: P parse, D describe, B bind, E execute, S sync, Q simple query. */
const byKind = new Map<string, [number, number]>();
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
type Proto = Record<string, (...a: unknown[]) => unknown>;
const proto = PGlite.prototype as unknown as Proto;
const rawSync = proto.execProtocolRawSync!;
proto.execProtocolRawSync = function (this: unknown, ...a: unknown[]) {
  // Synchronous: the process's CPU across the call is this thread's (getrusage, µs), unlike wall
  // time, which on a shared machine also counts the time the thread was not scheduled.
  const t = performance.now();
  const c = process.cpuUsage();
  try {
    return rawSync.apply(this, a);
  } finally {
    const spent = cpuMs(process.cpuUsage(c));
    acc.wasmCpu += spent;
    const kind = String.fromCharCode((a[0] as Uint8Array)[0] ?? 63);
    byKind.set(kind, [(byKind.get(kind)?.[0] ?? 0) + spent, (byKind.get(kind)?.[1] ?? 0) + 1]);
    acc.wasm += performance.now() - t;
  }
};
for (const name of ['query', 'exec'] as const) {
  const orig = proto[name]!;
  proto[name] = async function (this: unknown, ...a: unknown[]) {
    // CPU across an await is this call's only with one connection (nothing else runs meanwhile).
    const t = performance.now();
    const c = process.cpuUsage();
    acc.statements++;
    try {
      return await orig.apply(this, a);
    } finally {
      acc.pgliteCallCpu += cpuMs(process.cpuUsage(c));
      acc.pgliteCall += performance.now() - t;
    }
  };
}

async function main() {
  const argv = process.argv.slice(2);
  const flag = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv.splice(i, 2)[1] : undefined; };
  const dir = flag('--dir') ?? 'bench/.data/pglite-10000';
  const duration = Number(flag('--duration') ?? 5);
  const connections = Number(flag('--connections') ?? 10);
  // --ab N: each scenario N times with prepared statements off, then on (same process, same data).
  const ab = Number(flag('--ab') ?? 0);
  // --plan-cache-mode force_custom_plan: kept statements skip the parse but are planned on every run.
  const planCacheMode = flag('--plan-cache-mode');
  const names = argv.length > 0 ? argv : ['caseload', 'client-overview'];
  const database = await openDatabase({ databaseUrl: null, dataDir: dir });
  if (planCacheMode) await sql`SELECT set_config('plan_cache_mode', ${planCacheMode}, false)`.execute(database.db);
  let heldSince = 0;
  let heldCpu = process.cpuUsage();
  const queue = database.queue!;
  const acquire = queue.acquire.bind(queue);
  const release = queue.release.bind(queue);
  queue.acquire = async () => { await acquire(); heldSince = performance.now(); heldCpu = process.cpuUsage(); };
  queue.release = () => { acc.held += performance.now() - heldSince; acc.heldCpu += cpuMs(process.cpuUsage(heldCpu)); release(); };
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', rateLimitPerMinute: 0, host: '127.0.0.1', port: 0 };
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  try {
    const fixture = await buildFixture(database.db, app, base, connections, 500);
    const modes: (boolean | null)[] = ab > 0 ? Array.from({ length: ab }, () => [false, true]).flat() : [null];
    for (const name of names) for (const mode of modes) {
      if (mode !== null) database.statements!.enabled = mode;
      await runLoad({ url: base, durationSec: 2, connections, source: { scenario: name, fixture } }); // warm-up
      await new Promise((r) => setTimeout(r, 500));
      Object.assign(acc, { wasm: 0, wasmCpu: 0, pgliteCall: 0, pgliteCallCpu: 0, statements: 0, held: 0, heldCpu: 0 });
      byKind.clear();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await runLoad({ url: base, durationSec: duration, connections, source: { scenario: name, fixture } });
      await fetch(`${base}/healthz`);
      const wall = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const n = r.requests;
      const cpu = (c.user + c.system) / 1000;
      const f = (x: number) => (x / n).toFixed(2);
      console.log(
        `${name}${mode === null ? '' : mode ? ' [prepared]' : ' [unnamed]'}: ${r.rps} req/s p95 ${r.p95Ms} ms, errors ${r.errors}; per request: process CPU ${f(cpu)} ms, ` +
          `PGlite WASM CPU ${f(acc.wasmCpu)} ms (wall ${f(acc.wasm)}), PGlite query/exec ${f(acc.pgliteCall)} ms wall, ${f(acc.pgliteCallCpu)} ms CPU (${(acc.statements / n).toFixed(1)} calls), ` +
          `WASM by message ${[...byKind].map(([k, [ms, calls]]) => `${k} ${(ms / n).toFixed(2)} ms/${(calls / n).toFixed(1)}`).join(', ')}; ` +
          `connection held ${f(acc.held)} ms wall, ${f(acc.heldCpu)} ms CPU (both CPU figures hold only with --connections 1); busy ${((cpu / wall) * 100).toFixed(0)} % of one core`,
      );
    }
    if (argv.includes('--plans') || process.env.SPLIT_PLANS) {
      const r = await sql<{ generic_plans: number; custom_plans: number; statement: string }>`SELECT generic_plans::int, custom_plans::int, left(regexp_replace(statement, '[[:space:]]+', ' ', 'g'), 110) AS statement FROM pg_prepared_statements ORDER BY generic_plans + custom_plans DESC LIMIT 40`.execute(database.db);
      for (const row of r.rows) console.log(`generic ${row.generic_plans} custom ${row.custom_plans}  ${row.statement}`);
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

/**
 * `DATABASE_URL=postgres://…/polku_bench_xxx npx tsx bench/probe.ts [scenario …] [--n 20]`
 * (or `--dir bench/.data/pglite-10000` for a kept PGlite directory)
 *
 * Profiling aid for a database kept with `npm run bench -- --keep`: starts the real server on it
 * and sends the scenarios' requests one at a time (no concurrency), printing each scenario's
 * min / median / max latency. Nothing is generated or dropped; requests that write (referrals)
 * do write into the kept database.
 */
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { SCENARIOS } from './scenarios.js';
import { buildFixture } from './setup.js';

async function main() {
  const argv = process.argv.slice(2);
  const flag = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv.splice(i, 2)[1] : undefined; };
  const n = Number(flag('--n') ?? 20);
  const dir = flag('--dir');
  const names = argv.length > 0 ? argv : SCENARIOS.map((s) => s.name);
  const database = await openDatabase({ databaseUrl: dir ? null : process.env.DATABASE_URL ?? null, dataDir: dir ?? null, poolSize: 4 });
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', rateLimitPerMinute: 0, host: '127.0.0.1', port: 0 };
  const app = await buildApp(config, database);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  try {
    const fixture = await buildFixture(database.db, app, base, 4, 500);
    if (fixture.workers.length === 0) throw new Error("no bench worker could log in (is this a kept bench database?)");
    for (const s of SCENARIOS.filter((x) => names.includes(x.name))) {
      const times: number[] = [];
      let failed = '';
      const ctx: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        for (const r of s.requests(fixture)) {
          const built = r.setupRequest ? r.setupRequest({ ...r }, ctx) : r;
          if (!built) continue;
          const t0 = performance.now();
          const res = await fetch(`${base}${built.path}`, { method: built.method ?? 'GET', headers: built.headers, body: built.body });
          const text = await res.text();
          times.push(performance.now() - t0);
          if (res.status >= 300 && !failed) failed = `${res.status} ${text.slice(0, 120)}`;
        }
      }
      times.sort((a, b) => a - b);
      const f = (x: number) => x.toFixed(1);
      console.log(`${s.name.padEnd(18)} n=${times.length} min ${f(times[0]!)} ms  median ${f(times[Math.floor(times.length / 2)]!)} ms  max ${f(times.at(-1)!)} ms${failed ? `  first error: ${failed}` : ''}`);
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

/**
 * `DATABASE_URL=postgres://…/polku_bench_xxx npx tsx bench/search-split.ts [--dir bench/.data/pglite-N] [--rounds 5] [q …]`
 *
 * Where an uncached catalogue search spends its CPU, one search at a time on a kept bench database
 * (one connection), as cumulative parts: an empty transaction; one reading the catalogue generation;
 * one running the query-analysis statement (planQuery: vocabulary, roots, compounds, typos,
 * websearch_to_tsquery); the search (searchServices: generation, analysis from the memo after the
 * first round, the in-process index); the whole uncached response (the page's rows, the contract
 * check and serialisation) — each as this process's CPU and, on PostgreSQL, the
 * backend's CPU (/proc/<pid>/stat, 10 ms ticks, so only sums over many searches mean anything).
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { planQuery, searchServices } from '../src/domain/catalog/catalog.search.js';
import { warmCatalogueIndex } from '../src/domain/catalog/catalog.search-index.store.js';
import { catalogGeneration, catalogSearchCache } from '../src/domain/catalog/catalog.cache.js';
import { search } from '../src/domain/catalog/catalog.service.js';
import { SEARCH_QUERIES } from './scenarios.js';

const argv = process.argv.slice(2);
const flag = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv.splice(i, 2)[1] : undefined; };

async function main() {
  const dir = flag('--dir');
  const rounds = Number(flag('--rounds') ?? 5);
  const queries = argv.length > 0 ? argv : SEARCH_QUERIES;
  const database = await openDatabase({ databaseUrl: dir ? null : process.env.DATABASE_URL ?? null, dataDir: dir ?? null, poolSize: 1 });
  const db = database.db;
  catalogSearchCache.enabled = false;
  try {
    await warmCatalogueIndex(db);
    const pid = database.kind === 'postgres' ? (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0]!.pid : null;
    const backendMs = () => {
      if (pid === null) return 0;
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    };
    const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
    type Part = 'tx' | 'gen' | 'plan' | 'search' | 'full';
    const parts: Part[] = ['tx', 'gen', 'plan', 'search', 'full'];
    const sums = Object.fromEntries(parts.map((p) => [p, { node: 0, pg: 0, wall: 0, n: 0 }])) as Record<Part, { node: number; pg: number; wall: number; n: number }>;
    const perQuery = new Map<string, Record<Part, number>>();
    const run = async (part: Part, q: string) => {
      const [c0, b0, w0] = [cpuMs(), backendMs(), performance.now()];
      await db.transaction().execute(async (tx) => {
        if (part === 'plan') await planQuery(tx, q, { indexInputs: true });
        else if (part === 'gen') await catalogGeneration(tx);
        else if (part === 'search') await searchServices(tx, { q, limit: 20, offset: 0 });
        else if (part === 'full') await search(tx, { q, limit: 20, offset: 0 });
        else await sql`SELECT 1`.execute(tx);
      });
      const s = sums[part];
      const node = cpuMs() - c0;
      s.node += node;
      s.pg += backendMs() - b0;
      s.wall += performance.now() - w0;
      s.n++;
      const pq = perQuery.get(q) ?? (perQuery.set(q, { tx: 0, gen: 0, plan: 0, search: 0, full: 0 }), perQuery.get(q)!);
      pq[part] += node;
    };
    // Warm the JIT before measuring.
    for (const q of queries) for (const p of parts) await run(p, q);
    for (const p of parts) sums[p] = { node: 0, pg: 0, wall: 0, n: 0 };
    perQuery.clear();
    for (let r = 0; r < rounds; r++) for (const q of queries) for (const p of parts) await run(p, q);
    const f = (x: number) => x.toFixed(2);
    for (const p of parts) {
      const s = sums[p];
      console.log(`${p.padEnd(7)} per search: Node CPU ${f(s.node / s.n)} ms, backend CPU ${f(s.pg / s.n)} ms, wall ${f(s.wall / s.n)} ms (n=${s.n})`);
    }
    console.log('per query, Node CPU ms (plan / search / full):');
    for (const [q, v] of perQuery) console.log(`  ${q.padEnd(24)} ${f(v.plan / rounds)} / ${f(v.search / rounds)} / ${f(v.full / rounds)}`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * `DATABASE_URL=postgres://postgres@127.0.0.1:5432/polku_bench_xxx npx tsx bench/explain-search.ts [query …] [--limit 20]`
 *
 * Profiling aid for the catalogue search on a kept bench database (PostgreSQL, superuser URL):
 * runs `searchServices` once per query with `auto_explain` reporting every statement's
 * EXPLAIN ANALYZE as a notice, and prints the plans and the wall time of each search.
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from '../src/db/schema.js';
import { searchServices } from '../src/domain/catalog/catalog.search.js';
import { SEARCH_QUERIES } from './scenarios.js';

async function main() {
  const argv = process.argv.slice(2);
  const li = argv.indexOf('--limit');
  const limit = li >= 0 ? Number(argv.splice(li, 2)[1]) : 20;
  const plans = !argv.includes('--no-plans');
  const queries = argv.filter((a) => !a.startsWith('--'));
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  pool.on('connect', (c) => c.on('notice', (n) => { if (plans) console.log(n.message); }));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    for (const q of queries.length ? queries : SEARCH_QUERIES) {
      const t0 = performance.now();
      const out = await db.transaction().execute(async (tx) => {
        if (plans) {
          await sql`LOAD 'auto_explain'`.execute(tx);
          await sql`SET LOCAL auto_explain.log_min_duration = 0`.execute(tx);
          await sql`SET LOCAL auto_explain.log_analyze = on`.execute(tx);
          await sql`SET LOCAL auto_explain.log_level = notice`.execute(tx);
          await sql`SET LOCAL client_min_messages = notice`.execute(tx);
        }
        return searchServices(tx, { q, limit, offset: 0 });
      });
      console.log(`== ${q}: total ${out.total}${out.capped ? '+' : ''}, ${(performance.now() - t0).toFixed(1)} ms`);
    }
  } finally {
    await db.destroy();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

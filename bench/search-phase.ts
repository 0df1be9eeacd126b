/**
 * `DATABASE_URL=postgres://…/polku_bench_xxx npx tsx bench/search-phase.ts [--dir …] [--rounds 20] [q …]`
 *
 * The in-process index alone (searchSnapshot, ADR 0930), per bench query on a kept bench database:
 * CPU time a search over `rounds` repetitions, after a warm-up, with the query analysed once.
 */
import { openDatabase } from '../src/db/database.js';
import { planQuery, indexQueryOf, INDEX_LIMITS } from '../src/domain/catalog/catalog.search.js';
import { searchSnapshot } from '../src/domain/catalog/catalog.search-index.js';
import { warmCatalogueIndex } from '../src/domain/catalog/catalog.search-index.store.js';
import { SEARCH_QUERIES } from './scenarios.js';

const argv = process.argv.slice(2);
const flag = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv.splice(i, 2)[1] : undefined; };
async function main() {
  const dir = flag('--dir');
  const rounds = Number(flag('--rounds') ?? 20);
  const queries = argv.length > 0 ? argv : SEARCH_QUERIES;
  const database = await openDatabase({ databaseUrl: dir ? null : process.env.DATABASE_URL ?? null, dataDir: dir ?? null, poolSize: 1 });
  try {
    const snap = (await warmCatalogueIndex(database.db))!;
    const prepared = [];
    for (const q of queries) {
      const plans = await database.db.transaction().execute((tx) => planQuery(tx, q, { indexInputs: true }));
      prepared.push({ q, iq: indexQueryOf(plans, q)! });
    }
    for (const { iq } of prepared) for (let i = 0; i < 3; i++) searchSnapshot(snap, { q: iq.raw, limit: 20, offset: 0 }, iq, INDEX_LIMITS);
    let sum = 0;
    for (const { q, iq } of prepared) {
      // CPU time, not wall time: the machine is shared, and preemption would count as search time.
      const c0 = process.cpuUsage();
      let out;
      for (let i = 0; i < rounds; i++) out = searchSnapshot(snap, { q, limit: 20, offset: 0 }, iq, INDEX_LIMITS);
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000 / rounds;
      sum += ms;
      console.log(`${q.padEnd(24)} ${ms.toFixed(2)} ms  total ${out!.total}${out!.capped ? '+' : ''}`);
    }
    console.log(`mean ${(sum / prepared.length).toFixed(2)} ms a search (index only)`);
  } finally {
    await database.close();
  }
}
void main();

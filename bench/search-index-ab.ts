/**
 * `DATABASE_URL=postgres://…/polku_bench_xxx npx tsx bench/search-index-ab.ts [--dir bench/.data/pglite-N] [--rounds 3]`
 *
 * The in-process catalogue search index (ADR 0930) against the SQL search on one kept bench database:
 * builds the index (time, RSS), then for every bench query plus words drawn from the catalogue (with
 * and without filters) compares total, capped, the match set (uncapped), facets and the top 20, and
 * times both engines alternately in one process (wall and this process's CPU per search).
 */
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.js';
import { searchServices, searchServicesInSql, type SearchRequest } from '../src/domain/catalog/catalog.search.js';
import { warmCatalogueIndex } from '../src/domain/catalog/catalog.search-index.store.js';
import { SEARCH_QUERIES } from './scenarios.js';

const flag = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };

async function main() {
  const dir = flag('--dir');
  const rounds = Number(flag('--rounds') ?? 3);
  const database = await openDatabase({ databaseUrl: dir ? null : process.env.DATABASE_URL ?? null, dataDir: dir ?? null, poolSize: 2 });
  const db = database.db;
  try {
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const snap = await warmCatalogueIndex(db);
    const buildMs = performance.now() - t0;
    global.gc?.();
    console.log(`index: ${snap?.docs.length} services, build ${buildMs.toFixed(0)} ms, RSS ${(rss0 / 2 ** 20).toFixed(0)} → ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
    const words = (await sql<{ w: string }>`SELECT word AS w FROM catalog_lexicon WHERE length(word) >= 5 ORDER BY md5(word) LIMIT 60`.execute(db)).rows.map((r) => r.w);
    const reqs: SearchRequest[] = [
      ...SEARCH_QUERIES.map((q) => ({ q, limit: 20, offset: 0 })),
      ...['velkaneuvota', 'mielenterveyspalvelu', 'kotihoidon', 'yksinäisille', 'ja', 'xqzv', 'stöd för unga', 'omaishoitajan vapaa', 'lasten-suojelu', 'päihde -alkoholi'].map((q) => ({ q, limit: 20, offset: 0 })),
      ...words.map((q, i) => ({ q, limit: 20, offset: 0, ...(i % 3 === 0 ? { segment: ['yhteiso'] } : i % 3 === 1 ? { age: 70, channel: ['phone'] } : {}) })),
      ...words.slice(0, 20).map((w, i) => ({ q: `${w} ${words[i + 20]}`, limit: 20, offset: 0 })),
      { limit: 20, offset: 0, municipality: '186' }, { q: 'mielenterveys', limit: 20, offset: 20, sector: ['ngo'] },
    ];
    const cappedOverlap: number[] = [];
    let sameSet = 0, uncapped = 0, sameTotal = 0, top20 = 0, top20Same = 0, sameFacets = 0, cappedBoth = 0;
    const time = { sql: [] as number[], index: [] as number[], sqlCpu: [] as number[], indexCpu: [] as number[] };
    for (const req of reqs) {
      const full = { ...req, limit: 1001, offset: 0 };
      const a = await db.transaction().execute((tx) => searchServicesInSql(tx, full));
      const b = await db.transaction().execute((tx) => searchServices(tx, full));
      if (a.capped && b.capped) {
        cappedBoth++;
        // SQL scored an arbitrary first 1 001 matches, the index all of them: how much of the first page is shared.
        const overlap = a.ids.slice(0, 20).filter((x) => b.ids.slice(0, 20).includes(x)).length;
        cappedOverlap.push(overlap);
        console.log(`capped ${JSON.stringify(req.q)}: top-20 overlap SQL/index ${overlap}/20`);
      }
      if (a.total === b.total && a.capped === b.capped) sameTotal++;
      else console.log(`total differs: ${JSON.stringify(req)} sql ${a.total}${a.capped ? '+' : ''} index ${b.total}${b.capped ? '+' : ''}`);
      if (!a.capped) {
        uncapped++;
        const sa = new Set(a.ids);
        if (a.ids.length === b.ids.length && b.ids.every((x) => sa.has(x))) sameSet++;
        if (JSON.stringify(a.facets) === JSON.stringify(b.facets)) sameFacets++;
        else console.log(`facets differ: ${JSON.stringify(req)}`);
        const [ta, tb] = [a.ids.slice(0, 20), b.ids.slice(0, 20)];
        const overlap = ta.filter((x) => tb.includes(x)).length;
        top20 += ta.length ? overlap / ta.length : 1;
        if (JSON.stringify(ta) === JSON.stringify(tb)) top20Same++;
        else console.log(`top 20 differs (${overlap}/${ta.length}): ${JSON.stringify(req)}`);
      }
    }
    console.log(`${reqs.length} requests: same total+capped ${sameTotal}; capped in both ${cappedBoth}; uncapped ${uncapped}: same match set ${sameSet}, same facets ${sameFacets}, identical top 20 ${top20Same}, mean top-20 overlap ${(100 * top20 / Math.max(uncapped, 1)).toFixed(1)} %; capped: mean top-20 overlap ${(cappedOverlap.reduce((x, y) => x + y, 0) / Math.max(cappedOverlap.length, 1)).toFixed(1)}/20`);
    for (let r = 0; r < rounds; r++) {
      for (const q of SEARCH_QUERIES) {
        for (const [name, fn] of [['sql', searchServicesInSql], ['index', searchServices]] as const) {
          const c0 = process.cpuUsage();
          const w0 = performance.now();
          await db.transaction().execute((tx) => fn(tx, { q, limit: 20, offset: 0 }));
          time[name].push(performance.now() - w0);
          const c = process.cpuUsage(c0);
          time[`${name}Cpu`].push((c.user + c.system) / 1000);
        }
      }
    }
    const stat = (xs: number[]) => { const s = [...xs].sort((x, y) => x - y); return `median ${s[Math.floor(s.length / 2)]!.toFixed(2)} ms, p95 ${s[Math.floor(s.length * 0.95)]!.toFixed(2)} ms`; };
    console.log(`bench queries × ${rounds}, one at a time, alternating — SQL: wall ${stat(time.sql)}, this process CPU ${stat(time.sqlCpu)}; index: wall ${stat(time.index)}, CPU ${stat(time.indexCpu)}`);
  } finally {
    await database.close();
  }
}
void main();

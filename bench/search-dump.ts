/**
 * `DATABASE_URL=postgres://…/polku_bench_xxx npx tsx bench/search-dump.ts [--dir bench/.data/pglite-N] --out FILE [--compare OTHER]`
 *
 * The public search's response bodies (GET /api/v1/services, result cache off) for a fixed, large set of
 * requests on a kept bench database, one line per request (`url<TAB>body`), written to FILE. Run it from
 * the old and the new source tree on the same database and compare the files (`--compare` prints how
 * many bodies are byte-identical and the first differences): the check that a change to how the search
 * is computed did not change what it answers. The requests: the bench queries, words drawn from the
 * vocabulary (stable order), pairs of them, typos and trigram-fallback queries, with and without
 * filters, first and deep pages, and no query at all.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { catalogSearchCache } from '../src/domain/catalog/catalog.cache.js';
import { warmCatalogueIndex } from '../src/domain/catalog/catalog.search-index.store.js';
import { SEARCH_QUERIES } from './scenarios.js';

const flag = (name: string) => { const i = process.argv.indexOf(name); return i >= 0 ? process.argv[i + 1] : undefined; };

export function compareDumps(a: string, b: string): { same: number; differ: string[]; total: number } {
  const la = fs.readFileSync(a, 'utf8').split('\n').filter(Boolean);
  const lb = fs.readFileSync(b, 'utf8').split('\n').filter(Boolean);
  const differ: string[] = [];
  let same = 0;
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] === lb[i]) same++;
    else differ.push((la[i] ?? lb[i] ?? '').split('\t')[0]!);
  }
  return { same, differ, total: Math.max(la.length, lb.length) };
}

async function main() {
  const out = flag('--out');
  const compare = flag('--compare');
  if (out && compare && !flag('--dir') && !process.env.DATABASE_URL) {
    const r = compareDumps(out, compare);
    console.log(`${r.same}/${r.total} bodies byte-identical; differ: ${r.differ.slice(0, 20).join(' ')}`);
    return;
  }
  if (!out) throw new Error('--out FILE');
  const dir = flag('--dir');
  const url = dir ? null : process.env.DATABASE_URL ?? null;
  const database = await openDatabase({ databaseUrl: url, dataDir: dir ?? null, poolSize: 2 });
  const config = { ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', rateLimitPerMinute: 0, host: '127.0.0.1', port: 0 };
  const app = await buildApp(config, database);
  try {
    await app.ready();
    await warmCatalogueIndex(database.db);
    catalogSearchCache.enabled = false;
    const db = database.db;
    const words = (await sql<{ w: string }>`SELECT word AS w FROM catalog_lexicon WHERE length(word) >= 4 ORDER BY md5(word) LIMIT 400`.execute(db)).rows.map((r) => r.w);
    const org = (await sql<{ id: string }>`SELECT organization_id::text AS id FROM catalog_services WHERE organization_id IS NOT NULL ORDER BY md5(id::text) LIMIT 1`.execute(db)).rows[0]?.id;
    const queries = [
      ...SEARCH_QUERIES, 'palvelu', 'palvelut', 'talous', 'tuki', 'apu', 'neuvonta', 'velkaneuvota', 'mielenterveyspalvelu', 'kotihoidon', 'yksinäisille',
      'ja', 'xqzv', 'stöd för unga', 'omaishoitajan vapaa', 'lasten-suojelu', 'päihde -alkoholi', '"perhe neuvonta"', 'mielenterveys- ja päihdepalvelut',
      'vanhus', 'rahat', 'juon', 'omaishoitaja', 'omaishoitajien', 'kriisi', 'nuorisotyö', 'terapia', 'asunto', 'työ', 'koulu', 'lapsi perhe',
      ...words, ...words.slice(0, 80).map((w, i) => `${w} ${words[i + 80]}`), ...words.slice(160, 200).map((w) => w.slice(0, -1) + 'x'),
    ];
    const filters: Record<string, string>[] = [
      {}, { segment: 'yhteiso' }, { age: '70', channel: 'phone' }, { sector: 'ngo' }, { municipality: '186' }, { lowThreshold: 'true' },
      { clientGroup: 'children-youth-families,older-people' }, { access: 'open' }, ...(org ? [{ organizationId: org }] : []),
    ];
    const reqs: string[] = [];
    queries.forEach((q, i) => {
      reqs.push(new URLSearchParams({ q }).toString());
      reqs.push(new URLSearchParams({ q, ...filters[1 + (i % (filters.length - 1))]! }).toString());
      if (i % 7 === 0) for (const offset of ['20', '480', '490', '500', '980', '1000']) reqs.push(new URLSearchParams({ q, offset, limit: '50' }).toString());
    });
    for (const f of filters) reqs.push(new URLSearchParams(f).toString(), new URLSearchParams({ ...f, offset: '40' }).toString());
    const lines: string[] = [];
    for (const qs of reqs) {
      const res = await app.inject({ method: 'GET', url: `/api/v1/services?${qs}` });
      lines.push(`${qs}\t${res.statusCode} ${res.body}`);
    }
    fs.writeFileSync(out, lines.join('\n') + '\n');
    console.log(`${lines.length} responses written to ${out}`);
    if (compare) {
      const r = compareDumps(out, compare);
      console.log(`${r.same}/${r.total} bodies byte-identical; differ: ${r.differ.slice(0, 20).join(' ')}`);
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

/**
 * The PTV import measured in services/s: the catalogue's own import function on the bench
 * database, with the sample file in data/ptv. Two paths, each reported as a scenario whose rps is
 * services/s and p50 the total ms:
 *  - `import-fresh-insert`: the sample file with every PTV id made new for this run, so every
 *    record is inserted (generated search vectors, history rows, vocabulary) — issue 3's target;
 *  - `import-unchanged`: the same file again, every record skipped by its content hash.
 */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/db/database.js';
import { setCountyContext } from '../src/domain/shared/tx.js';
import type { ScenarioResult } from './report.js';

const FILE = 'data/ptv/services-fi.json';

export async function measureImport(database: Database, log: (s: string) => void): Promise<{ results: ScenarioResult[]; note: string }> {
  if (!fs.existsSync(FILE)) return { results: [], note: `${FILE} missing` };
  let importPtvDocument: typeof import('../src/domain/catalog/index.js').importPtvDocument | undefined;
  try {
    ({ importPtvDocument } = await import('../src/domain/catalog/index.js'));
  } catch (e) {
    return { results: [], note: `catalog import not available: ${String(e)}` };
  }
  if (typeof importPtvDocument !== 'function') return { results: [], note: 'catalog import function not found' };
  const records = JSON.parse(fs.readFileSync(FILE, 'utf8')) as { id: string }[];
  const run = randomUUID().slice(0, 8);
  const fresh = records.map((r) => ({ ...r, id: `${r.id}-bench-${run}` }));
  const results: ScenarioResult[] = [];
  for (const [name, doc] of [['import-fresh-insert', fresh], ['import-unchanged', fresh]] as const) {
    const report = await importPtvDocument(
      (fn) => database.db.transaction().execute(async (tx) => { await setCountyContext(tx, '02'); return fn(tx); }),
      doc,
      { countyCode: '02', actor: null },
    );
    const stored = report.inserted + report.updated + report.unchanged;
    const perSec = Math.round(stored / Math.max(report.durationMs / 1000, 0.001));
    log(`${name}: ${stored} services (${report.inserted} new, ${report.unchanged} unchanged, ${report.rejected.length} rejected) in ${report.durationMs} ms = ${perSec} services/s`);
    const ms = report.durationMs;
    results.push({ name, rps: perSec, p50Ms: ms, p95Ms: ms, p99Ms: ms, errors: report.rejected.length, ratioToBaseline: 0,
      note: `${stored} services, ${report.inserted} inserted, ${report.unchanged} unchanged; rps = services/s` });
  }
  return { results, note: '' };
}

/**
 * The PTV import measured in services/s: the catalogue's own import function on the bench
 * database, with the sample file in data/ptv. Reported as a scenario whose rps is services/s.
 */
import fs from 'node:fs';
import type { Database } from '../src/db/database.js';
import { setCountyContext } from '../src/domain/shared/tx.js';
import type { ScenarioResult } from './report.js';

const FILE = 'data/ptv/services-fi.json';

export async function measureImport(database: Database, log: (s: string) => void): Promise<{ result: ScenarioResult | null; note: string }> {
  if (!fs.existsSync(FILE)) return { result: null, note: `${FILE} missing` };
  let importPtvDocument: typeof import('../src/domain/catalog/index.js').importPtvDocument | undefined;
  try {
    ({ importPtvDocument } = await import('../src/domain/catalog/index.js'));
  } catch (e) {
    return { result: null, note: `catalog import not available: ${String(e)}` };
  }
  if (typeof importPtvDocument !== 'function') return { result: null, note: 'catalog import function not found' };
  const json: unknown = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  const report = await importPtvDocument(
    (fn) => database.db.transaction().execute(async (tx) => { await setCountyContext(tx, '02'); return fn(tx); }),
    json,
    { countyCode: '02', actor: null },
  );
  const stored = report.inserted + report.updated + report.unchanged;
  const perSec = Math.round(stored / Math.max(report.durationMs / 1000, 0.001));
  log(`import: ${stored} services (${report.inserted} new, ${report.rejected.length} rejected) in ${report.durationMs} ms = ${perSec} services/s`);
  const ms = report.durationMs;
  return { result: { name: 'import', rps: perSec, p50Ms: ms, p95Ms: ms, p99Ms: ms, errors: report.rejected.length, ratioToBaseline: 0 }, note: '' };
}

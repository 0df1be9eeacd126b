/**
 * Imports PTV services into the catalogue: `npm run import:ptv -- <file> [--county 02]`.
 * Accepts PTV API v11 service JSON (one, an array, an id map, a paged answer) or the
 * simplified list. Idempotent: a second run of the same file changes nothing.
 */
import fs from 'node:fs';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { loadReferenceData } from '../src/db/reference-data.js';
import { importPtvDocument } from '../src/domain/catalog/index.js';
import { setCountyContext } from '../src/domain/shared/tx.js';

async function main() {
  const args = process.argv.slice(2);
  const countyAt = args.indexOf('--county');
  const county = countyAt >= 0 ? args[countyAt + 1] : '02';
  const file = args.find((a, i) => !a.startsWith('--') && i !== countyAt + 1);
  if (!file || !county || !/^\d{2}$/.test(county)) {
    console.error('Usage: npm run import:ptv -- <file.json> [--county 02]');
    process.exit(2);
  }
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`Cannot read ${file} as JSON: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? null : config.dataDir,
    prepare: (owner) => loadReferenceData(owner),
  });
  try {
    const report = await importPtvDocument(
      (fn) => database.db.transaction().execute(async (tx) => {
        // Row-level security: the import writes only the given county's catalogue rows.
        await setCountyContext(tx, county);
        return fn(tx);
      }),
      json,
      {
        countyCode: county,
        actor: null,
        onProgress: (p) => process.stdout.write(`\r${p.done}/${p.total}  new ${p.inserted}  changed ${p.updated}  unchanged ${p.unchanged}  rejected ${p.rejected}   `),
      },
    );
    process.stdout.write('\n');
    const rate = Math.round((report.inserted + report.updated + report.unchanged) / Math.max(report.durationMs / 1000, 0.001));
    console.log(`Done in ${report.durationMs} ms (${rate} services/s): ${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.rejected.length} rejected.`);
    for (const r of report.rejected.slice(0, 50)) console.log(`  rejected ${r.ref}: ${r.reason}`);
    if (report.rejected.length > 50) console.log(`  … and ${report.rejected.length - 50} more`);
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

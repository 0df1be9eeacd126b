/**
 * `npm run restore -- <file>`: restores a dump made by `npm run backup` into an EMPTY database
 * (a new PGlite data directory, or an empty PostgreSQL database with DATABASE_URL).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { loadConfig } from '../src/config.js';
import { dumpMigrations, restoreDatabase } from '../src/db/backup.js';
import { openDatabase } from '../src/db/database.js';
import { listMigrations } from '../src/db/migrate.js';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('Usage: npm run restore -- <file.sql>  (the file must exist)');
  process.exit(2);
}
const config = loadConfig();
const header = fs.readFileSync(file, 'utf8').slice(0, 4096);
const known = new Set(listMigrations().map((m) => m.id));
const unknown = dumpMigrations(header).filter((m) => !known.has(m));
if (unknown.length) {
  console.error(`The backup is from a newer Polku (migrations ${unknown.join(', ')}). Update Polku first.`);
  process.exit(2);
}
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? null : config.dataDir,
  prepare: async (owner) => {
    const orgs = await owner.selectFrom('organizations').select('id').limit(1).execute();
    if (orgs.length) throw new Error('The target database is not empty; restore only into a new, empty database.');
    const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    await restoreDatabase(owner, lines, (n) => {
      if (n % 20 === 0) process.stderr.write(`\rrestored ${n} batches`);
    });
  },
});
await database.close();
console.error(`\nRestored ${file}.`);

/**
 * `npm run backup -- <file>`: a consistent SQL dump of Polku's database (PGlite data directory,
 * or PostgreSQL with DATABASE_URL). On PGlite the server must be stopped (the directory is locked).
 */
import fs from 'node:fs';
import { loadConfig } from '../src/config.js';
import { dumpDatabase } from '../src/db/backup.js';
import { openDatabase } from '../src/db/database.js';

const file = process.argv[2];
if (!file) {
  console.error('Usage: npm run backup -- <file.sql>');
  process.exit(2);
}
const config = loadConfig();
const out = fs.createWriteStream(file, { encoding: 'utf8' });
const write = (line: string) =>
  new Promise<void>((resolve, reject) => out.write(line + '\n', (e) => (e ? reject(e) : resolve())));
let lastTable = '';
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.databaseUrl ? null : config.dataDir,
  prepare: (owner) =>
    dumpDatabase(owner, write, (table, rows, total) => {
      if (table !== lastTable) process.stderr.write(`\n${table}: `);
      lastTable = table;
      process.stderr.write(`\r${table}: ${rows}/${total} rows   `);
    }),
});
await database.close();
await new Promise<void>((resolve) => out.end(resolve));
console.error(`\nBackup written to ${file} (${fs.statSync(file).size} bytes).`);

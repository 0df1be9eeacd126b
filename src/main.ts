import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase } from './db/database.js';
import { seedDemo } from './db/demo/index.js';
import { DEMO_USERS } from './db/demo/users.js';
import { loadReferenceData } from './db/reference-data.js';
import { buildApp } from './server/app.js';
import { startJobRunner } from './domain/jobs/index.js';

async function main() {
  const config = loadConfig();
  const started = Date.now();
  let seeded = false;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? null : config.dataDir,
    prepare: async (owner) => {
      await loadReferenceData(owner);
      if (config.demo) seeded = await seedDemo(owner);
    },
  });
  const app = await buildApp(config, database);
  const jobs = startJobRunner(database, config); // reminders and other background jobs of this node

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`Polku: ${signal} received, closing…`);
    try {
      await app.close(); // stop accepting requests, let running ones finish
      await jobs.stop(); // let a running job finish its transaction
      await database.close(); // CHECKPOINT and close (PGlite), release the data-dir lock
      process.exit(0);
    } catch (e) {
      console.error('Polku: error while closing', e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`\nPolku is running at http://localhost:${config.port}  (${where}, started in ${Date.now() - started} ms)`);
  if (config.demo) {
    console.log(seeded ? 'Demo data loaded from the seeds.' : 'Demo data already present.');
    console.log('Demo accounts (password "demo"):');
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(18)} ${u.displayName} – ${u.title}`);
  }
}

main().catch((e) => {
  if (e instanceof DataDirLockedError) {
    console.error(`\nPolku could not start: ${e.message}\n`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});

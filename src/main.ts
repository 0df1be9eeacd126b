import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { openDatabase } from './db/database.js';
import { seedDemo } from './db/demo/index.js';
import { DEMO_USERS } from './db/demo/users.js';
import { loadReferenceData } from './db/reference-data.js';
import { buildApp } from './server/app.js';
import { startJobRunner } from './domain/jobs/index.js';
import { warmRecommendationCatalogue } from './domain/guidance/guidance.service.js';
import { warmCatalogueIndex } from './domain/catalog/index.js';

async function main() {
  const config = loadConfig();
  const started = Date.now();
  // Node start-up and loading the server's modules: small from dist/server, ~2.5 s more under tsx.
  const loadedMs = Math.round(performance.now());
  let seeded = false;
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? null : config.dataDir,
    prepare: async (owner) => {
      await loadReferenceData(owner);
      if (config.demo) seeded = await seedDemo(owner);
    },
  });
  const databaseMs = Date.now() - started;
  const app = await buildApp(config, database);
  const appMs = Date.now() - started - databaseMs;
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
  // Warm the recommendations' analysed catalogue in the background, after readiness: the first
  // recommendation would otherwise pay for it (2–8 s, docs/performance.md). A failure only logs.
  // On PGlite the warm-up query and the text analysis hold the single connection and the event loop,
  // so it waits until the first requests after a (re)start — logins, writes — have been served.
  const warmUpDelayMs = config.databaseUrl ? 0 : 10_000;
  setTimeout(() => {
    const t0 = Date.now();
    database.db
      .transaction()
      .execute((tx) => warmRecommendationCatalogue(tx))
      .then((n) => console.log(`Polku: recommendation catalogue warmed (${n} services, ${Date.now() - t0} ms)`))
      .catch((e: unknown) => console.warn('Polku: recommendation catalogue warm-up failed; the first request will load it', e))
      // Then the catalogue search index (ADR 0930); until it is ready the SQL search answers.
      .then(() => warmCatalogueIndex(database.db))
      .then((s) => { if (s) console.log(`Polku: catalogue search index built (${s.docs.length} services, ${Date.now() - t0} ms since the warm-up began)`); })
      .catch((e: unknown) => console.warn('Polku: catalogue search index warm-up failed; the SQL search answers', e));
  }, warmUpDelayMs).unref();
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  console.log(`\nPolku is running at http://localhost:${config.port}  (${where}, started in ${Date.now() - started} ms: database ${databaseMs} ms (engine ${database.openTimings.engineMs}, migrations ${database.openTimings.migrateMs}, reference/demo ${database.openTimings.prepareMs}), app ${appMs} ms; modules loaded ${loadedMs} ms after process start)`);
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

/**
 * Cold start, run in a fresh process by the harness: open an existing PGlite data directory,
 * build the app and answer /healthz. Prints the timings as one JSON line.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';

const t0 = performance.now();
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: tsx bench/cold-start.ts <pglite-data-dir>');
const database = await openDatabase({ databaseUrl: null, dataDir });
const opened = performance.now();
const app = await buildApp({ ...loadConfig({ NODE_ENV: 'test' }), logLevel: 'silent', rateLimitPerMinute: 0 }, database);
const res = await app.inject({ method: 'GET', url: '/healthz' });
const answered = performance.now();
console.log(JSON.stringify({ status: res.statusCode, openMs: Math.round(opened - t0), healthzMs: Math.round(answered - t0) }));
await app.close();
await database.close();

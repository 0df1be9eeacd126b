import fs from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { seedDemo } from '../../src/db/demo/index.js';
import { loadReferenceData } from '../../src/db/reference-data.js';
import type { DB } from '../../src/db/schema.js';
import { buildApp } from '../../src/server/app.js';
import { systemContextDb } from './system-db.js';
import { createScratchPostgres, testEngine } from './test-db.js';
import { TEST_TODAY } from './test-today.js';

export { TEST_TODAY };

export interface TestApp {
  app: FastifyInstance;
  /** The app's connection in the explicit system tenant context (sees every county; tests arrange and inspect). */
  db: Kysely<DB>;
  database: Database;
  engine: 'pglite' | 'postgres';
  /** Logs in a demo user (password `demo`) and returns the cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  /** `app.inject` with an optional session cookie and language. */
  call(method: InjectOptions['method'], url: string, opts?: { cookie?: string; body?: unknown; lang?: string; headers?: Record<string, string>; remoteAddress?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createTestApp(options: { demo?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const demo = options.demo ?? true;
  // Demo worlds start from the template the global setup built once for this run.
  const pgliteTemplate = demo ? inject('pgliteTemplate') : null;
  const postgresTemplate = demo ? inject('postgresTemplate') : null;
  const scratch = testEngine === 'postgres' ? await createScratchPostgres(postgresTemplate ?? undefined) : null;
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', POLKU_DEMO: demo ? '1' : '0', POLKU_RATE_LIMIT_PER_MINUTE: '0' }),
    ...options.config,
    databaseUrl: scratch?.url ?? null,
  };
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: null,
    poolSize: 4,
    ...(pgliteTemplate && !scratch ? { loadDataDir: new Blob([fs.readFileSync(pgliteTemplate)]) } : {}),
    prepare: async (owner) => {
      await loadReferenceData(owner);
      if (demo) await seedDemo(owner, TEST_TODAY);
    },
  });
  const app = await buildApp(config, database);
  await app.ready();
  const call: TestApp['call'] = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.lang ? { 'accept-language': opts.lang } : {}),
        ...(opts.headers ?? {}),
      },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
      ...(opts.remoteAddress ? { remoteAddress: opts.remoteAddress } : {}),
    });
  return {
    app,
    db: systemContextDb(database.db),
    database,
    engine: testEngine,
    call,
    async login(username, password = 'demo') {
      const res = await call('POST', '/api/v1/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'polku_session');
      return `polku_session=${cookie!.value}`;
    },
    async close() {
      await app.close();
      await database.close();
      await scratch?.drop();
    },
  };
}

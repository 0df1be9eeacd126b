import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { registerAuth } from './plugins/auth.js';
import { createFrameworkErrorHandler, registerErrorHandler } from './plugins/errors.js';
import { registerSecurity } from './plugins/security.js';
import { registerRoutes, type AppContext } from './route.js';
import { allRoutes } from './routes/index.js';
import { attachCatalogueIndex } from '../domain/catalog/index.js';

const WEB_DIST = path.resolve('dist/web');

/** Builds the HTTP application; used by `main.ts` and by tests (`app.inject`). */
export async function buildApp(config: Config, database: Database): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    // Router-level errors (over-long path parameter, bad URL) in our localized error shape.
    frameworkErrors: createFrameworkErrorHandler(config),
  });
  const ctx: AppContext = { config, db: database.db, dbKind: database.kind };
  await app.register(cookie);
  const spa = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (spa) await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  registerErrorHandler(app, ctx, { spa });
  registerSecurity(app, ctx);
  registerAuth(app, ctx);
  registerRoutes(app, ctx, allRoutes());
  // The catalogue search index reads the catalogue in the background through this handle (ADR 0930).
  const detachSearchIndex = attachCatalogueIndex(database.db);
  app.addHook('onClose', async () => detachSearchIndex());
  return app;
}

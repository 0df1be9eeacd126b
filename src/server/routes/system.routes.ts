import { z } from 'zod';
import { sql } from 'kysely';
import { buildOpenApi } from '../openapi.js';
import { defineRoute, type AnyRoute } from '../route.js';

export function systemRoutes(all: () => AnyRoute[]): AnyRoute[] {
  let cached: unknown = null;
  return [
    defineRoute({
      method: 'GET',
      url: '/healthz',
      summary: 'Liveness and database check',
      tags: ['system'],
      auth: 'public',
      response: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
      handler: async ({ app }) => {
        await sql`SELECT 1`.execute(app.db);
        return { status: 'ok' as const, database: app.dbKind };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/openapi.json',
      summary: 'OpenAPI 3 description of this API',
      tags: ['system'],
      auth: 'public',
      handler: async () => (cached ??= buildOpenApi(all())),
    }),
  ];
}

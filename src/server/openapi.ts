import { z } from 'zod';
import type { AnyRoute } from './route.js';

const toJson = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as Record<string, unknown>;

/** OpenAPI 3 document generated from the same zod schemas that validate the requests. */
export function buildOpenApi(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters = [
      ...objectParams(r.params, 'path'),
      ...objectParams(r.query, 'query'),
    ];
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters,
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          content: r.produces
            ? { [r.produces]: { schema: { type: 'string', format: 'binary' } } }
            : r.response
              ? { 'application/json': { schema: toJson(r.response, 'output') } }
              : undefined,
        },
        '400': { description: 'Invalid request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        '401': { description: 'Not logged in' },
        '404': { description: 'Not found, or not allowed to see it' },
      },
    };
    if (r.auth === 'public') op.security = [];
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: toJson(r.body, 'input') } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Polku API', version: '1', description: 'Palveluohjaus and multi-agency client paths. Errors: {"error":{"code","message","correlationId"}} in the request language (Accept-Language fi|sv|en).' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'polku_session' } },
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, correlationId: { type: 'string' } }, required: ['code', 'message'] },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths,
  };
}

function objectParams(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toJson(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

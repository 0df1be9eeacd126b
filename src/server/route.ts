import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { DatabaseKind } from '../db/database.js';
import type { DB, Tx } from '../db/schema.js';
import type { Actor } from '../domain/identity/actor.js';
import { isProfessional, type Role } from '../domain/identity/roles.js';
import { AppError, forbidden, type Lang } from '../domain/shared/errors.js';
import { JsonBody } from '../domain/shared/json-body.js';
import { inTransaction } from '../domain/shared/tx.js';
import { inBulkLane } from '../db/pglite-dialect.js';
import { describeIssues, INVALID_REQUEST, requestLang } from './i18n.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route. Finer decisions (which client, which organisation) belong to the domain. */
export type RouteAuth = 'public' | 'authenticated' | 'professional' | readonly Role[];

export interface AppContext {
  config: Config;
  db: Kysely<DB>;
  dbKind: DatabaseKind;
}

export interface RouteContext<B, Q, P> {
  req: FastifyRequest;
  reply: FastifyReply;
  body: B;
  query: Q;
  params: P;
  lang: Lang;
  app: AppContext;
  /** The authenticated user; routes with auth 'public' may see null. */
  actor: Actor;
  /** Runs the use case in one transaction with the actor's tenant context set. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One connection for a use case that may be answered by autocommitted statements before any
   * transaction (`read`: no tenant context, so only reference data is visible, and no audit row —
   * never for client data), and otherwise runs its transaction (`tx`) on the same connection, so it
   * is still one unit of work on PGlite's queue.
   */
  readThenTx<T>(fn: (read: Tx, tx: <R>(fn: (tx: Tx) => Promise<R>) => Promise<R>) => Promise<T>): Promise<T>;
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteDefinition<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined> {
  method: HttpMethod;
  url: string;
  summary: string;
  tags: string[];
  auth?: RouteAuth;
  /** Marks routes that read or write one client's data: the access matrix test walks these. */
  clientData?: { param: string };
  body?: B;
  query?: Q;
  params?: P;
  status?: number;
  response?: Schema;
  /** Non-JSON responses (PDF, CSV) document their media type here. */
  produces?: string;
  /**
   * 'bulk' for broad searches and reports: on PGlite they queue behind interactive work (primary-key
   * reads, writes), so they cannot starve it (docs/performance.md, "Starvation").
   */
  lane?: 'bulk';
  handler: (ctx: RouteContext<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any>;

export function defineRoute<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  def: RouteDefinition<B, Q, P>,
): RouteDefinition<B, Q, P> {
  return def;
}

const validateResponses = process.env.NODE_ENV === 'test' || process.env.POLKU_VALIDATE_RESPONSES === '1';

export function registerRoutes(app: FastifyInstance, ctx: AppContext, routes: AnyRoute[]) {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      handler: async (req, reply) => {
        const lang = requestLang(req);
        const actor = req.actor ?? null;
        authorize(route.auth ?? 'authenticated', actor);
        const body = parse('body', route.body, req.body, lang);
        const query = parse('query', route.query, req.query, lang);
        const params = parse('params', route.params, req.params, lang);
        const run = () =>
          route.handler({
            req,
            reply,
            body,
            query,
            params,
            lang,
            app: ctx,
            actor: actor as Actor,
            tx: (fn) => inTransaction(ctx.db, actor, fn),
            readThenTx: (fn) => ctx.db.connection().execute((conn) => fn(conn, (f) => inTransaction(conn, actor, f))),
          });
        const result = await (route.lane === 'bulk' ? inBulkLane(run) : run());
        if (reply.sent) return reply;
        if (route.status) reply.code(route.status);
        if (result instanceof JsonBody) {
          // Checked against its contract when it was made (a cached body is served many times); in tests once more here.
          if (validateResponses && route.response) checkResponse(req, route, result.parse());
          reply.header('content-type', 'application/json; charset=utf-8');
          return result.bytes;
        }
        if (validateResponses && route.response && !route.produces) checkResponse(req, route, result);
        return result;
      },
    });
  }
}

function checkResponse(req: FastifyRequest, route: AnyRoute, result: unknown) {
  const check = route.response!.safeParse(result);
  if (!check.success) {
    req.log.error({ issues: check.error.issues, url: route.url }, 'response does not match its schema');
    throw new Error(`Response of ${route.method} ${route.url} does not match its schema`);
  }
}

function authorize(auth: RouteAuth, actor: Actor | null) {
  if (auth === 'public') return;
  if (!actor) {
    throw new AppError(401, 'unauthenticated', {
      fi: 'Kirjaudu sisään jatkaaksesi.',
      sv: 'Logga in för att fortsätta.',
      en: 'Please log in to continue.',
    });
  }
  if (auth === 'authenticated') return;
  if (auth === 'professional') {
    if (!isProfessional(actor.role) && actor.role !== 'manager') throw forbidden();
    return;
  }
  if (!auth.includes(actor.role)) throw forbidden();
}

function parse(where: 'body' | 'query' | 'params', schema: Schema | undefined, value: unknown, lang: Lang) {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (result.success) return result.data;
  const sentence = (l: Lang) =>
    `${INVALID_REQUEST[l]}: ${describeIssues(where, result.error.issues, l).map((p) => p.message).join(' ')}`;
  throw new AppError(
    400,
    'invalid_request',
    { fi: sentence('fi'), sv: sentence('sv'), en: sentence('en') },
    { problems: describeIssues(where, result.error.issues, lang) },
  );
}

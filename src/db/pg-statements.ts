import { createHash } from 'node:crypto';
import type pg from 'pg';
import { inBulkWork } from './pglite-dialect.js';
// The same length bound and stale-statement codes as PGlite's kept statements. After a stale error the
// text runs unnamed on that connection from then on: node-postgres would keep skipping the Parse.
import { MAX_KEPT_SQL_LENGTH, STALE_STATEMENT } from './pglite-statements.js';

/** Named statements per connection; past it new texts stay unnamed (node-postgres never forgets a name). */
const MAX_NAMED_PER_CONNECTION = 500;

export const pgStatements = {
  /** POLKU_PG_STATEMENTS=0 turns named statements off (e.g. behind a pooler that does not support them). */
  enabled: process.env.POLKU_PG_STATEMENTS !== '0',
};

interface PerConnection {
  /** SQL text → statement name (hashed once per text and connection, not on every call). */
  named: Map<string, string>;
  unnamed: Set<string>;
}

const connections = new WeakMap<pg.PoolClient, PerConnection>();

/**
 * A statement with parameters as a named prepared statement of its connection, kept by SQL text.
 *
 * Why (docs/performance.md, seventh round; ADR 0940): node-postgres sends every query as the unnamed
 * statement, so PostgreSQL parses, rewrites (row-level security) and plans it on every request. Kysely's
 * SQL text is the same for every request of a route, so a name per text lets node-postgres skip the
 * Parse after the first call and lets PostgreSQL's plan cache keep a generic plan after five executions
 * where that costs no more than planning each call (`plan_cache_mode`, as for any prepared statement).
 * Plans follow DDL, role and search_path changes by themselves, and row-level security stays exact:
 * the policies read the tenant in InitPlans evaluated at every execution (0920). Work in the bulk lane
 * (catalogue searches with their planner settings) stays unnamed, planned for its own values, as on PGlite.
 * `inTransaction`: whether a transaction is open, so a stale statement can be retried unnamed outside one.
 */
export async function queryKept(client: pg.PoolClient, text: string, values: unknown[], inTransaction: boolean): Promise<pg.QueryResult> {
  if (!pgStatements.enabled || text.length > MAX_KEPT_SQL_LENGTH || inBulkWork()) return client.query(text, values);
  let c = connections.get(client);
  if (!c) connections.set(client, (c = { named: new Map(), unnamed: new Set() }));
  let name = c.named.get(text);
  if (!name) {
    if (c.unnamed.has(text) || c.named.size >= MAX_NAMED_PER_CONNECTION) return client.query(text, values);
    name = `polku_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    c.named.set(text, name);
  }
  try {
    return await client.query({ name, text, values });
  } catch (e) {
    if (!STALE_STATEMENT.has((e as { code?: string }).code ?? '')) throw e;
    c.named.delete(text);
    c.unnamed.add(text);
    // Inside a transaction the error has aborted it: the caller's unit of work fails once, as any error.
    if (inTransaction) throw e;
    return client.query(text, values);
  }
}

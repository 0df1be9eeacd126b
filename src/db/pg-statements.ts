import { createHash } from 'node:crypto';
import pg from 'pg';
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
export async function queryKept(
  client: pg.PoolClient, text: string, values: unknown[], inTransaction: boolean, prefix: readonly string[] = [],
): Promise<pg.QueryResult> {
  const run = (name: string | undefined) => (prefix.length > 0 ? queryPrefixed(client, prefix, name, text, values) : client.query(name ? { name, text, values } : { text, values }));
  if (!pgStatements.enabled || text.length > MAX_KEPT_SQL_LENGTH || inBulkWork()) return run(undefined);
  let c = connections.get(client);
  if (!c) connections.set(client, (c = { named: new Map(), unnamed: new Set() }));
  let name = c.named.get(text);
  const parsedBefore = !!name;
  if (!name) {
    if (c.unnamed.has(text) || c.named.size >= MAX_NAMED_PER_CONNECTION) return run(undefined);
    name = `polku_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    c.named.set(text, name);
  }
  try {
    return await run(name);
  } catch (e) {
    const stale = STALE_STATEMENT.has((e as { code?: string }).code ?? '');
    // node-postgres takes the ParseComplete of a prefix statement for the named statement's: after a
    // failed first call it is unknown whether the name exists on the server, so this text stays unnamed,
    // as a stale one does.
    if (stale || (prefix.length > 0 && !parsedBefore)) {
      c.named.delete(text);
      c.unnamed.add(text);
    }
    if (!stale) throw e;
    // Inside a transaction the error has aborted it: the caller's unit of work fails once, as any error.
    if (inTransaction) throw e;
    return client.query(text, values);
  }
}

type PgQueryObject = pg.Query & {
  prepare(connection: unknown): void;
  handleDataRow(msg: unknown): void;
  handleCommandComplete(msg: unknown, connection: unknown): void;
};
const PgQuery = (pg as unknown as { Query: new (config: pg.QueryConfig) => PgQueryObject }).Query;

/**
 * `prefix` (statements without parameters: the held `begin` and tenant context, at-commit.ts) and then
 * the statement with parameters, pipelined in one message with one Sync: Parse/Bind/Execute of each
 * prefix statement, then the statement's own Bind/Describe/Execute (node-postgres's Query).
 *
 * Why (issue 11): sending the prefix as its own simple-protocol message cost a round trip per request,
 * in the process (a query, its promise, its ReadyForQuery) and in the backend (a message cycle). The
 * statements, their order and the transaction are the same: PostgreSQL runs them one after another; an
 * error in any of them skips the rest up to the Sync, and the call fails as the first statement would
 * have failed on its own (the transaction is then aborted and Kysely rolls it back). The prefix's results
 * are never read (HeldStatements answers them empty): their rows and command tags are skipped here.
 */
function queryPrefixed(client: pg.PoolClient, prefix: readonly string[], name: string | undefined, text: string, values: unknown[]): Promise<pg.QueryResult> {
  return new Promise((resolve, reject) => {
    const query = new PgQuery(name ? { name, text, values } : { text, values });
    let skip = prefix.length;
    const prepare = query.prepare.bind(query);
    const dataRow = query.handleDataRow.bind(query);
    const complete = query.handleCommandComplete.bind(query);
    query.prepare = (connection: unknown) => {
      const con = connection as { parse(m: { text: string }): void; bind(m: object): void; execute(m: object): void };
      for (const statement of prefix) {
        con.parse({ text: statement });
        con.bind({});
        con.execute({});
      }
      prepare(connection);
    };
    query.handleDataRow = (msg: unknown) => {
      if (skip === 0) dataRow(msg);
    };
    query.handleCommandComplete = (msg: unknown, connection: unknown) => {
      if (skip > 0) skip--;
      else complete(msg, connection);
    };
    (query as unknown as { callback: (err: Error | null, res: pg.QueryResult) => void }).callback = (err, res) => (err ? reject(err) : resolve(res));
    void client.query(query as unknown as pg.QueryConfig);
  });
}

import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { HeldStatements } from './at-commit.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { DatabaseBusyError, inBulkLane, PGliteDialect, type PGliteQueue } from './pglite-dialect.js';
import { queryKept } from './pg-statements.js';
import type { PGliteStatements } from './pglite-statements.js';
import type { DB } from './schema.js';
import { migrate } from './migrate.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  /** Runs as the application role (not superuser, not owner) where the database allows it. */
  db: Kysely<DB>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (test templates, copies). */
  dumpDataDir?: () => Promise<Blob>;
  /** PGlite only: the single connection's queue (lanes, deadline, grant monitor). */
  queue?: PGliteQueue;
  /** PGlite only: the named prepared statements (`enabled` may be switched for an A/B). */
  statements?: PGliteStatements;
  /** Where opening took its time, ms (start-up log line, durability drill). */
  openTimings: OpenTimings;
}

export interface OpenTimings {
  /** PGlite: WASM start, data directory, crash recovery; PostgreSQL: 0 (connections are lazy). */
  engineMs: number;
  migrateMs: number;
  prepareMs: number;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent Polku runs on embedded PGlite. */
  databaseUrl: string | null;
  /** PGlite data directory; null keeps the database in memory (tests). */
  dataDir: string | null;
  /** Runs once after migrations, as the owner, before the app role takes over (reference and demo data). */
  prepare?: (owner: Kysely<DB>) => Promise<void>;
  poolSize?: number;
  /** PGlite only: start from this data-directory tarball instead of an empty database. */
  loadDataDir?: Blob;
  /**
   * How long a unit of work may wait for a connection before it fails with 503 + Retry-After
   * (PGlite queue deadline; PostgreSQL pool connectionTimeoutMillis). Default 15 s.
   */
  queueDeadlineMs?: number;
  /** PGlite with a data directory: how often to CHECKPOINT when WAL was written. Default 60 s; 0 = never. */
  checkpointIntervalMs?: number;
  /** PGlite: keep statements prepared after start-up (default true; env POLKU_PGLITE_STATEMENTS=0 turns it off). */
  pgliteStatements?: boolean;
}

const DEFAULT_QUEUE_DEADLINE_MS = 15_000;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;

/** pg-pool's message when no pooled connection frees up within connectionTimeoutMillis. */
const PG_POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * True when a unit of work did not get a connection within the queue deadline (PGlite's queue or
 * PostgreSQL's pool): the request is answered 503 + Retry-After, nothing was done.
 */
export function isDatabaseBusy(e: unknown): boolean {
  return e instanceof DatabaseBusyError || (e instanceof Error && e.message === PG_POOL_TIMEOUT);
}

const APP_ROLE = 'polku_app';

// Counts come back as numbers and dates as 'YYYY-MM-DD' strings, the same on both engines.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

/** The same on PGlite: int8 and numeric as numbers, dates as 'YYYY-MM-DD' (as the pg type parsers above). */
export const PGLITE_PARSERS = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v), 1082: (v: string) => v };

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPGlite(options);
}

/**
 * Every session runs in Finnish time: `date` ↔ `timestamptz` conversions in SQL (report periods, the
 * day summaries of 0813/0814, `now()::date`) then give the Finnish calendar day, like the
 * application's finnishCalendarDate. In UTC an event at 00:30 on 1 December in Helsinki fell in November.
 */
export const SESSION_TIME_ZONE = 'Europe/Helsinki';
const PG_SESSION_OPTIONS = `-c TimeZone=${SESSION_TIME_ZONE}`;

async function openPGlite(options: OpenOptions): Promise<Database> {
  let t = Date.now();
  const lap = () => {
    const now = Date.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  const openTimings: OpenTimings = { engineMs: 0, migrateMs: 0, prepareMs: 0 };
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: PGLITE_PARSERS,
    });
    openTimings.engineMs = lap();
  } catch (e) {
    release();
    throw e;
  }
  const dialect = new PGliteDialect(pglite, undefined, { deadlineMs: 0 });
  const db = new Kysely<DB>({ dialect });
  try {
    // The one session, before migrations (0910 rebuilds day summaries in this zone).
    await sql`SELECT set_config('TimeZone', ${SESSION_TIME_ZONE}, false)`.execute(db);
    await migrate(db);
    openTimings.migrateMs = lap();
    if (options.prepare) await options.prepare(db);
    openTimings.prepareMs = lap();
    // From here on the single connection acts as the app role: row-level security applies.
    await sql`SET ROLE ${sql.raw(APP_ROLE)}`.execute(db);
    // Migrations and seeding may take long; requests from here on wait at most the deadline.
    dialect.queue.deadlineMs = options.queueDeadlineMs ?? DEFAULT_QUEUE_DEADLINE_MS;
    // The schema is settled: from here on statements are kept prepared (pglite-statements.ts).
    dialect.statements.enabled = options.pgliteStatements ?? process.env.POLKU_PGLITE_STATEMENTS !== '0';
  } catch (e) {
    await pglite.close().catch(() => {});
    release();
    throw e;
  }
  const intervalMs = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
  const checkpoints = options.dataDir && intervalMs > 0 ? startCheckpoints(db, intervalMs) : null;
  return {
    kind: 'pglite',
    db,
    openTimings,
    queue: dialect.queue,
    statements: dialect.statements,
    dumpDataDir: () => pglite.dumpDataDir('none'),
    async close() {
      try {
        await checkpoints?.stop();
        await sql`RESET ROLE`.execute(db);
        await sql`CHECKPOINT`.execute(db);
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

/**
 * Checkpoints at intervals on a PGlite data directory. PGlite runs PostgreSQL as a single-user
 * backend: there is no checkpointer process, so checkpoint_timeout never fires and, without this,
 * the WAL since start-up stays unreplayed until a clean close. After `kill -9` the next start
 * replays all of it (crash recovery inside `PGlite.create`), so reopen time would grow with the
 * process's uptime and write volume (measured: ~100 MB of WAL added 0.6–1.2 s to the open).
 * A checkpoint runs only when WAL was written since the last one, in the bulk lane (interactive
 * requests go first), as the session user for one transaction (CHECKPOINT needs pg_checkpoint).
 */
function startCheckpoints(db: Kysely<DB>, intervalMs: number): { stop(): Promise<void> } {
  let lastLsn = '';
  let running: Promise<void> | null = null;
  const checkpoint = () =>
    inBulkLane(() =>
      db.transaction().execute(async (tx) => {
        await sql`SET LOCAL ROLE NONE`.execute(tx);
        const before = await sql<{ lsn: string }>`SELECT pg_current_wal_insert_lsn()::text AS lsn`.execute(tx);
        if (before.rows[0]?.lsn === lastLsn) return; // nothing written since the last checkpoint
        await sql`CHECKPOINT`.execute(tx);
        const after = await sql<{ lsn: string }>`SELECT pg_current_wal_insert_lsn()::text AS lsn`.execute(tx);
        lastLsn = after.rows[0]?.lsn ?? '';
      }),
    );
  const timer = setInterval(() => {
    if (running) return;
    running = checkpoint()
      .catch((e) => console.warn('Polku: periodic CHECKPOINT skipped:', e instanceof Error ? e.message : e))
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, options: PG_SESSION_OPTIONS }) }) });
  const openTimings: OpenTimings = { engineMs: 0, migrateMs: 0, prepareMs: 0 };
  try {
    let t = Date.now();
    await migrate(owner);
    openTimings.migrateMs = Date.now() - t;
    t = Date.now();
    if (options.prepare) await options.prepare(owner);
    openTimings.prepareMs = Date.now() - t;
  } finally {
    await owner.destroy();
  }
  const canSetRole = await probeSetRole(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: 30_000,
    options: PG_SESSION_OPTIONS,
    // A request waits for a pooled connection at most this long, then gets 503 + Retry-After.
    connectionTimeoutMillis: options.queueDeadlineMs ?? DEFAULT_QUEUE_DEADLINE_MS,
  });
  // An idle pooled connection can be ended by the server (restart, failover, an admin's
  // pg_terminate_backend: 57P01). The pool drops it and opens a new one on demand; without a
  // listener the 'error' event would crash the process.
  pool.on('error', (err) => {
    process.emitWarning(`idle PostgreSQL connection lost: ${err.message}`, { code: 'POLKU_PG_IDLE' });
  });
  if (canSetRole) {
    pool.on('connect', (client) => {
      client.query(`SET ROLE ${APP_ROLE}`).catch(() => {});
    });
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: beginWithFirstStatement(pool) }) });
  return { kind: 'postgres', db, openTimings, close: () => db.destroy() };
}

type PgQuery = (text: string, values?: unknown[]) => Promise<pg.QueryResult & { length?: number }>;
interface PgClientLike { query: PgQuery; release: (err?: Error | boolean) => void }

/**
 * Saves one round trip per transaction (docs/performance.md, fourth round): Kysely sends `begin`
 * and waits for it, then the first statement (in a request: the tenant context, `set_config`, tx.ts).
 * Here `begin` is held back and sent in the same simple-protocol message as the first statement when
 * that statement has no parameters (PostgreSQL runs `begin; <statement>` as two statements of one
 * transaction); before a first statement with parameters `begin` (and the tenant context) are pipelined
 * in the same message as that statement (pg-statements.ts, queryPrefixed). A
 * transaction that sent nothing commits or rolls back without a round trip. Statements, their order
 * and the transaction boundaries are unchanged, so row-level security and the audit rows are too.
 * In the same way a statement marked to travel with the COMMIT (at-commit.ts: the audit row written at
 * the end of a request) is held and sent as `<statement>; commit`: one round trip less per audited request.
 * What is held and when is decided by HeldStatements (at-commit.ts), the same for PGlite's connection.
 */
function beginWithFirstStatement(pool: pg.Pool): pg.Pool {
  const wrapped = new WeakMap<object, PgClientLike>();
  const empty = (command: string) => ({ command, rowCount: null, rows: [], fields: [], oid: 0 }) as pg.QueryResult;
  const wrap = (client: pg.PoolClient): PgClientLike => {
    // What is held and what it travels with: at-commit.ts (the same for PGlite's connection).
    const held = new HeldStatements();
    const query: PgQuery = async (text, values) => {
      const plain = !values || values.length === 0;
      const step = held.next(text, plain);
      if (!step.send) return empty(step.command);
      if (step.simple) {
        // Several statements in one message: node-postgres answers with an array of results.
        const results = (await client.query(step.text)) as unknown as pg.QueryResult | pg.QueryResult[];
        return Array.isArray(results) ? results[results.length - 1]! : results;
      }
      // A statement with parameters cannot share the simple protocol's message: what was held goes
      // first, pipelined with it in one message (pg-statements.ts, queryPrefixed). Statements with
      // parameters are kept as named prepared statements (pg-statements.ts).
      return queryKept(client, step.text, values!, held.open, step.held ?? []);
    };
    return {
      query,
      release: (err) => {
        held.reset();
        client.release(err);
      },
    };
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop !== 'connect') return Reflect.get(target, prop, receiver) as unknown;
      return async () => {
        const client = await target.connect();
        let w = wrapped.get(client);
        if (!w) {
          w = wrap(client);
          wrapped.set(client, w);
        }
        return w;
      };
    },
  });
}

async function probeSetRole(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET ROLE ${APP_ROLE}`);
    return true;
  } catch {
    console.warn(`Polku: cannot SET ROLE ${APP_ROLE}; running SQL as the connecting user.`);
    return false;
  } finally {
    await client.end();
  }
}

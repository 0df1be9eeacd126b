import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { HeldStatements } from './at-commit.js';
import { PGliteStatements } from './pglite-statements.js';

/** Which lane a unit of work queues in for PGlite's single connection. */
export type QueueLane = 'interactive' | 'bulk';

const laneStorage = new AsyncLocalStorage<QueueLane>();

/**
 * Runs `fn` with its database work in the bulk lane: broad searches and reports that may take long.
 * Interactive work (primary-key reads, writes) waiting for the connection is always served before bulk
 * work, so it waits for at most the one bulk unit already holding the connection.
 */
export function inBulkLane<T>(fn: () => Promise<T>): Promise<T> {
  return laneStorage.run('bulk', fn);
}

/** True inside `inBulkLane` (either engine): such work keeps per-call plans (pglite-statements.ts, pg-statements.ts). */
export function inBulkWork(): boolean {
  return laneStorage.getStore() === 'bulk';
}

/** Thrown when a unit of work could not get the connection before the queue deadline (HTTP 503 + Retry-After). */
export class DatabaseBusyError extends Error {
  constructor(readonly waitedMs: number, readonly retryAfterSeconds: number) {
    super(`database busy: no connection within ${waitedMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

/** One grant of the connection, for tests and the bench: what it waited behind. */
export interface QueueGrant {
  lane: QueueLane;
  /** Bulk units that held the connection while this one waited (including the one in flight when it arrived). */
  bulkAhead: number;
  /** Units of any lane that held the connection while this one waited. */
  unitsAhead: number;
  waitedMs: number;
}

/**
 * The connection queue of a PGlite database: two FIFO lanes (interactive first) and a deadline.
 * `deadlineMs` and `onGrant` may be changed at run time (tests, bench).
 */
export class PGliteQueue {
  deadlineMs: number;
  /** After this many interactive grants in a row while bulk work waits, one bulk unit goes (no starvation). */
  bulkEvery = 8;
  /** true = one plain FIFO for everything (the old behaviour), for comparison in tests and the bench. */
  fifo = false;
  onGrant: ((g: QueueGrant) => void) | null = null;
  private readonly waiting: Record<QueueLane, Waiter[]> = { interactive: [], bulk: [] };
  private busy = false;
  private holderLane: QueueLane | null = null;
  private grants = 0;
  private bulkGrants = 0;
  private interactiveInARow = 0;

  constructor(deadlineMs = 15_000) {
    this.deadlineMs = deadlineMs;
  }

  get queued() {
    return this.waiting.interactive.length + this.waiting.bulk.length;
  }

  async acquire(): Promise<void> {
    const lane = laneStorage.getStore() ?? 'interactive';
    const startedAt = Date.now();
    const mark = { grants: this.grants, bulkGrants: this.bulkGrants, holderBulk: this.busy && this.holderLane === 'bulk' ? 1 : 0, holding: this.busy ? 1 : 0 };
    if (this.busy) {
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = { resolve, timer: null };
        const list = this.waiting[this.fifo ? 'interactive' : lane];
        if (this.deadlineMs > 0) {
          waiter.timer = setTimeout(() => {
            const i = list.indexOf(waiter);
            if (i >= 0) list.splice(i, 1);
            reject(new DatabaseBusyError(Date.now() - startedAt, Math.max(1, Math.ceil(this.deadlineMs / 1000))));
          }, this.deadlineMs);
        }
        list.push(waiter);
      });
    }
    this.busy = true;
    this.holderLane = lane;
    this.grants++;
    if (lane === 'bulk') this.bulkGrants++;
    this.onGrant?.({
      lane,
      bulkAhead: mark.holderBulk + (this.bulkGrants - (lane === 'bulk' ? 1 : 0) - mark.bulkGrants),
      unitsAhead: mark.holding + (this.grants - 1 - mark.grants),
      waitedMs: Date.now() - startedAt,
    });
  }

  release() {
    const bulkTurn = this.waiting.bulk.length > 0 && (this.waiting.interactive.length === 0 || this.interactiveInARow >= this.bulkEvery);
    const next = bulkTurn ? this.waiting.bulk.shift() : this.waiting.interactive.shift();
    // Count interactive grants only while bulk work is waiting behind them.
    this.interactiveInARow = !bulkTurn && next && this.waiting.bulk.length > 0 ? this.interactiveInARow + 1 : 0;
    if (!next) {
      this.busy = false;
      this.holderLane = null;
      return;
    }
    if (next.timer) clearTimeout(next.timer);
    next.resolve();
  }
}

interface Waiter {
  resolve: () => void;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Kysely dialect for PGlite. PGlite has exactly one connection, so the driver hands it out
 * to one holder at a time: a transaction owns the connection until commit or rollback, and no other
 * request's statement can land inside it. Waiting holders queue in two FIFO lanes (PGliteQueue):
 * interactive work before bulk work, and nobody waits past the deadline.
 */
export class PGliteDialect implements Dialect {
  readonly queue: PGliteQueue;
  /** Statements with parameters as named prepared statements (off until `statements.enabled`). */
  readonly statements: PGliteStatements;
  constructor(
    private readonly pg: PGlite,
    private readonly onConnection?: (c: DatabaseConnection) => Promise<void>,
    options: { deadlineMs?: number; statementCacheSize?: number } = {},
  ) {
    this.queue = new PGliteQueue(options.deadlineMs);
    this.statements = new PGliteStatements(pg, options.statementCacheSize);
  }
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.statements, this.queue, this.onConnection);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

const empty = () => ({ rows: [], affectedRows: 0, fields: [] });

class PGliteConnection implements DatabaseConnection {
  /**
   * Every exec is a call into WebAssembly and a simple-protocol parse, so, as on the PostgreSQL pool,
   * `begin` and the tenant context wait for the transaction's next statement and go with it (in one
   * message with its Bind/Execute when it has parameters), and the request's audit row goes with the
   * COMMIT (at-commit.ts, HeldStatements). Three calls less per audited request.
   */
  private readonly held = new HeldStatements();

  constructor(
    private readonly pg: PGlite,
    private readonly statements: PGliteStatements,
  ) {}

  /** Called when the connection goes back to the queue: nothing of a transaction outlives it. */
  reset() {
    this.held.reset();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Raw SQL without parameters may hold several statements (migrations): run it through the
    // simple protocol, which allows that, and answer with the last statement's result.
    const simple = compiled.query.kind === 'RawNode' && compiled.parameters.length === 0;
    const step = this.held.next(compiled.sql, simple);
    const parameters = compiled.parameters as unknown[];
    let result;
    if (!step.send) result = empty();
    else if (step.simple) result = (await this.statements.exec(step.text)).at(-1) ?? empty();
    else if (inBulkWork()) {
      // Broad catalogue searches: planned for each call's own values (never a generic plan), as on PostgreSQL.
      if (step.prefix) await this.statements.exec(step.prefix);
      result = await this.pg.query<R>(step.text, parameters);
    } else result = await this.statements.query<R>(step.text, parameters, step.prefix);
    const affected = result.affectedRows;
    return {
      rows: result.rows as R[],
      ...(affected !== undefined && compiled.query.kind !== 'SelectQueryNode' ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream query results');
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private initialised = false;

  constructor(pg: PGlite, statements: PGliteStatements, private readonly queue: PGliteQueue, private readonly onConnection?: (c: DatabaseConnection) => Promise<void>) {
    this.connection = new PGliteConnection(pg, statements);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.queue.acquire();
    if (!this.initialised && this.onConnection) {
      this.initialised = true;
      await this.onConnection(this.connection);
    }
    return this.connection;
  }
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection() {
    this.connection.reset();
    this.queue.release();
  }
  async destroy() {}
}

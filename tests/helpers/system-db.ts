import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { DB } from '../../src/db/schema.js';

const SYSTEM_CONTEXT = CompiledQuery.raw(
  "SELECT set_config('polku.county_code', '', true), set_config('polku.role', 'system', true)",
);

/**
 * Tests inspect and arrange rows across counties. The app connection runs as polku_app under row-level
 * security, so a bare query with no tenant sees no client data. This wraps the app's own connection(s)
 * (same PGlite mutex, same PostgreSQL pool) so that every statement runs in the explicit system tenant
 * context, exactly as background jobs do. Test-only: production code uses inSystemTransaction.
 */
export function systemContextDb(appDb: Kysely<DB>): Kysely<DB> {
  const executor = appDb.getExecutor();
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new SystemDriver(executor),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

class SystemConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(readonly inner: DatabaseConnection, readonly release: () => void) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return this.inner.executeQuery<R>(compiled);
    await this.inner.executeQuery(CompiledQuery.raw('begin'));
    try {
      await this.inner.executeQuery(SYSTEM_CONTEXT);
      const result = await this.inner.executeQuery<R>(compiled);
      await this.inner.executeQuery(CompiledQuery.raw('commit'));
      return result;
    } catch (e) {
      await this.inner.executeQuery(CompiledQuery.raw('rollback')).catch(() => {});
      throw e;
    }
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('not supported');
  }
}

class SystemDriver implements Driver {
  constructor(private readonly executor: ReturnType<Kysely<DB>['getExecutor']>) {}
  async init() {}
  acquireConnection(): Promise<DatabaseConnection> {
    return new Promise((resolve, reject) => {
      this.executor
        .provideConnection(
          (inner) =>
            new Promise<void>((done) => {
              resolve(new SystemConnection(inner, done));
            }),
        )
        .catch(reject);
    });
  }
  async beginTransaction(c: DatabaseConnection) {
    const conn = c as SystemConnection;
    await conn.inner.executeQuery(CompiledQuery.raw('begin'));
    conn.inTransaction = true;
    await conn.inner.executeQuery(SYSTEM_CONTEXT);
  }
  async commitTransaction(c: DatabaseConnection) {
    const conn = c as SystemConnection;
    conn.inTransaction = false;
    await conn.inner.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    const conn = c as SystemConnection;
    conn.inTransaction = false;
    await conn.inner.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(c: DatabaseConnection) {
    (c as SystemConnection).release();
  }
  async destroy() {}
}

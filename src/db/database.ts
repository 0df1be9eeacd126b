import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
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
}

const APP_ROLE = 'polku_app';

// Counts come back as numbers and dates as 'YYYY-MM-DD' strings, the same on both engines.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPGlite(options);
}

async function openPGlite(options: OpenOptions): Promise<Database> {
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm },
      parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v), 1082: (v: string) => v },
    });
  } catch (e) {
    release();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrate(db);
    if (options.prepare) await options.prepare(db);
    // From here on the single connection acts as the app role: row-level security applies.
    await sql`SET ROLE ${sql.raw(APP_ROLE)}`.execute(db);
  } catch (e) {
    await pglite.close().catch(() => {});
    release();
    throw e;
  }
  return {
    kind: 'pglite',
    db,
    dumpDataDir: () => pglite.dumpDataDir('none'),
    async close() {
      try {
        await sql`RESET ROLE`.execute(db);
        await sql`CHECKPOINT`.execute(db);
        await pglite.close();
      } finally {
        release();
      }
    },
  };
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
  try {
    await migrate(owner);
    if (options.prepare) await options.prepare(owner);
  } finally {
    await owner.destroy();
  }
  const canSetRole = await probeSetRole(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, statement_timeout: 30_000 });
  if (canSetRole) {
    pool.on('connect', (client) => {
      client.query(`SET ROLE ${APP_ROLE}`).catch(() => {});
    });
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, close: () => db.destroy() };
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

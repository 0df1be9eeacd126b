import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(dir = MIGRATIONS_DIR): { id: string; file: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), file: path.join(dir, f) }));
}

/**
 * Applies numbered SQL migrations that have not run yet, each in its own transaction.
 * An advisory lock keeps several app nodes starting at once from migrating twice.
 */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  await db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(707001)`.execute(conn);
    try {
      const done = new Set((await conn.selectFrom('schema_migrations').select('id').execute()).map((r) => r.id));
      for (const m of listMigrations()) {
        if (done.has(m.id)) continue;
        const text = fs.readFileSync(m.file, 'utf8');
        await conn.transaction().execute(async (tx) => {
          await sql.raw(text).execute(tx);
          await tx.insertInto('schema_migrations').values({ id: m.id }).execute();
        });
        applied.push(m.id);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(707001)`.execute(conn);
    }
  });
  return applied;
}

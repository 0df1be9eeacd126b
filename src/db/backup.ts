import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * Logical backup as plain SQL, the same on PGlite and PostgreSQL: a header naming the applied
 * migrations, then per table `INSERT … SELECT * FROM json_populate_recordset(…)` lines in batches.
 * Restore runs the migrations on an empty database and replays the lines with triggers
 * (foreign keys) off, then moves sequences past the restored ids.
 */
const BATCH = 500;
type Progress = (table: string, rows: number, total: number) => void;

interface TableInfo {
  name: string;
  columns: string[];
}

async function listTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const rows = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
       -- Written by migrations themselves, so a restore into a freshly migrated database has them
       -- already (catalog_generation is a cache marker that the restored rows' triggers move anyway).
       AND c.table_name NOT IN ('schema_migrations', 'catalog_generation')
     ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, string[]>();
  for (const r of rows.rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function dumpDatabase(db: Kysely<DB>, write: (line: string) => Promise<void> | void, progress?: Progress) {
  // One snapshot for the whole dump, so rows written meanwhile cannot tear it.
  await db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const migrations = await tx.selectFrom('schema_migrations').select('id').orderBy('id').execute();
    await write(`-- Polku backup ${new Date().toISOString()}`);
    await write(`-- migrations: ${migrations.map((m) => m.id).join(',')}`);
    for (const table of await listTables(tx as unknown as Kysely<DB>)) {
      const cols = table.columns.map(ident).join(', ');
      const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(table.name)}`.execute(tx)).rows[0]!.n);
      for (let offset = 0; offset < total; offset += BATCH) {
        const batch = await sql<{ j: unknown }>`
          SELECT json_agg(t) AS j FROM (SELECT ${sql.raw(cols)} FROM ${sql.id(table.name)} ORDER BY 1 LIMIT ${BATCH} OFFSET ${offset}) t`.execute(tx);
        const json = JSON.stringify(batch.rows[0]!.j);
        await write(`INSERT INTO ${ident(table.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${ident(table.name)}, ${literal(json)});`);
        progress?.(table.name, Math.min(offset + BATCH, total), total);
      }
    }
  });
}

export function dumpMigrations(header: string): string[] {
  const m = /^-- migrations: (.*)$/m.exec(header);
  return m?.[1] ? m[1].split(',') : [];
}

/** Replays a dump into a migrated, empty database (run as the owner, not the app role). */
export async function restoreDatabase(db: Kysely<DB>, lines: AsyncIterable<string>, progress?: (done: number) => void) {
  await db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    let done = 0;
    for await (const line of lines) {
      if (!line.startsWith('INSERT INTO ')) continue;
      await sql.raw(line).execute(tx);
      progress?.(++done);
    }
    // Serial ids continue after the restored rows.
    const seqs = await sql<{ tbl: string; col: string; seq: string }>`
      SELECT c.table_name AS tbl, c.column_name AS col, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS seq
        FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`.execute(tx);
    for (const s of seqs.rows) {
      await sql.raw(`SELECT setval('${s.seq}', GREATEST((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 1))`).execute(tx);
    }
    // The replayed rows fired no triggers: move the catalogue generation (0810) so a running process
    // drops what it cached of the empty catalogue (search results, recommendation snapshot).
    await sql`UPDATE catalog_generation SET gen = nextval('catalog_generation_seq') WHERE id`.execute(tx);
  });
}

export async function countRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await listTables(db)) {
    out[t.name] = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(t.name)}`.execute(db)).rows[0]!.n);
  }
  return out;
}

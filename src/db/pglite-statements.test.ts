import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_PARSERS } from './database.js';
import { inBulkLane, PGliteDialect } from './pglite-dialect.js';

/** Named prepared statements on PGlite (pglite-statements.ts) against PGlite's own unnamed `query()`. */
describe('PGlite kept statements', () => {
  let pg: PGlite;
  let dialect: PGliteDialect;
  let db: Kysely<Record<string, never>>;

  beforeAll(async () => {
    pg = await PGlite.create({ parsers: PGLITE_PARSERS });
    dialect = new PGliteDialect(pg, undefined, { deadlineMs: 0, statementCacheSize: 3 });
    db = new Kysely({ dialect });
    await sql`CREATE TABLE things (id int PRIMARY KEY, name text NOT NULL CONSTRAINT things_name_key UNIQUE, at timestamptz, doc jsonb, amount numeric, big int8, day date, tags text[])`.execute(db);
    await sql`SELECT set_config('TimeZone', 'Europe/Helsinki', false)`.execute(db);
    dialect.statements.enabled = true;
  });
  afterAll(async () => {
    await pg.close();
  });

  const kept = async () => (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements')).rows[0]!.n;
  const both = async <T>(run: () => Promise<T>) => {
    dialect.statements.enabled = false;
    const unnamed = await run();
    dialect.statements.enabled = true;
    return { unnamed, prepared: await run(), again: await run() };
  };

  it('returns the same rows and types as PGlite’s query(): timestamps, json, numeric, int8, dates, arrays, nulls', async () => {
    const at = new Date('2026-11-23T00:30:00Z');
    await sql`INSERT INTO things VALUES (${1}, ${'a'}, ${at}, ${JSON.stringify({ k: [1, 'x'] })}, ${'12.50'}, ${'9007199254740'}, ${'2026-11-23'}, ${['x', 'y"z']})`.execute(db);
    await sql`INSERT INTO things (id, name) VALUES (${2}, ${'Äänekoski ö, å 🙂 \\ "x"'})`.execute(db);
    const read = () => sql`SELECT *, ${at}::timestamptz::date AS local_day, ${true} AS flag, ${null}::text AS nothing FROM things WHERE id = ANY(${[1, 2]}) ORDER BY id`.execute(db);
    const { unnamed, prepared, again } = await both(read);
    expect(prepared.rows).toEqual(unnamed.rows);
    expect(again.rows).toEqual(unnamed.rows);
    expect(prepared.rows[0]).toMatchObject({ at, doc: { k: [1, 'x'] }, amount: 12.5, big: 9007199254740, day: '2026-11-23', tags: ['x', 'y"z'], local_day: '2026-11-23', flag: 'true', nothing: null });
  });

  it('keeps a statement after its first run and runs it again without parsing', async () => {
    const before = dialect.statements.size;
    await sql`SELECT name FROM things WHERE id = ${1} AND name <> ${'kept'}`.execute(db);
    await sql`SELECT name FROM things WHERE id = ${2} AND name <> ${'kept'}`.execute(db);
    expect(dialect.statements.size - before).toBeLessThanOrEqual(1);
    const rows = (await pg.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows;
    expect(rows.map((r) => r.statement)).toContain('SELECT name FROM things WHERE id = $1 AND name <> $2');
  });

  it('leaves bulk-lane work (broad searches) to PGlite’s unnamed statement, planned for its own values', async () => {
    await inBulkLane(() => sql`SELECT count(*) AS n FROM things WHERE name LIKE ${'%bulk%'}`.execute(db));
    const rows = (await pg.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows;
    expect(rows.map((r) => r.statement)).not.toContain('SELECT count(*) AS n FROM things WHERE name LIKE $1');
  });

  it('carries PostgreSQL’s error fields and the query, keeps the statement usable, and rolls back', async () => {
    const insert = (id: number, name: string) => sql`INSERT INTO things (id, name) VALUES (${id}, ${name})`.execute(db);
    const error = await db
      .transaction()
      .execute(async (tx) => {
        await sql`INSERT INTO things (id, name) VALUES (${10}, ${'in-tx'})`.execute(tx);
        await sql`INSERT INTO things (id, name) VALUES (${11}, ${'a'})`.execute(tx);
      })
      .then(() => ({}) as Record<string, unknown>, (e: unknown) => e as Record<string, unknown>);
    expect(error).toMatchObject({ code: '23505', constraint: 'things_name_key', table: 'things', query: 'INSERT INTO things (id, name) VALUES ($1, $2)', params: [11, 'a'] });
    expect(String(error.detail)).toContain('(name)=(a)');
    // Rolled back: the first insert of the transaction is gone; the kept statement still works.
    expect((await sql`SELECT count(*)::int AS n FROM things WHERE id = ${10}`.execute(db)).rows).toEqual([{ n: 0 }]);
    await insert(12, 'c');
    expect((await sql<{ name: string }>`SELECT name FROM things WHERE id = ${12}`.execute(db)).rows).toEqual([{ name: 'c' }]);
  });

  it('keeps at most its capacity of statements (least recently used dropped, also in PostgreSQL)', async () => {
    for (let i = 0; i < 6; i++) await sql`SELECT ${sql.raw(String(i))} AS n WHERE ${i}::int IS NOT NULL`.execute(db);
    expect(dialect.statements.size).toBe(3);
    expect(await kept()).toBe(3);
  });

  it('prepares a statement afresh when DDL changed its result columns or it was deallocated', async () => {
    const read = () => sql`SELECT * FROM things WHERE id = ${1}`.execute(db);
    await read();
    await sql`ALTER TABLE things ADD COLUMN extra text`.execute(db);
    expect((await read()).rows[0]).toHaveProperty('extra', null);
    await sql`DEALLOCATE ALL`.execute(db);
    expect((await read()).rows[0]).toHaveProperty('name', 'a');
  });
});

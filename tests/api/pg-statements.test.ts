/**
 * Named prepared statements on PostgreSQL (src/db/pg-statements.ts): a statement with parameters is
 * parsed once per connection and can keep its plan; bulk work (catalogue searches) stays unnamed; a
 * statement made stale by DDL while the server runs is run unnamed from then on, and outside a
 * transaction the call that found it stale still answers. PostgreSQL only (PGlite has its own:
 * src/db/pglite-statements.test.ts).
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inBulkLane } from '../../src/db/pglite-dialect.js';
import { pgStatements, queryKept } from '../../src/db/pg-statements.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testEngine } from '../helpers/test-db.js';

let t: TestApp | undefined;
let pool: pg.Pool | undefined;

beforeAll(async () => {
  if (testEngine !== 'postgres') return;
  t = await createTestApp();
  const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(t.db);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${rows[0]!.db}`;
  pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
});
afterAll(async () => {
  await pool?.end();
  await t?.close();
});

const kept = async (client: pg.PoolClient) =>
  Number((await client.query(`SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 'polku\\_%'`)).rows[0].n);

describe.skipIf(testEngine !== 'postgres')('named statements on PostgreSQL', () => {
  it('parses a statement with parameters once per connection and answers as before', async () => {
    const client = await pool!.connect();
    try {
      const before = await kept(client);
      const text = 'SELECT $1::int + 1 AS n';
      const a = await queryKept(client, text, [1], false);
      const b = await queryKept(client, text, [41], false);
      expect([a.rows[0].n, b.rows[0].n]).toEqual([2, 42]);
      expect(await kept(client)).toBe(before + 1);
      // Bulk work (catalogue searches) keeps per-call plans: no name.
      await inBulkLane(() => queryKept(client, 'SELECT $1::int * 2 AS n', [2], false));
      expect(await kept(client)).toBe(before + 1);
      // The switch (POLKU_PG_STATEMENTS=0) turns it off.
      pgStatements.enabled = false;
      try {
        await queryKept(client, 'SELECT $1::int * 3 AS n', [2], false);
      } finally {
        pgStatements.enabled = true;
      }
      expect(await kept(client)).toBe(before + 1);
    } finally {
      client.release();
    }
  });

  it('runs a statement that DDL made stale unnamed from then on; outside a transaction the call still answers', async () => {
    const client = await pool!.connect();
    try {
      await client.query('CREATE TEMP TABLE stale_probe (a int)');
      await client.query('INSERT INTO stale_probe VALUES (1)');
      const text = 'SELECT * FROM stale_probe WHERE a = $1';
      expect((await queryKept(client, text, [1], false)).rows).toEqual([{ a: 1 }]);
      await client.query('ALTER TABLE stale_probe ADD COLUMN b int');
      // PostgreSQL refuses the kept plan ("cached plan must not change result type"); the call is retried unnamed.
      expect((await queryKept(client, text, [1], false)).rows).toEqual([{ a: 1, b: null }]);
      await client.query('ALTER TABLE stale_probe ADD COLUMN c int');
      expect((await queryKept(client, text, [1], false)).rows).toEqual([{ a: 1, b: null, c: null }]);
    } finally {
      await client.query('DROP TABLE IF EXISTS stale_probe');
      client.release();
    }
  });

  it('sends a held prefix in the same message as the statement: same results, and an error anywhere fails the call and leaves the connection usable', async () => {
    const client = await pool!.connect();
    try {
      const prefix = ['begin', "SELECT set_config('polku.probe', 'x', true)"];
      const text = "SELECT $1::int + 1 AS n, current_setting('polku.probe') AS probe";
      // A new statement (its Parse after the prefix's), then the kept one.
      for (const v of [1, 2]) {
        const r = await queryKept(client, text, [v], true, prefix);
        expect(r.rows).toEqual([{ n: v + 1, probe: 'x' }]);
        expect(r.fields.map((f) => f.name)).toEqual(['n', 'probe']);
        expect((await client.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = pg_backend_pid() AND xact_start IS NOT NULL')).rows[0].n).toBe(1);
        await client.query('rollback');
      }
      expect((await client.query(`SELECT current_setting('polku.probe', true) AS p`)).rows[0].p).toBe('');
      // The prefix fails: the statement does not run, the transaction is aborted, the caller rolls back.
      await expect(queryKept(client, text, [1], true, ['begin', 'SELECT 1/0'])).rejects.toMatchObject({ code: '22012' });
      await expect(client.query('SELECT 1')).rejects.toMatchObject({ code: '25P02' });
      await client.query('rollback');
      // The statement fails (new text, so its Parse followed the prefix's): the same; the text then runs unnamed.
      const failing = 'SELECT 1 / $1::int AS n';
      await expect(queryKept(client, failing, [0], true, prefix)).rejects.toMatchObject({ code: '22012' });
      await client.query('rollback');
      expect((await queryKept(client, failing, [1], true, prefix)).rows).toEqual([{ n: 1 }]);
      await client.query('rollback');
      expect((await queryKept(client, failing, [2], false)).rows).toEqual([{ n: 0 }]);
    } finally {
      client.release();
    }
  });

  it('serves the app: a worker reads the client list twice with the same answers', async () => {
    const cookie = await t!.login('ohjaaja');
    const first = await t!.call('GET', '/api/v1/guidance/caseload', { cookie });
    const second = await t!.call('GET', '/api/v1/guidance/caseload', { cookie });
    expect(first.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
  });
});

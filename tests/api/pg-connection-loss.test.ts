/**
 * PostgreSQL can end a pooled connection while it sits idle (a restart, a failover, an administrator's
 * pg_terminate_backend). The pool must drop it and carry on; an 'error' event without a listener
 * would end the whole process. PostgreSQL only: PGlite has no server to lose.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testEngine } from '../helpers/test-db.js';

let t: TestApp | undefined;

beforeAll(async () => {
  if (testEngine === 'postgres') t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe.skipIf(testEngine !== 'postgres')('PostgreSQL connections ended by the server', () => {
  it('keeps answering after the server ends every idle pooled connection', async () => {
    const app = t!;
    const cookie = await app.login('ohjaaja');
    // Several requests at once, so the pool holds more than one idle connection afterwards.
    const first = await Promise.all([1, 2, 3, 4].map(() => app.call('GET', '/api/v1/guidance/caseload', { cookie })));
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const { rows } = await sql<{ db: string }>`SELECT current_database() AS db`.execute(app.db);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const ended = await admin.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1', [rows[0]!.db]);
      expect(ended.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 200)); // the idle clients see their connections end
    const after = await app.call('GET', '/api/v1/guidance/caseload', { cookie });
    expect(after.statusCode).toBe(200);
  });
});

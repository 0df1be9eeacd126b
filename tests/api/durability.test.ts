import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { runDrill } from '../../scripts/durability.js';

/**
 * No acknowledged write is lost when the server is killed with SIGKILL during concurrent writes
 * (issue 10, item 9). Spawns the real server, compiled as in production (`node` on the bundle of
 * scripts/build-server.ts), on a PGlite data directory, 3 cycles here; `npm run durability` runs 20 and prints the reopen times. Timing
 * targets (reopen ≤ 2 s) belong to that drill, not to this test, which runs on a shared machine.
 * PGlite only: with DATABASE_URL durability is PostgreSQL's job.
 */
describe('durability on PGlite', () => {
  it('keeps every acknowledged write through kill -9, restarts past the stale lock, refuses a second process', { timeout: 900_000 }, async () => {
    const result = await runDrill({ cycles: 3, log: (line) => console.log(`durability: ${line}`) });

    // A second process on the same data directory fails fast, with the clear message.
    expect(result.secondProcess.exitCode).toBe(2);
    expect(result.secondProcess.message).toMatch(/already in use/);

    expect(result.cycles).toHaveLength(3); // each restart got past the killed process's lock
    for (const c of result.cycles) {
      expect(c.acknowledged, `cycle ${c.cycle} wrote nothing: the drill proves nothing`).toBeGreaterThan(0);
      expect(c.lost, `cycle ${c.cycle} lost acknowledged writes`).toEqual([]);
    }
  });
});

/** Writes some WAL (as the session user); returns the WAL position after it. */
async function walAfterWrite(db: Kysely<DB>): Promise<string> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE NONE`.execute(tx);
    await sql`CREATE TABLE IF NOT EXISTS durability_probe (n int)`.execute(tx);
    await sql`INSERT INTO durability_probe SELECT generate_series(1, 1000)`.execute(tx);
    return (await sql<{ lsn: string }>`SELECT pg_current_wal_insert_lsn()::text AS lsn`.execute(tx)).rows[0]!.lsn;
  });
}

async function checkpointedPast(db: Kysely<DB>, lsn: string): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL ROLE NONE`.execute(tx);
    const { rows } = await sql<{ past: boolean }>`
      SELECT pg_wal_lsn_diff(checkpoint_lsn, ${lsn}::pg_lsn) >= 0 AS past FROM pg_control_checkpoint()`.execute(tx);
    return rows[0]!.past;
  });
}

/**
 * PGlite has no checkpointer process: without the periodic CHECKPOINT every kill -9 would replay
 * all WAL since start-up, and reopen time would grow with uptime (src/db/database.ts).
 */
describe('periodic checkpoints on a PGlite data directory', () => {
  it('checkpoints after writes, which PGlite does not do by itself', { timeout: 300_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polku-checkpoint-'));
    try {
      const without = await openDatabase({ databaseUrl: null, dataDir, checkpointIntervalMs: 0 });
      try {
        const lsn = await walAfterWrite(without.db);
        await new Promise((r) => setTimeout(r, 1500));
        expect(await checkpointedPast(without.db, lsn)).toBe(false);
      } finally {
        await without.close();
      }

      const withTimer = await openDatabase({ databaseUrl: null, dataDir, checkpointIntervalMs: 200 });
      try {
        const lsn = await walAfterWrite(withTimer.db);
        const deadline = Date.now() + 60_000;
        let past = false;
        while (!past && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 250));
          past = await checkpointedPast(withTimer.db, lsn);
        }
        expect(past).toBe(true);
      } finally {
        await withTimer.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { isDatabaseBusy, openDatabase } from '../../src/db/database.js';
import type { QueueGrant } from '../../src/db/pglite-dialect.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { warmCatalogueIndex } from '../../src/domain/catalog/index.js';
import { createScratchPostgres, testEngine } from '../helpers/test-db.js';

/**
 * A broad or slow query cannot starve other requests (issue 10, item 11). On PGlite's single connection
 * catalogue searches run in the bulk lane and primary-key reads in the interactive lane, which is served
 * first; nobody waits past the queue deadline (503 + Retry-After). No wall-clock thresholds here: we count
 * what each read waited behind (timings are in the bench, `npm run bench -- --scenario starvation`).
 */
let t: TestApp;
let cookie = '';
let clientId = '';
const SEARCHES = ['/api/v1/services?limit=50', '/api/v1/services?q=tuki%20apu&limit=50', '/api/v1/services?q=palvelu&limit=50&offset=20'];
const LOOPS = 3;
const READS = 10;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  cookie = await t.login('ohjaaja');
  const org = (await t.db.selectFrom('users').select('organization_id').where('username', '=', 'ohjaaja').executeTakeFirstOrThrow()).organization_id;
  if (process.env.POLKU_TEST_VERBOSE) console.log('app ready');
  // The catalogue search index (ADR 0930) builds in the background in bulk units of its own; built
  // before the measure, every bulk unit below is one search.
  await warmCatalogueIndex(t.database.db);
  clientId = (await t.db.selectFrom('client_relationships').select('client_id').where('organization_id', '=', org).where('ended_at', 'is', null).orderBy('client_id').executeTakeFirstOrThrow()).client_id;
}, 180_000);
afterAll(async () => {
  if (t?.database.queue) t.database.queue.onGrant = null;
  await t?.close();
});

/**
 * Heavy catalogue searches run concurrently with primary-key reads: in each round LOOPS searches are sent
 * and, right behind them in the same tick, one read of a client (so the searches are ahead of it in the queue).
 * app.inject runs in-process without sockets, so rounds (not free-running loops) keep the interleaving
 * the same on every machine.
 */
async function readsUnderSearchLoad() {
  const searchStatuses: number[] = [];
  const reads: { status: number; id: unknown; round: number }[] = [];
  for (let round = 0; round < READS; round++) {
    const searches = Array.from({ length: LOOPS }, (_, n) =>
      t.call('GET', SEARCHES[(round + n) % SEARCHES.length]!).then((r) => searchStatuses.push(r.statusCode)),
    );
    const read = t.call('GET', `/api/v1/clients/${clientId}`, { cookie }).then((res) =>
      reads.push({ status: res.statusCode, id: res.statusCode === 200 ? res.json().id : null, round }),
    );
    await Promise.all([...searches, read]);
    if (process.env.POLKU_TEST_VERBOSE) console.log(`round ${round}: read ${reads.at(-1)?.status}, searches ${searchStatuses.length}`);
  }
  return { reads, searchStatuses };
}

describe(`starvation on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('primary-key reads complete while heavy catalogue searches loop concurrently', { timeout: 300_000 }, async () => {
    const grants: QueueGrant[] = [];
    if (t.database.queue) t.database.queue.onGrant = (g) => grants.push(g);
    const { reads, searchStatuses } = await readsUnderSearchLoad();
    if (t.database.queue) t.database.queue.onGrant = null;

    expect(reads).toHaveLength(READS);
    expect(reads.every((r) => r.status === 200 && r.id === clientId)).toBe(true);
    expect(searchStatuses).toHaveLength(READS * LOOPS);
    expect(searchStatuses.every((s) => s === 200)).toBe(true);

    if (t.database.queue) {
      const interactive = grants.filter((g) => g.lane === 'interactive');
      const bulk = grants.filter((g) => g.lane === 'bulk');
      if (process.env.POLKU_TEST_VERBOSE) console.log(JSON.stringify(grants.map((g) => [g.lane[0], g.bulkAhead, g.unitsAhead])));
      expect(bulk).toHaveLength(READS * LOOPS);
      // There was contention: searches queued behind each other, and reads found a search holding the connection.
      expect(bulk.some((g) => g.unitsAhead >= 2)).toBe(true);
      expect(interactive.some((g) => g.bulkAhead === 1)).toBe(true);
      // The property: each primary-key read's unit of work waits for at most the one search already in flight.
      expect(Math.max(...interactive.map((g) => g.bulkAhead))).toBeLessThanOrEqual(1);
    }
  });

  it('the same load with one plain FIFO queue makes reads wait behind several searches (the measure can fail)', { timeout: 300_000 }, async () => {
    const queue = t.database.queue;
    if (!queue) return; // PostgreSQL: a pool of connections, no single queue to compare.
    const grants: QueueGrant[] = [];
    queue.fifo = true;
    queue.onGrant = (g) => grants.push(g);
    try {
      const { reads } = await readsUnderSearchLoad();
      expect(reads.every((r) => r.status === 200)).toBe(true);
    } finally {
      queue.fifo = false;
      queue.onGrant = null;
    }
    if (process.env.POLKU_TEST_VERBOSE) console.log(JSON.stringify(grants.map((g) => [g.lane[0], g.bulkAhead, g.unitsAhead])));
    const interactive = grants.filter((g) => g.lane === 'interactive');
    expect(Math.max(...interactive.map((g) => g.bulkAhead))).toBeGreaterThan(1);
  });

  it('a request that cannot get the connection within the deadline gets 503 with Retry-After, localized', { timeout: 120_000 }, async () => {
    const queue = t.database.queue;
    if (!queue) return; // PostgreSQL: see the next test.
    const deadline = queue.deadlineMs;
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let holding: Promise<unknown> = Promise.resolve();
    try {
      queue.deadlineMs = 300;
      let acquired = () => {};
      const gotIt = new Promise<void>((r) => (acquired = r));
      // Someone holds the only connection (a stuck transaction).
      holding = t.database.db.transaction().execute(async () => {
        acquired();
        await held;
      });
      await gotIt;
      const res = await t.call('GET', `/api/v1/clients/${clientId}`, { cookie, lang: 'sv' });
      expect(res.statusCode).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(res.json().error).toMatchObject({ code: 'busy' });
      expect(res.json().error.message).toContain('Försök igen');
      expect(res.json().error.correlationId).toBeTruthy();
    } finally {
      release();
      await holding;
      queue.deadlineMs = deadline;
    }
    // The queue is healthy again: the timed-out waiter left no trace.
    expect((await t.call('GET', `/api/v1/clients/${clientId}`, { cookie })).statusCode).toBe(200);
    expect(queue.queued).toBe(0);
  });

  it.runIf(testEngine === 'postgres')('PostgreSQL: a full pool makes the next unit fail fast as "busy" (503), not wait forever', { timeout: 120_000 }, async () => {
    const scratch = await createScratchPostgres();
    const database = await openDatabase({ databaseUrl: scratch.url, dataDir: null, poolSize: 1, queueDeadlineMs: 300 });
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let acquired = () => {};
    const gotIt = new Promise<void>((r) => (acquired = r));
    const holding = database.db.transaction().execute(async () => {
      acquired();
      await held;
    });
    try {
      await gotIt;
      let error: unknown = null;
      await sql`SELECT 1`.execute(database.db).catch((e: unknown) => (error = e));
      expect(isDatabaseBusy(error)).toBe(true);
    } finally {
      release();
      await holding;
      expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(database.db)).rows[0]!.n).toBe(1);
      await database.close();
      await scratch.drop();
    }
  });
});

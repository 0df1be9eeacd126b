import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { enqueueJob, findJob, JobRunner, polkuJobHandlers, REMINDER_JOB, retryDelayMs } from '../../src/domain/jobs/index.js';
import { inTransaction } from '../../src/domain/shared/tx.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(async () => {
  await t?.close();
});

const enqueue = (type: string, key: string, payload: Record<string, unknown> = {}, opts: { maxAttempts?: number; runAt?: Date } = {}) =>
  inTransaction(t.db, null, (tx) => enqueueJob(tx, type, key, payload, opts));

describe(`background jobs on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('enqueues idempotently by (type, dedupe key)', async () => {
    expect(await enqueue('test.noop', 'k1')).toBe(true);
    expect(await enqueue('test.noop', 'k1')).toBe(false);
    const rows = await t.db.selectFrom('jobs').select('id').where('type', '=', 'test.noop').execute();
    expect(rows).toHaveLength(1);
  });

  it('two runners working the same queue at once never run the same job twice', async () => {
    const ran: number[] = [];
    const handlers = {
      'test.count': async (tx: Parameters<Parameters<typeof inTransaction>[2]>[0], payload: Record<string, unknown>) => {
        ran.push(payload.n as number);
        // Hold the claim a moment so the other node would see the row if it were not locked.
        await sql`SELECT pg_sleep(0.01)`.execute(tx);
      },
    };
    for (let n = 0; n < 40; n++) await enqueue('test.count', `n${n}`, { n });
    const a = new JobRunner(t.db, { handlers, nodeId: 'node-a', batchSize: 5 });
    const b = new JobRunner(t.db, { handlers, nodeId: 'node-b', batchSize: 5 });
    let total = 0;
    for (let round = 0; round < 20 && total < 40; round++) {
      const [x, y] = await Promise.all([a.tick(), b.tick()]);
      total += x + y;
    }
    expect(total).toBe(40);
    expect(ran).toHaveLength(40);
    expect(new Set(ran).size).toBe(40);
    const nodes = await t.db.selectFrom('jobs').select(['locked_by', 'status']).where('type', '=', 'test.count').execute();
    expect(nodes.every((j) => j.status === 'done')).toBe(true);
    if (t.engine === 'postgres') expect(new Set(nodes.map((j) => j.locked_by)).size).toBe(2); // both nodes took part
  });

  it('retries a failing job with backoff and gives up after max attempts', async () => {
    let calls = 0;
    let clock = new Date('2026-11-22T08:00:00Z');
    const runner = new JobRunner(t.db, {
      handlers: {
        'test.flaky': async () => {
          calls += 1;
          throw new Error('gateway down');
        },
      },
      nodeId: 'node-c',
      now: () => clock,
    });
    await enqueue('test.flaky', 'f1', {}, { maxAttempts: 2, runAt: clock });
    expect(await runner.tick()).toBe(1);
    let job = await findJob(t.db, 'test.flaky', 'f1');
    expect(job).toMatchObject({ status: 'queued', attempts: 1, last_error: 'gateway down' });
    expect(new Date(job!.run_at).getTime()).toBe(clock.getTime() + retryDelayMs(1));
    expect(await runner.tick()).toBe(0); // not before the backoff has passed
    clock = new Date(clock.getTime() + retryDelayMs(1));
    expect(await runner.tick()).toBe(1);
    job = await findJob(t.db, 'test.flaky', 'f1');
    expect(job).toMatchObject({ status: 'failed', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('rolls back a failed job’s writes', async () => {
    const runner = new JobRunner(t.db, {
      handlers: {
        'test.partial': async (tx) => {
          await tx.insertInto('jobs').values({ type: 'test.side-effect', dedupe_key: 'x', payload: '{}', run_at: new Date() }).execute();
          throw new Error('half-way');
        },
      },
      nodeId: 'node-d',
    });
    await enqueue('test.partial', 'p1', {}, { maxAttempts: 1 });
    await runner.tick();
    expect(await findJob(t.db, 'test.side-effect', 'x')).toBeUndefined();
  });

  it('the periodic reminder job is enqueued once per period even with two nodes', async () => {
    const now = () => new Date('2026-11-22T08:05:00Z');
    // The app role's own connection, no test wrapper: under row-level security the runner's explicit
    // system context is what lets the reminder job see every county's tasks.
    const a = new JobRunner(t.database.db, { handlers: polkuJobHandlers(), periodic: [{ type: REMINDER_JOB, everyMs: 15 * 60_000 }], nodeId: 'p-a', now });
    const b = new JobRunner(t.database.db, { handlers: polkuJobHandlers(), periodic: [{ type: REMINDER_JOB, everyMs: 15 * 60_000 }], nodeId: 'p-b', now });
    await Promise.all([a.tick(), b.tick()]);
    const jobs = await t.db.selectFrom('jobs').selectAll().where('type', '=', REMINDER_JOB).execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe('done');
    const notifications = await t.db.selectFrom('notifications').select('id').execute();
    expect(notifications.length).toBeGreaterThan(0);
  });

  it('start() and stop() run the loop and stop cleanly', async () => {
    await enqueue('test.once', 'o1');
    let ran = 0;
    const runner = new JobRunner(t.db, { handlers: { 'test.once': async () => void (ran += 1) }, pollMs: 20, nodeId: 'node-e' });
    runner.start();
    for (let i = 0; i < 100 && ran === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(ran).toBe(1);
  });
});

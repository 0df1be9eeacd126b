import { describe, expect, it } from 'vitest';
import { DatabaseBusyError, inBulkLane, PGliteQueue } from './pglite-dialect.js';

/** The queue's order only (no database): who gets the single connection next. */
describe('PGliteQueue', () => {
  const flush = () => new Promise((r) => setImmediate(r));

  it('serves waiting interactive work before waiting bulk work, each lane in arrival order', async () => {
    const q = new PGliteQueue(0);
    const order: string[] = [];
    await q.acquire(); // someone holds the connection
    const take = (name: string, bulk: boolean) => (bulk ? inBulkLane(() => q.acquire()) : q.acquire()).then(() => order.push(name));
    const all = [take('b1', true), take('b2', true), take('i1', false), take('i2', false)];
    await flush();
    for (let i = 0; i < 4; i++) {
      q.release();
      await flush();
    }
    q.release();
    await Promise.all(all);
    expect(order).toEqual(['i1', 'i2', 'b1', 'b2']);
  });

  it('lets one bulk unit through after bulkEvery interactive grants in a row (no starvation of bulk work)', async () => {
    const q = new PGliteQueue(0);
    q.bulkEvery = 2;
    const order: string[] = [];
    await q.acquire();
    const pending = [inBulkLane(() => q.acquire()).then(() => order.push('b'))];
    for (const n of [1, 2, 3]) pending.push(q.acquire().then(() => order.push(`i${n}`)));
    await flush();
    for (let i = 0; i < 4; i++) {
      q.release();
      await flush();
    }
    q.release();
    await Promise.all(pending);
    expect(order).toEqual(['i1', 'i2', 'b', 'i3']);
  });

  it('fails a waiter with DatabaseBusyError at the deadline and never hands it the connection later', async () => {
    const q = new PGliteQueue(50);
    await q.acquire();
    const late = q.acquire();
    await expect(late).rejects.toBeInstanceOf(DatabaseBusyError);
    expect(q.queued).toBe(0);
    const next = q.acquire();
    q.release(); // goes to `next`, not to the timed-out waiter
    await next;
    q.release();
    await q.acquire(); // free again: granted at once
    q.release();
  });

  it('plain FIFO mode ignores lanes (the old behaviour, for comparison)', async () => {
    const q = new PGliteQueue(0);
    q.fifo = true;
    const order: string[] = [];
    await q.acquire();
    const all = [inBulkLane(() => q.acquire()).then(() => order.push('b')), q.acquire().then(() => order.push('i'))];
    await flush();
    q.release();
    await flush();
    q.release();
    await flush();
    q.release();
    await Promise.all(all);
    expect(order).toEqual(['b', 'i']);
  });
});

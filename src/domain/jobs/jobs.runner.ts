import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, Tx } from '../../db/schema.js';
import { inSystemTransaction } from '../shared/tx.js';
import * as repo from './jobs.repository.js';
import { retryDelayMs, shouldRetry, STALE_LOCK_MS } from './jobs.rules.js';

/** A job handler: runs in its own transaction; must be idempotent (a job can run again after a crash). */
export type JobHandler = (tx: Tx, payload: Record<string, unknown>, job: { id: number; dedupeKey: string; attempts: number }) => Promise<Record<string, unknown> | void>;

/** A periodic job: the runner enqueues it once per period with the period as dedupe key. */
export interface PeriodicJob {
  type: string;
  everyMs: number;
  payload?: () => Record<string, unknown>;
}

export interface JobRunnerOptions {
  handlers: Record<string, JobHandler>;
  periodic?: PeriodicJob[];
  pollMs?: number;
  batchSize?: number;
  nodeId?: string;
  now?: () => Date;
  log?: (msg: string, data?: Record<string, unknown>) => void;
}

export async function enqueueJob(
  tx: Tx,
  type: string,
  dedupeKey: string,
  payload: Record<string, unknown> = {},
  opts: { runAt?: Date; maxAttempts?: number } = {},
): Promise<boolean> {
  return repo.enqueue(tx, type, dedupeKey, payload, opts.runAt ?? new Date(), opts.maxAttempts ?? 5);
}

/**
 * The background job runner. Works on one PGlite connection (each step is a short transaction
 * that queues behind requests in the driver's mutex; nothing is held across other awaits) and on
 * several PostgreSQL app nodes (claims use FOR UPDATE SKIP LOCKED, so no job runs twice).
 */
export class JobRunner {
  readonly nodeId: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private readonly lastPeriodic = new Map<string, number>();

  constructor(private readonly db: Kysely<DB>, private readonly options: JobRunnerOptions) {
    this.nodeId = options.nodeId ?? `node-${randomUUID().slice(0, 8)}`;
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((e) => this.options.log?.('job runner tick failed', { error: String(e) }))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 5_000);
        });
    };
    loop();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round: enqueue due periodic jobs, free stale locks, claim and run a batch. Returns how many ran. */
  async tick(): Promise<number> {
    const now = this.now();
    for (const p of this.options.periodic ?? []) {
      const slot = Math.floor(now.getTime() / p.everyMs);
      if (this.lastPeriodic.get(p.type) === slot) continue;
      await inSystemTransaction(this.db, (tx) => enqueueJob(tx, p.type, new Date(slot * p.everyMs).toISOString(), p.payload?.() ?? {}, { runAt: now }));
      this.lastPeriodic.set(p.type, slot);
    }
    await inSystemTransaction(this.db, (tx) => repo.releaseStale(tx, new Date(now.getTime() - STALE_LOCK_MS)));
    const jobs = await inSystemTransaction(this.db, (tx) => repo.claim(tx, this.nodeId, Object.keys(this.options.handlers), this.options.batchSize ?? 10, now));
    for (const job of jobs) await this.runOne(job);
    return jobs.length;
  }

  private async runOne(job: repo.ClaimedJob) {
    const handler = this.options.handlers[job.type]!;
    try {
      await inSystemTransaction(this.db, async (tx) => {
        const result = await handler(tx, job.payload ?? {}, { id: job.id, dedupeKey: job.dedupe_key, attempts: job.attempts });
        await repo.finish(tx, job.id, this.nodeId, result ?? null);
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const retryAt = shouldRetry(job.attempts, job.max_attempts) ? new Date(this.now().getTime() + retryDelayMs(job.attempts)) : null;
      this.options.log?.('job failed', { type: job.type, id: job.id, attempt: job.attempts, retry: retryAt !== null, error: message });
      await inSystemTransaction(this.db, (tx) => repo.fail(tx, job.id, this.nodeId, message.slice(0, 2000), retryAt));
    }
  }
}

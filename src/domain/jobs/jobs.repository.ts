import { sql } from 'kysely';
import type { Tx } from '../../db/schema.js';
import './jobs.tables.js';

export interface ClaimedJob {
  id: number;
  type: string;
  dedupe_key: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Idempotent: a second enqueue of the same (type, dedupe key) does nothing and answers false. */
export async function enqueue(tx: Tx, type: string, dedupeKey: string, payload: Record<string, unknown>, runAt: Date, maxAttempts: number): Promise<boolean> {
  const rows = await tx
    .insertInto('jobs')
    .values({ type, dedupe_key: dedupeKey, payload: JSON.stringify(payload), run_at: runAt, max_attempts: maxAttempts })
    .onConflict((oc) => oc.columns(['type', 'dedupe_key']).doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

/**
 * Claims due jobs for one node. FOR UPDATE SKIP LOCKED lets several nodes claim concurrently
 * without waiting on or double-taking each other's rows; the status flip commits the claim.
 */
export async function claim(tx: Tx, nodeId: string, types: string[], limit: number, now: Date): Promise<ClaimedJob[]> {
  if (types.length === 0) return [];
  const result = await sql<ClaimedJob>`
    UPDATE jobs SET status = 'running', locked_by = ${nodeId}, locked_at = ${now}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM jobs
      WHERE status = 'queued' AND run_at <= ${now} AND type = ANY(${types}::text[])
      ORDER BY run_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, type, dedupe_key, payload, attempts, max_attempts`.execute(tx);
  return result.rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function finish(tx: Tx, id: number, nodeId: string, result: Record<string, unknown> | null) {
  await tx
    .updateTable('jobs')
    .set({ status: 'done', finished_at: new Date(), result: result ? JSON.stringify(result) : null, last_error: null })
    .where('id', '=', id)
    .where('locked_by', '=', nodeId)
    .execute();
}

export async function fail(tx: Tx, id: number, nodeId: string, error: string, retryAt: Date | null) {
  await tx
    .updateTable('jobs')
    .set(retryAt ? { status: 'queued', run_at: retryAt, last_error: error, locked_by: null, locked_at: null } : { status: 'failed', last_error: error, finished_at: new Date() })
    .where('id', '=', id)
    .where('locked_by', '=', nodeId)
    .execute();
}

/** Frees jobs left 'running' by a node that died; they run again (handlers are idempotent). */
export async function releaseStale(tx: Tx, olderThan: Date) {
  await tx
    .updateTable('jobs')
    .set({ status: 'queued', locked_by: null, locked_at: null })
    .where('status', '=', 'running')
    .where('locked_at', '<', olderThan)
    .execute();
}

export function findJob(tx: Tx, type: string, dedupeKey: string) {
  return tx.selectFrom('jobs').selectAll().where('type', '=', type).where('dedupe_key', '=', dedupeKey).executeTakeFirst();
}

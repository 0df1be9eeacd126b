/** Pure decisions of the job runner. */

/** Exponential backoff with a ceiling: 30 s, 1 min, 2 min … at most 1 h. */
export function retryDelayMs(attempt: number, baseMs = 30_000, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Whether a failed attempt is retried. */
export const shouldRetry = (attempts: number, maxAttempts: number) => attempts < maxAttempts;

/** A running job whose node vanished (crash, deploy) is freed after this long. */
export const STALE_LOCK_MS = 10 * 60_000;

/** Dedupe key of a periodic job: one per period (e.g. one reminder run per hour). */
export function periodKey(now: Date, periodMs: number): string {
  return new Date(Math.floor(now.getTime() / periodMs) * periodMs).toISOString();
}

import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { LoggingChannel, runReminders, type NotificationChannel } from '../followup/index.js';
import { JobRunner } from './jobs.runner.js';

export { JobRunner, enqueueJob, type JobHandler, type JobRunnerOptions, type PeriodicJob } from './jobs.runner.js';
export { retryDelayMs, periodKey } from './jobs.rules.js';
export { findJob } from './jobs.repository.js';
export type * from './jobs.tables.js';

export const REMINDER_JOB = 'followup.reminders';

/** Job handlers of Polku by type. */
export function polkuJobHandlers(channels: NotificationChannel[] = []) {
  return {
    [REMINDER_JOB]: async (tx: Parameters<typeof runReminders>[0]) => runReminders(tx, new Date(), channels),
  };
}

/**
 * Starts the background runner of this app node (called once from main.ts; tests start their own).
 * Email/SMS reminders go to the log until a real channel is configured (POLKU_REMINDER_CHANNELS=email,sms).
 */
export function startJobRunner(database: Database, config: Config, env: NodeJS.ProcessEnv = process.env): JobRunner {
  const log = (msg: string, data?: Record<string, unknown>) => {
    if (config.logLevel !== 'silent') console.log(`Polku jobs: ${msg}`, data ?? '');
  };
  const channels = (env.POLKU_REMINDER_CHANNELS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is 'email' | 'sms' => s === 'email' || s === 'sms')
    .map((name) => new LoggingChannel(name, log));
  const runner = new JobRunner(database.db, {
    handlers: polkuJobHandlers(channels),
    periodic: [{ type: REMINDER_JOB, everyMs: 15 * 60_000 }],
    pollMs: Number(env.POLKU_JOB_POLL_MS ?? 10_000),
    log,
  });
  runner.start();
  return runner;
}

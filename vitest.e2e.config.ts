import { defineConfig } from 'vitest/config';

/**
 * Browser tests: real server + Debian's Chromium, one file at a time (2 shared cores,
 * one server per file). Build the web app first: `npx vite build`.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});

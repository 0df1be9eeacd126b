/**
 * `npm test`: typecheck, lint, unit + API tests on PGlite, the API tests again on PostgreSQL
 * when DATABASE_URL is set, then the browser tests in Debian's Chromium.
 */
import { spawnSync } from 'node:child_process';

const steps: { name: string; cmd: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  { name: 'unit + API tests (PGlite)', cmd: 'npx', args: ['vitest', 'run'], env: { POLKU_TEST_DATABASE: 'pglite' } },
];
if (process.env.DATABASE_URL) {
  steps.push({ name: 'API tests (PostgreSQL)', cmd: 'npx', args: ['vitest', 'run', 'tests/api'], env: { POLKU_TEST_DATABASE: 'postgres' } });
}
if (!process.argv.includes('--no-e2e')) {
  steps.push({ name: 'build web', cmd: 'npx', args: ['vite', 'build'] });
  steps.push({ name: 'browser tests (Chromium)', cmd: 'npx', args: ['vitest', 'run', '-c', 'vitest.e2e.config.ts'] });
}

for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', env: { ...process.env, ...step.env } });
  console.log(`=== ${step.name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

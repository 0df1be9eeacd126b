import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/db/demo/index.js';
import { loadReferenceData } from '../../src/db/reference-data.js';
import { createScratchPostgres, testEngine } from './test-db.js';
import { TEST_TODAY } from './test-today.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates and seeds the demo world ONCE per test run; every test file then starts from a copy
 * (a PGlite data-dir tarball, or a PostgreSQL `CREATE DATABASE … TEMPLATE`), not from scratch.
 */
export default async function setup(project: TestProject) {
  const prepare = async (owner: Parameters<NonNullable<Parameters<typeof openDatabase>[0]['prepare']>>[0]) => {
    await loadReferenceData(owner);
    await seedDemo(owner, TEST_TODAY);
  };
  if (testEngine === 'postgres') {
    const scratch = await createScratchPostgres();
    const db = await openDatabase({ databaseUrl: scratch.url, dataDir: null, prepare, poolSize: 1 });
    await db.close();
    const name = new URL(scratch.url).pathname.slice(1);
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', null);
    return async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const db = await openDatabase({ databaseUrl: null, dataDir: null, prepare });
  const blob = await db.dumpDataDir!();
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polku-tpl-')), 'template.tar');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', null);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countRows, dumpDatabase, restoreDatabase } from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/db/demo/index.js';
import { loadReferenceData } from '../../src/db/reference-data.js';
import { TEST_TODAY } from '../helpers/test-app.js';
import { createScratchPostgres, testEngine } from '../helpers/test-db.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polku-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function* linesOf(file: string) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) yield line;
}

/** A database of the engine under test; PGlite ones live in the temp dir so that they persist. */
async function scratchDb(name: string) {
  const pg = testEngine === 'postgres' ? await createScratchPostgres() : null;
  return { url: pg?.url ?? null, dataDir: pg ? null : path.join(dir, name), drop: async () => pg?.drop() };
}

describe(`backup and restore (${testEngine})`, () => {
  it('restores a dump of the demo world into a fresh database with equal row counts', { timeout: 300_000 }, async () => {
    const file = path.join(dir, 'dump.sql');
    const lines: string[] = [];
    let before: Record<string, number> = {};
    const src = await scratchDb('source');
    const source = await openDatabase({
      databaseUrl: src.url,
      dataDir: src.dataDir,
      prepare: async (owner) => {
        await loadReferenceData(owner);
        await seedDemo(owner, TEST_TODAY);
        await dumpDatabase(owner, (l) => void lines.push(l));
        before = await countRows(owner);
      },
    });
    await source.close();
    await src.drop();
    fs.writeFileSync(file, lines.join('\n'));
    expect(before.organizations).toBeGreaterThan(5);
    expect(before.clients).toBeGreaterThanOrEqual(9);

    let after: Record<string, number> = {};
    const dst = await scratchDb('restored');
    const target = await openDatabase({
      databaseUrl: dst.url,
      dataDir: dst.dataDir,
      prepare: async (owner) => {
        await restoreDatabase(owner, linesOf(file));
        after = await countRows(owner);
      },
    });
    await target.close();
    await dst.drop();
    expect(after).toEqual(before);
  });
});

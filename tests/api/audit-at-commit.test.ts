/**
 * The audit row written at the end of a request travels with its COMMIT (src/db/at-commit.ts): one
 * message `SELECT audit_append(…); commit` instead of two round trips (PostgreSQL) or two calls into
 * WebAssembly (PGlite), with every value a literal. The row must hold exactly the values given (quotes,
 * backslashes, non-ASCII), and stay all-or-nothing with the use case.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/domain/audit/index.js';
import type { Actor } from '../../src/domain/identity/actor.js';
import { inTransaction } from '../../src/domain/shared/tx.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let actor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  const u = await t.db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.username', 'u.role', 'u.organization_id', 'o.county_code'])
    .where('u.username', '=', 'ohjaaja')
    .executeTakeFirstOrThrow();
  actor = { userId: u.id, username: u.username, role: u.role, organizationId: u.organization_id, countyCode: u.county_code, clientId: null, correlationId: 'at-commit-test', ip: '127.0.0.1' } as unknown as Actor;
});
afterAll(async () => {
  await t?.close();
});

/**
 * Every simple-protocol SQL text the app sends to the database while `fn` runs: node-postgres' `query`, and
 * on PGlite `exec` or the Query messages of what the kept-statement layer sends (pglite-statements.ts).
 */
async function sentDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const target = (t.engine === 'postgres' ? pg.Client.prototype : PGlite.prototype) as unknown as Record<string, (...a: unknown[]) => unknown>;
  const names = t.engine === 'postgres' ? ['query'] : ['exec', 'execProtocolRawStream'];
  const originals = names.map((name) => [name, target[name]!] as const);
  for (const [name, original] of originals)
    target[name] = function (this: unknown, ...a: unknown[]) {
      if (a[0] instanceof Uint8Array) sent.push(...queryTexts(a[0]));
      else sent.push(typeof a[0] === 'string' ? a[0] : String((a[0] as { text?: string }).text));
      return original.apply(this, a);
    };
  try {
    await fn();
  } finally {
    for (const [name, original] of originals) target[name] = original;
  }
  return sent;
}

/** The texts of the Query ('Q') messages in a protocol buffer. */
function queryTexts(message: Uint8Array): string[] {
  const buf = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  const texts: string[] = [];
  for (let at = 0; at + 5 <= buf.length; at += 1 + buf.readInt32BE(at + 1))
    if (buf[at] === 0x51) texts.push(buf.toString('utf8', at + 5, buf.indexOf(0, at + 5)));
  return texts;
}

const rowsOf = (action: string) =>
  t.db.selectFrom('audit_log').select(['user_id', 'action', 'resource', 'resource_id', 'basis', 'allowed', 'correlation_id', 'ip', 'details']).where('action', '=', action).execute();

describe('audit rows at the commit', () => {
  it('sends the audit row and the COMMIT as one message and stores the values exactly', async () => {
    const resource = `O'Neil \\ "lainaus" ’ \\' ''`;
    const details = { q: "it's \\ ok", n: 3, nested: { a: ['x', null] } };
    const sent = await sentDuring(() =>
      inTransaction(t.database.db, actor, async (tx) => {
        await recordAudit(tx, actor, { action: 'test.at-commit', resource, resourceId: 'r-1', basis: 'client-relationship', allowed: true, details });
      }),
    );
    const withAudit = sent.filter((s) => s.includes('audit_append'));
    expect(withAudit).toHaveLength(1);
    expect(withAudit[0]).toMatch(/; commit$/);
    expect(sent.filter((s) => /^commit$/i.test(s))).toHaveLength(0);
    expect(await rowsOf('test.at-commit')).toEqual([
      { user_id: actor.userId, action: 'test.at-commit', resource, resource_id: 'r-1', basis: 'client-relationship', allowed: true, correlation_id: 'at-commit-test', ip: '127.0.0.1', details },
    ]);
  });

  it('writes no audit row when the use case fails after recording it', async () => {
    await expect(
      inTransaction(t.database.db, actor, async (tx) => {
        await recordAudit(tx, actor, { action: 'test.at-commit-rollback', allowed: true });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await rowsOf('test.at-commit-rollback')).toEqual([]);
    // The connection is clean afterwards: the next transaction commits its own row only.
    await inTransaction(t.database.db, actor, (tx) => recordAudit(tx, actor, { action: 'test.at-commit-after', allowed: false }));
    expect(await rowsOf('test.at-commit-after')).toHaveLength(1);
    expect(await rowsOf('test.at-commit-rollback')).toEqual([]);
  });

  it('fails the use case when its audit row cannot be written, writes nothing and leaves the connection usable', async () => {
    // An organisation id that is no uuid makes the statement itself fail, in the message with the COMMIT.
    const broken = { ...actor, organizationId: 'not-a-uuid' } as Actor;
    await expect(
      inTransaction(t.database.db, actor, (tx) => recordAudit(tx, broken, { action: 'test.at-commit-broken', allowed: true })),
    ).rejects.toThrow();
    expect(await rowsOf('test.at-commit-broken')).toEqual([]);
    await inTransaction(t.database.db, actor, (tx) => recordAudit(tx, actor, { action: 'test.at-commit-next', allowed: true }));
    expect(await rowsOf('test.at-commit-next')).toHaveLength(1);
  });
});

import { sql, type RawBuilder } from 'kysely';
import { AT_COMMIT, sqlLiteral } from '../../db/at-commit.js';
import type { Tx } from '../../db/schema.js';
import type { Actor } from '../identity/actor.js';

export interface AuditEntry {
  action: string; // e.g. 'client.read', 'plan.update', 'auth.login'
  clientId?: string | null;
  resource?: string | null;
  resourceId?: string | null;
  basis?: string | null; // on what grounds: 'client-relationship', 'consent', 'self', 'statutory:shl35' …
  allowed: boolean;
  details?: Record<string, unknown> | null;
}

/** Control characters (newlines included) are dropped so that nobody can forge log lines. */
export const cleanLogText = (v: string | null | undefined) =>
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  v == null ? null : v.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').slice(0, 500);

/** Audit rows of a request's transaction, waiting for the end of the use case (auditAtEnd). */
const pending = new WeakMap<Tx, (() => Promise<unknown>)[]>();

/**
 * Runs a use case and then writes the audit rows it recorded, still inside its transaction, just
 * before the commit. `audit_append` takes the advisory lock of the row's chain (64 chains by client,
 * else by user; 0811) and the lock lasts until commit: written where the access check happens — at the
 * start of most use cases — the lock covered the whole request, so two requests for clients that hash
 * to the same chain, or two of the same user, ran one after the other (docs/performance.md, fifth
 * round). Written last, it covers only the commit. The rows are still all-or-nothing with the work
 * they describe: a use case that throws writes none (refusals are logged after the rollback, as before).
 */
export async function auditAtEnd<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const queue: (() => Promise<unknown>)[] = [];
  pending.set(tx, queue);
  try {
    const result = await fn();
    pending.delete(tx);
    for (const write of queue) await write();
    return result;
  } finally {
    pending.delete(tx);
  }
}

/**
 * Appends one row to the hash-chained audit log, in the caller's transaction, so the row
 * commits or rolls back together with the change it describes. Inside auditAtEnd (every request's
 * transaction) the row is written at the end of the use case; elsewhere at once.
 */
export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry, meta?: { username?: string; ip?: string | null; correlationId?: string }) {
  // The statement is built now, so the row holds the values of this moment.
  const details = entry.details ? JSON.stringify(entry.details) : null;
  const queue = pending.get(tx);
  // Written at the end of the use case: as one statement that travels with the COMMIT (db/at-commit.ts),
  // one round trip less per request; with parameters as before when a value cannot be a literal.
  const atCommit = queue ? auditAppendAtCommit(auditValues(actor, entry, meta), details) : null;
  if (atCommit) {
    queue!.push(() => sql.raw(atCommit).execute(tx));
    return;
  }
  const append = sql`SELECT ${auditAppendCall(actor, entry, details !== null ? sql`${details}::jsonb` : sql`NULL::jsonb`, meta)}`;
  if (queue) queue.push(() => append.execute(tx));
  else await append.execute(tx);
}

/**
 * The same row as recordAudit, as an expression for a read that writes its audit row in its own
 * statement because the details are counts only the statement knows (a caseload page: how many rows,
 * of how many). One round trip less per request (docs/performance.md, seventh round). The expression
 * must be evaluated exactly once: in a CTE the statement's result depends on, never in a row list.
 */
export function auditInStatement(actor: Actor, entry: Omit<AuditEntry, 'details'>, details: RawBuilder<unknown>): RawBuilder<unknown> {
  return auditAppendCall(actor, entry, sql`(${details})::jsonb`);
}

type AuditMeta = { username?: string; ip?: string | null; correlationId?: string };

/** audit_append's arguments before `allowed` and after it up to the details, in order: one place for both forms of the call. */
function auditValues(actor: Actor | null, entry: AuditEntry, meta?: AuditMeta) {
  return {
    head: [
      actor?.userId ?? null, cleanLogText(actor?.username ?? meta?.username ?? null), actor?.organizationId ?? null,
      actor?.countyCode ?? null, entry.clientId ?? null, cleanLogText(entry.action), cleanLogText(entry.resource ?? null),
      cleanLogText(entry.resourceId ?? null), cleanLogText(entry.basis ?? null),
    ] as const,
    allowed: entry.allowed,
    tail: [cleanLogText(actor?.correlationId ?? meta?.correlationId ?? null), cleanLogText(actor?.ip ?? meta?.ip ?? null)] as const,
  };
}

const HEAD_TYPES = ['uuid', 'text', 'uuid', 'text', 'uuid', 'text', 'text', 'text', 'text'] as const;

function auditAppendCall(actor: Actor | null, entry: AuditEntry, details: RawBuilder<unknown>, meta?: AuditMeta) {
  const v = auditValues(actor, entry, meta);
  const head = v.head.map((x, i) => (HEAD_TYPES[i] === 'uuid' ? sql`${x}::uuid` : sql`${x}`));
  return sql`audit_append(${sql.join(head)}, ${v.allowed}, ${sql.join(v.tail.map((x) => sql`${x}`))}, ${details})`;
}

/** The same call with every value a literal, marked to travel with the COMMIT; null when a value cannot be a literal. */
function auditAppendAtCommit(v: ReturnType<typeof auditValues>, details: string | null): string | null {
  const lits = [...v.head, ...v.tail, details].map(sqlLiteral);
  if (lits.some((l) => l === null)) return null;
  const head = lits.slice(0, 9).map((l, i) => `${l}::${HEAD_TYPES[i]}`);
  return `${AT_COMMIT}SELECT audit_append(${head.join(', ')}, ${v.allowed ? 'true' : 'false'}, ${lits[9]}::text, ${lits[10]}::text, ${lits[11]}::jsonb)`;
}

/**
 * A statement that may travel with its transaction's COMMIT instead of going to the database on its own.
 *
 * Why (docs/performance.md, eighth round): every audited request ends with its audit row (`audit_append`,
 * written last so the chain's advisory lock covers only the commit) and then `commit`: two round trips,
 * and on PGlite two calls into WebAssembly, where one does. A statement marked with this prefix, with no
 * parameters (values written as literals: the simple protocol, which runs several statements in one
 * message, has no parameters) and inside a transaction, is held by the database layer (database.ts for
 * PostgreSQL, pglite-dialect.ts) and sent as `<statement>; commit` in one message. Its result is never
 * read (the caller gets an empty one). The row is still all-or-nothing with the transaction: a
 * rollback drops the held statement; if the statement fails, PostgreSQL skips the `commit` of the same
 * message, the call fails and Kysely rolls the transaction back, as when the statement failed on its own.
 * Outside a transaction, or on a layer that does not know the prefix, it is an ordinary statement that
 * runs at once (the prefix is an SQL comment).
 */
export const AT_COMMIT = '/* polku:at-commit */ ';

export const isAtCommit = (sql: string, parameters: readonly unknown[] | undefined) =>
  (!parameters || parameters.length === 0) && sql.startsWith(AT_COMMIT);

/**
 * An SQL string literal for an at-commit statement, or null when the value cannot be one (a NUL
 * character): the caller then sends the statement with parameters as before. `E''` with quotes and
 * backslashes doubled reads the same whatever `standard_conforming_strings` is.
 */
export function sqlLiteral(value: string | null): string | null {
  if (value === null) return 'NULL';
  if (value.includes('\u0000')) return null;
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A statement whose result is never read and that may travel in the same message as the next statement
 * of its transaction: the request's tenant context (`set_config`, tx.ts), the first statement of every
 * request transaction. Like AT_COMMIT it has no parameters and is an SQL comment to any other layer.
 * On PGlite the held `begin; <statement>` goes as a simple-protocol Query in front of the next
 * statement's Bind/Execute in one call into WebAssembly (one call less per request); the PostgreSQL
 * pool pipelines it (Parse/Bind/Execute) in front of the next statement, with one Sync (pg-statements.ts).
 */
export const WITH_NEXT = '/* polku:with-next */ ';

const BEGIN = /^begin$/i;
const ENDS = /^(commit|rollback)$/i;
const ROLLBACK = /^rollback$/i;

/** What the connection does with one statement (HeldStatements.next). */
export type Step =
  /** Nothing goes to the database now: answer with an empty result of this command. */
  | { send: false; command: 'BEGIN' | 'SELECT' | 'COMMIT' | 'ROLLBACK' }
  /**
   * Send `text` (with everything held already joined in front when it is simple); `prefix`: held
   * simple statements (`begin; …`) that must run first, in the same message where the engine can;
   * `held`: the same statements one by one (the PostgreSQL pool pipelines them, pg-statements.ts).
   */
  | { send: true; text: string; simple: boolean; prefix: string | null; held?: readonly string[] };

/**
 * The one place that decides which statements of a transaction are held and what they travel with,
 * for both engines (database.ts: the PostgreSQL pool's clients; pglite-dialect.ts: PGlite's connection).
 *
 * Why: every round trip (PGlite: every call into WebAssembly) costs, so `begin` waits for the
 * transaction's first statement and goes with it, a WITH_NEXT statement waits for the next one, and
 * AT_COMMIT statements (the request's audit row) go with the COMMIT. A rollback drops what was held; a
 * transaction that sent nothing commits or rolls back without a round trip. The statements, their
 * order and the transaction boundaries are what the caller sent, so row-level security and the audit
 * rows are too. `simple`: the statement has no parameters and may be sent through the simple protocol
 * with others (PGlite: raw SQL only; Kysely's builders keep their extended protocol).
 */
export class HeldStatements {
  private pendingBegin = false;
  private inTransaction = false;
  private withNext: string[] = [];
  private atCommit: string[] = [];

  /** A transaction is open (begun by the caller, whether or not `begin` has been sent). */
  get open() {
    return this.inTransaction;
  }

  next(text: string, simple: boolean): Step {
    const ends = simple && ENDS.test(text);
    if (simple && !ends) {
      if (BEGIN.test(text)) {
        this.reset();
        this.pendingBegin = true;
        this.inTransaction = true;
        return { send: false, command: 'BEGIN' };
      }
      if (this.inTransaction && (text.startsWith(AT_COMMIT) || text.startsWith(WITH_NEXT))) {
        (text.startsWith(AT_COMMIT) ? this.atCommit : this.withNext).push(text);
        return { send: false, command: 'SELECT' };
      }
    }
    // The common case (a statement inside a transaction that has sent its `begin`): nothing to add.
    if (!ends && !this.pendingBegin && this.withNext.length === 0) return { send: true, text, simple, prefix: null };
    const held = this.pendingBegin ? ['begin', ...this.withNext] : this.withNext;
    const nothingSent = this.pendingBegin;
    if (ends) {
      const rollback = ROLLBACK.test(text);
      const atCommit = this.atCommit;
      this.reset();
      if (rollback) return nothingSent ? { send: false, command: 'ROLLBACK' } : { send: true, text, simple: true, prefix: null };
      if (nothingSent && held.length === 1 && atCommit.length === 0) return { send: false, command: 'COMMIT' };
      return { send: true, text: [...held, ...atCommit, text].join('; '), simple: true, prefix: null };
    }
    this.pendingBegin = false;
    this.withNext = [];
    return simple ? { send: true, text: [...held, text].join('; '), simple, prefix: null } : { send: true, text, simple, prefix: held.join('; '), held };
  }

  /** The connection goes back to its pool or queue: nothing of a transaction outlives it. */
  reset() {
    this.pendingBegin = false;
    this.inTransaction = false;
    this.withNext = [];
    this.atCommit = [];
  }
}

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

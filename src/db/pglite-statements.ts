import { parse, protocol, type PGlite, type Results } from '@electric-sql/pglite';
import { concatBytes, execWire } from './pglite-wire.js';

const { serialize } = protocol;

/**
 * Statements longer than this (multi-row inserts of imports and the bench generator) are not kept,
 * here nor on PostgreSQL (pg-statements.ts).
 */
export const MAX_KEPT_SQL_LENGTH = 8_000;

/**
 * Errors after which a kept statement is dropped and prepared afresh: its result columns changed
 * under it (DDL on a `SELECT *`), or it is gone (someone ran DEALLOCATE or DISCARD ALL).
 */
export const STALE_STATEMENT = new Set(['0A000', '26000']);

interface Prepared {
  name: string;
  paramTypes: number[];
}

/**
 * Named prepared statements on PGlite's one connection, kept by SQL text (LRU).
 *
 * Why (docs/performance.md, "PGlite in a worker thread?"): PGlite's `query()` sends Parse, Describe,
 * Bind, Describe, Execute and Sync as six separate calls into WebAssembly, and PostgreSQL parses,
 * analyses, rewrites (row-level security policies included) and plans the statement on every call.
 * Kysely's SQL text is the same for every request of a route, so after the first call a kept
 * statement needs one call (Bind, Describe, Execute, Sync in one message buffer), no parse, and after
 * five executions PostgreSQL's plan cache may keep a generic plan (`plan_cache_mode`, as for any
 * prepared statement). Plans are invalidated by PostgreSQL itself on DDL, a role change (row-level
 * security) or a `search_path` change. Results are parsed by PGlite's own parsers, errors are PGlite's
 * `DatabaseError` with `query` and `params` attached, as from `query()`.
 */
export class PGliteStatements {
  /**
   * Off while migrations and seeding run (DDL would change kept statements' result types under them),
   * switched on by openPGlite; may be switched at run time (bench A/B).
   */
  enabled = false;
  private readonly kept = new Map<string, Prepared>();
  private nextId = 0;

  constructor(
    private readonly pg: PGlite,
    readonly capacity = 500,
  ) {}

  get size() {
    return this.kept.size;
  }

  /**
   * Runs a statement with parameters; long statements go through PGlite's unnamed statement.
   * `prefix`: simple-protocol SQL held for this statement (`begin; <tenant context>`, at-commit.ts),
   * sent first in the same call into WebAssembly: a Query message before the Bind. Its results are not
   * read; if it fails, the statement is skipped and the call fails with its error.
   */
  async query<R>(text: string, params: unknown[], prefix: string | null = null): Promise<Results<R>> {
    if (!this.enabled || text.length > MAX_KEPT_SQL_LENGTH || this.capacity <= 0) {
      if (prefix !== null) await this.exec(prefix);
      return this.pg.query<R>(text, params);
    }
    // A stale statement is run once more only when nothing of this call ran before it (no prefix).
    return (await this.run<R>(text, params, prefix === null, prefix)) ?? (await this.run<R>(text, params, false, null))!;
  }

  /**
   * Raw SQL without parameters through the simple protocol (several statements allowed): the results
   * of all of them. One call into WebAssembly where PGlite's `exec()` makes two (Query, then Sync).
   */
  async exec(text: string): Promise<Results[]> {
    if (!this.enabled) return this.pg.exec(text);
    return this.pg.runExclusive(async () => {
      try {
        return await execWire(this.pg, serialize.query(text));
      } catch (e) {
        throw withQuery(e, text, undefined);
      }
    });
  }

  /** null: the kept statement was stale and has been dropped; run again. */
  private run<R>(text: string, params: unknown[], retry: boolean, prefix: string | null): Promise<Results<R> | null> {
    return this.pg.runExclusive(async () => {
      const statement = this.kept.get(text) ?? (await this.prepare(text, params));
      // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
      this.kept.delete(text);
      this.kept.set(text, statement);
      const values = statement.paramTypes.length === params.length ? this.serialise(params, statement.paramTypes) : null;
      if (!values) throw Object.assign(new Error(`expected ${statement.paramTypes.length} parameters, got ${params.length}`), { query: text, params });
      const message = concatBytes([
        ...(prefix !== null ? [serialize.query(prefix)] : []),
        serialize.bind({ statement: statement.name, values }),
        serialize.describe({ type: 'P' }),
        serialize.execute({}),
        serialize.sync(),
      ]);
      try {
        return (await execWire(this.pg, message)).at(-1) as Results<R>;
      } catch (e) {
        if (!STALE_STATEMENT.has((e as { code?: string }).code ?? '')) throw withQuery(e, text, params);
        // Outside a transaction block nothing ran, so once more is safe; inside one the transaction is aborted.
        await this.forget(text);
        if (retry && !this.pg.isInTransaction()) return null;
        throw withQuery(e, text, params);
      }
    });
  }

  private async prepare(text: string, params: unknown[]): Promise<Prepared> {
    if (this.kept.size >= this.capacity) await this.forget(this.kept.keys().next().value!);
    const name = `polku_${++this.nextId}`;
    try {
      const { messages } = await this.pg.execProtocol(
        concatBytes([serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()]),
        { syncToFs: false },
      );
      return { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    } catch (e) {
      throw withQuery(e, text, params);
    }
  }

  private async forget(text: string) {
    const statement = this.kept.get(text);
    if (!statement) return;
    this.kept.delete(text);
    await this.pg.execProtocol(concatBytes([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]), { syncToFs: false });
  }

  /** Parameter values as text, exactly as PGlite's `query()` does (its serializers by type oid). */
  private serialise(params: unknown[], types: number[]): (string | null)[] {
    return params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = this.pg.serializers[types[i]!];
      return serializer ? serializer(value) : String(value as string);
    });
  }
}

function withQuery(e: unknown, query: string, params: unknown[] | undefined) {
  if (e && typeof e === 'object') Object.assign(e, { query, params });
  return e;
}

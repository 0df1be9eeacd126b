import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Stands for the i-th argument while a query is compiled once. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query of fixed shape, built and compiled by Kysely once, then run with each call's values.
 *
 * Why (docs/performance.md, issue 11): building a query (immutable, frozen operation nodes) and
 * compiling it cost ≈ 8 % of a plan, path and referrals read's CPU on PGlite, for the same SQL text on
 * every request. `build` is called once with stand-ins for its arguments; every argument must come out
 * as one plain bound parameter (a value compared, selected or joined on: never a list, an identifier or
 * a literal, which would change the text), which is checked then, so a query that does not fit fails at
 * once instead of running wrong. The SQL text, and with it the kept statement (pglite-statements.ts,
 * pg-statements.ts), is exactly the one Kysely builds; the statement runs on the caller's connection or
 * transaction as any other.
 */
export function precompiled<A extends unknown[], O>(build: (db: Kysely<DB>, ...args: A) => Compilable<O>) {
  let template: { compiled: CompiledQuery<O>; slots: number[] } | null = null;
  return async (db: Kysely<DB>, ...args: A): Promise<O[]> => {
    if (!template) {
      const fails = () => new Error(`precompiled: an argument of a query is not one plain parameter`);
      let compiled: CompiledQuery<O>;
      try {
        compiled = build(db, ...(args.map((_, i) => new Slot(i)) as A)).compile();
      } catch {
        throw fails();
      }
      const slots = compiled.parameters.map((p) => (p instanceof Slot ? p.index : -1));
      // Each argument a parameter of its own, and the text the same as with this call's values (a list
      // or a literal would change it).
      if (args.some((_, i) => !slots.includes(i)) || build(db, ...args).compile().sql !== compiled.sql) throw fails();
      template = { compiled, slots };
    }
    const { compiled, slots } = template;
    const parameters = compiled.parameters.map((p, i) => (slots[i]! >= 0 ? args[slots[i]!] : p));
    return (await db.executeQuery<O>({ ...compiled, parameters })).rows;
  };
}

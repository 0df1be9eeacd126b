import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_PARSERS } from './database.js';
import { PGliteDialect } from './pglite-dialect.js';
import { precompiled } from './precompiled.js';
import type { DB } from './schema.js';

/** Queries compiled once (precompiled.ts): the same SQL and rows as Kysely's builder, each call with its own values. */
describe('precompiled queries', () => {
  let pg: PGlite;
  let db: Kysely<DB>;

  beforeAll(async () => {
    pg = await PGlite.create({ parsers: PGLITE_PARSERS });
    const dialect = new PGliteDialect(pg, undefined, { deadlineMs: 0 });
    db = new Kysely<DB>({ dialect });
    await sql`CREATE TABLE organizations (id uuid PRIMARY KEY, name text NOT NULL, sector text NOT NULL)`.execute(db);
    await sql`INSERT INTO organizations VALUES ('00000000-0000-0000-0000-000000000001', 'Yksi', 'social'), ('00000000-0000-0000-0000-000000000002', 'Kaksi', 'health'), ('00000000-0000-0000-0000-000000000003', 'Kolme', 'health')`.execute(db);
    dialect.statements.enabled = true;
  });
  afterAll(async () => {
    await pg.close();
  });

  const build = (d: Kysely<DB>, sector: string, notName: string) =>
    d.selectFrom('organizations as o').select(['o.id', 'o.name']).where('o.sector', '=', sector).where('o.name', '<>', notName).orderBy('o.name').limit(10);

  it('runs the text Kysely builds with each call’s values, constants kept', async () => {
    const compiledTexts: string[] = [];
    const query = precompiled((d, sector: string, notName: string) => {
      const q = build(d, sector, notName);
      compiledTexts.push(q.compile().sql);
      return q;
    });
    expect(await query(db, 'health', 'x')).toEqual(await build(db, 'health', 'x').execute());
    expect(await query(db, 'health', 'Kaksi')).toEqual([{ id: '00000000-0000-0000-0000-000000000003', name: 'Kolme' }]);
    expect(await query(db, 'social', 'x')).toEqual(await build(db, 'social', 'x').execute());
    // Built on the first call only (once with stand-ins, once with its values to check the text), never again.
    expect(compiledTexts).toEqual([build(db, 'a', 'b').compile().sql, build(db, 'a', 'b').compile().sql]);
  });

  it('refuses a query in which an argument is not one plain parameter', async () => {
    const listed = precompiled((d, ids: string[]) => d.selectFrom('organizations').select('id').where('id', 'in', ids));
    await expect(listed(db, ['00000000-0000-0000-0000-000000000001'])).rejects.toThrow('not one plain parameter');
    const literal = precompiled((d, name: string) => d.selectFrom('organizations').select('id').where('name', '=', sql.lit(name)));
    await expect(literal(db, 'Yksi')).rejects.toThrow('not one plain parameter');
  });
});

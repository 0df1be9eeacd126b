import { randomUUID } from 'node:crypto';
import pg from 'pg';

/**
 * Which engine API tests run on: PGlite (default) or PostgreSQL when POLKU_TEST_DATABASE=postgres
 * and DATABASE_URL points at a server. Each test file gets its own fresh database, so files
 * (and engineers) never see each other's rows.
 */
export const testEngine: 'pglite' | 'postgres' =
  process.env.POLKU_TEST_DATABASE === 'postgres' && process.env.DATABASE_URL ? 'postgres' : 'pglite';

export async function createScratchPostgres(template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.DATABASE_URL!;
  const name = `polku_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Where the national code lists live: shipped in the repo under data/codes. */
const CODES_DIR = path.resolve('data/codes');

interface CodeEntry {
  codeValue: string;
  status?: string;
  prefLabel?: { fi?: string; sv?: string; en?: string };
}

/** Loads wellbeing services counties and municipalities (idempotent upsert). */
export async function loadReferenceData(db: Kysely<DB>) {
  const existing = await db.selectFrom('municipalities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  if (Number(existing?.n ?? 0) > 0) return;
  const counties = JSON.parse(fs.readFileSync(path.join(CODES_DIR, 'wellbeing-service-counties.json'), 'utf8')).codes as CodeEntry[];
  const municipalities = JSON.parse(fs.readFileSync(path.join(CODES_DIR, 'municipality-codes-2023.json'), 'utf8')).results as CodeEntry[];
  const countyOf = new Map(
    fs
      .readFileSync(path.join(CODES_DIR, 'municipality-to-wellbeing-county.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([code, , county]) => [code!, county!] as const),
  );
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('wellbeing_counties')
      .values(
        counties.map((c) => ({ code: c.codeValue, name_fi: c.prefLabel?.fi ?? c.codeValue, name_sv: c.prefLabel?.sv ?? null, name_en: c.prefLabel?.en ?? null })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    await tx
      .insertInto('municipalities')
      .values(
        municipalities.map((m) => ({
          code: m.codeValue,
          name_fi: m.prefLabel?.fi ?? m.codeValue,
          name_sv: m.prefLabel?.sv ?? null,
          county_code: countyOf.get(m.codeValue) ?? null,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  });
}

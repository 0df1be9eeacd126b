/**
 * Demo catalogue: the complete seed catalogue (SEED_CATALOG) with its producers, plus the
 * real PTV services of data/ptv/services-fi.json so that search and recommendations meet
 * real-world service names, not only the handful written for the demo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { orgId, type DemoContext } from '../../db/demo/context.js';
import type { Tx } from '../../db/schema.js';
import { importPtvDocument } from './catalog.import.js';
import * as repo from './catalog.repository.js';
import { serviceTextColumns } from './catalog.rules.js';
import { SEED_CATALOG } from './catalog.seed-data.js';
import type { CatalogServiceSeed } from './catalog.types.js';

export const DEMO_PTV_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/ptv/services-fi.json');

export function seedRow(s: CatalogServiceSeed, ctx: DemoContext): repo.NewServiceRow {
  return {
    county_code: ctx.countyCode,
    organization_id: orgId(ctx, s.providerKey),
    seed_key: s.key,
    source: 'seed',
    status: 'active',
    ...serviceTextColumns(s),
    keywords: s.keywords.map((k) => k.toLowerCase()),
    client_groups: s.clientGroups,
    segments: s.segments,
    age_min: s.ageMin,
    age_max: s.ageMax,
    channels: s.channels,
    access_route: s.accessRoute,
    low_threshold: s.lowThreshold,
    cost: s.cost,
    languages: s.languages,
    legal_basis: s.legalBasis,
    area_national: s.area.national,
    area_county_codes: s.area.countyCodes,
    area_municipality_codes: s.area.municipalityCodes,
    phone: s.phone,
    email: s.email,
    url: s.url,
    opening_hours: s.openingHours,
  };
}

export async function seedCatalog(tx: Tx, ctx: DemoContext) {
  const rows = SEED_CATALOG.map((s) => seedRow(s, ctx));
  for (let i = 0; i < rows.length; i += 200) {
    const ids = await tx.insertInto('catalog_services').values(rows.slice(i, i + 200)).returning('id').execute();
    await repo.addWordsToLexicon(tx, ids.map((r) => r.id));
  }
  if (fs.existsSync(DEMO_PTV_FILE)) {
    const json: unknown = JSON.parse(fs.readFileSync(DEMO_PTV_FILE, 'utf8'));
    await importPtvDocument((fn) => fn(tx), json, { countyCode: ctx.countyCode, actor: null });
  }
}

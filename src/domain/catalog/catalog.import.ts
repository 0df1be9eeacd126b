/**
 * PTV import: parse (ptv.parser.ts), map to catalogue rows, upsert by PTV id in batches,
 * one transaction per batch. Unchanged records are not written (content hash), so a
 * second run of the same file changes nothing. A record that cannot be stored is
 * reported and skipped; its batch is retried record by record so nothing is half-written.
 */
import type { ImportReport } from '../../contracts/catalog.contracts.js';
import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import * as repo from './catalog.repository.js';
import { contentHash, serviceTextColumns } from './catalog.rules.js';
import { parsePtvDocument, type ImportedService } from './ptv.parser.js';
import type { Sector } from './catalog.types.js';

export type RunInTx = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

export interface ImportProgress {
  done: number;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportOptions {
  countyCode: string;
  actor: Actor | null;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
}

interface OrgRef {
  id: string;
  sector: string;
}

/** Without a known producer: national services are mostly state agencies, local ones municipal. */
export function inferSector(s: ImportedService): Sector {
  return s.areaNational ? 'state' : 'municipality';
}

const STATUS: Record<string, string> = { published: 'active', deleted: 'inactive', archived: 'inactive', withdrawn: 'inactive' };
const COST: Record<string, string> = { free: 'Maksuton', charged: 'Maksullinen', other: 'Maksu vaihtelee' };

/** A catalogue row for one imported service; null with a reason when it cannot be stored. */
export function toServiceRow(s: ImportedService, countyCode: string, orgs: Map<string, OrgRef>): { row: repo.NewServiceRow } | { reason: string } {
  if (s.ptvId.length > 100) return { reason: 'id is longer than 100 characters' };
  if (s.name.fi.length > 500) return { reason: 'name is longer than 500 characters' };
  const org = s.providerName ? orgs.get(s.providerName.trim().toLowerCase()) : undefined;
  const content = {
    organization_id: org?.id ?? null,
    provider_name: s.providerName,
    provider_sector: org ? null : inferSector(s),
    status: STATUS[s.status] ?? 'draft',
    ...serviceTextColumns(s),
    keywords: s.keywords.slice(0, 50),
    client_groups: s.clientGroups,
    languages: s.languages,
    area_national: s.areaNational,
    area_municipality_codes: s.municipalityCodes,
    cost: s.chargeType ? (COST[s.chargeType] ?? null) : null,
    service_classes: s.serviceClasses,
  };
  return { row: { ...content, county_code: countyCode, ptv_id: s.ptvId, source: 'ptv', content_hash: contentHash(content) } };
}

export async function importPtvDocument(runInTx: RunInTx, json: unknown, opts: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const parsed = parsePtvDocument(json);
  const batchSize = opts.batchSize ?? 1000;
  const orgs = await runInTx(async (tx) => {
    const list = await repo.listOrganizations(tx, opts.countyCode);
    return new Map(list.map((o) => [o.name.toLowerCase(), { id: o.id, sector: o.sector }]));
  });
  const rejected = [...parsed.rejected];
  const rows: { ref: string; row: repo.NewServiceRow }[] = [];
  for (const s of parsed.services) {
    const mapped = toServiceRow(s, opts.countyCode, orgs);
    if ('reason' in mapped) rejected.push({ ref: s.ptvId, reason: mapped.reason });
    else rows.push({ ref: s.ptvId, row: mapped.row });
  }
  const p: ImportProgress = { done: 0, total: rows.length, inserted: 0, updated: 0, unchanged: 0, rejected: rejected.length };
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const results = await storeBatch(runInTx, batch, opts.actor, rejected);
    p.inserted += results.inserted;
    p.updated += results.updated;
    p.unchanged += batch.length - results.inserted - results.updated - results.failed;
    p.done += batch.length;
    p.rejected = rejected.length;
    opts.onProgress?.({ ...p });
  }
  await runInTx(async (tx) => {
    await recordAudit(tx, opts.actor, {
      action: 'catalog.import',
      resource: 'catalog_service',
      allowed: true,
      details: { received: parsed.services.length + parsed.rejected.length, inserted: p.inserted, updated: p.updated, unchanged: p.unchanged, rejected: rejected.length },
    });
  });
  return {
    received: parsed.services.length + parsed.rejected.length,
    inserted: p.inserted,
    updated: p.updated,
    unchanged: p.unchanged,
    rejected,
    durationMs: Math.round(performance.now() - started),
  };
}

async function storeBatch(runInTx: RunInTx, batch: { ref: string; row: repo.NewServiceRow }[], actor: Actor | null, rejected: { ref: string; reason: string }[]) {
  const write = async (tx: Tx, rows: repo.NewServiceRow[]) => {
    // Unchanged records are skipped before the INSERT: even a no-op upsert would compute
    // the generated search vectors of the proposed row.
    const known = await repo.ptvHashes(tx, rows.map((r) => r.ptv_id!));
    const changed = rows.filter((r) => !known.has(r.ptv_id!) || known.get(r.ptv_id!) !== r.content_hash);
    const res = await repo.upsertPtvServices(tx, changed);
    const ids = res.map((r) => r.id);
    await repo.insertImportHistory(tx, ids, actor?.userId ?? null, { source: 'ptv' });
    await repo.addWordsToLexicon(tx, ids);
    return res;
  };
  try {
    const res = await runInTx((tx) => write(tx, batch.map((b) => b.row)));
    const inserted = res.filter((r) => r.inserted).length;
    return { inserted, updated: res.length - inserted, failed: 0 };
  } catch {
    // One bad record spoils its batch: store the others one by one and report the culprit.
    let inserted = 0;
    let updated = 0;
    let failed = 0;
    for (const b of batch) {
      try {
        const res = await runInTx((tx) => write(tx, [b.row]));
        inserted += res.filter((r) => r.inserted).length;
        updated += res.filter((r) => !r.inserted).length;
      } catch (e) {
        failed++;
        rejected.push({ ref: b.ref, reason: `could not be stored: ${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}` });
      }
    }
    return { inserted, updated, failed };
  }
}

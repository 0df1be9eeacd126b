/** Use cases of the catalogue. Each takes the caller's transaction. */
import { ServiceSearchResult } from '../../contracts/catalog.contracts.js';
import type { CreateServiceRequest, ServiceDetail, ServiceFields, ServiceListItem, ServiceSearchQuery, UpdateServiceRequest } from '../../contracts/catalog.contracts.js';
import type { Tx } from '../../db/schema.js';
import { AccessDeniedError } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { badRequest, conflict, forbidden, notFound } from '../shared/errors.js';
import * as repo from './catalog.repository.js';
import { diffFields, localizedColumns, mayEditService, validateServiceState, type EditProblem } from './catalog.rules.js';
import { JsonBody } from '../shared/json-body.js';
import { cachedByCatalogGeneration, catalogGeneration } from './catalog.cache.js';
import type { RunInTx } from './catalog.import.js';
import { searchIndexed, searchServices, type SearchOutcome } from './catalog.search.js';
import { pageRows } from './catalog.search-index.js';

type Row = repo.ServiceWithProvider;

export function toListItem(r: repo.ServiceListRow): ServiceListItem {
  return {
    id: r.id,
    name: r.name_fi,
    summary: r.summary_fi,
    nameSv: r.name_sv,
    nameEn: r.name_en,
    summarySv: r.summary_sv,
    summaryEn: r.summary_en,
    provider: providerOf(r),
    segments: r.segments,
    clientGroups: r.client_groups,
    ageMin: r.age_min,
    ageMax: r.age_max,
    channels: r.channels,
    accessRoute: r.access_route,
    lowThreshold: r.low_threshold,
    areaNational: r.area_national,
    ptvId: r.ptv_id,
  };
}

export function providerOf(r: Pick<Row, 'organization_id' | 'org_name' | 'provider_name' | 'org_sector' | 'provider_sector'>) {
  return { id: r.organization_id, name: r.org_name ?? r.provider_name, sector: r.org_sector ?? r.provider_sector };
}

export function toDetail(r: Row, actor: Actor | null): ServiceDetail {
  return {
    id: r.id,
    name: { fi: r.name_fi, sv: r.name_sv, en: r.name_en },
    summary: { fi: r.summary_fi, sv: r.summary_sv, en: r.summary_en },
    description: { fi: r.description_fi, sv: r.description_sv, en: r.description_en },
    provider: providerOf(r),
    status: r.status,
    source: r.source,
    keywords: r.keywords,
    segments: r.segments,
    clientGroups: r.client_groups,
    ageMin: r.age_min,
    ageMax: r.age_max,
    channels: r.channels,
    accessRoute: r.access_route,
    lowThreshold: r.low_threshold,
    cost: r.cost,
    languages: r.languages,
    legalBasis: r.legal_basis,
    area: { national: r.area_national, countyCodes: r.area_county_codes, municipalityCodes: r.area_municipality_codes },
    phone: r.phone,
    email: r.email,
    url: r.url,
    openingHours: r.opening_hours,
    ptvId: r.ptv_id,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    editable: mayEditService(actor, r.organization_id),
  };
}

/**
 * The public search as served. Its result is the same for every reader, so it is cached per
 * catalogue generation (catalog.cache.ts) as the response body itself: checked against the
 * contract and serialised once, when it is computed. `read` is the caller's connection outside
 * any transaction: the generation is one autocommitted primary-key read there, and a hit needs
 * nothing else — the catalogue is public reference data (0801), no client data is read, so there
 * is no tenant context to set and no audit row to write. A miss is answered, for the same reason,
 * by the in-process index's snapshot of that generation without a transaction either (its page's
 * list fields are in the snapshot; catalog.search.ts searchIndexed); only when no snapshot can
 * answer does it search in `inTx`, a transaction on the same connection (one unit of work on
 * PGlite's queue).
 */
export async function searchBody(read: Tx, inTx: RunInTx, query: ServiceSearchQuery): Promise<JsonBody> {
  const gen = await catalogGeneration(read);
  return cachedByCatalogGeneration(read, query, async () => {
    const indexed = await searchIndexed(read, gen, query);
    if (indexed) return JsonBody.of(ServiceSearchResult, resultOf(indexed.outcome, pageRows(indexed.snapshot, indexed.page)));
    return inTx(async (tx) => JsonBody.of(ServiceSearchResult, await searchUncached(tx, query)));
  }, { readBefore: gen });
}

/**
 * The public search inside the caller's transaction, cached per catalogue generation (read in `tx`):
 * an edit or import moves the generation and the next request searches again. The route answers
 * through searchBody; this transaction path is the reference its tests compare with.
 */
export function search(tx: Tx, query: ServiceSearchQuery): Promise<JsonBody> {
  return cachedByCatalogGeneration(tx, query, async (t) => JsonBody.of(ServiceSearchResult, await searchUncached(t, query)));
}

async function searchUncached(tx: Tx, query: ServiceSearchQuery): Promise<ServiceSearchResult> {
  const outcome = await searchServices(tx, query);
  return resultOf(outcome, await repo.findListRowsByIds(tx, outcome.ids));
}

function resultOf(outcome: SearchOutcome, rows: repo.ServiceListRow[]): ServiceSearchResult {
  const { organization, ...rest } = outcome.facets;
  return {
    items: rows.map(toListItem),
    total: outcome.total,
    capped: outcome.capped,
    facets: { ...rest, organization: organization.map((f) => ({ value: f.value, label: f.label ?? f.value, count: f.count })) },
  };
}

/** Published services are public; drafts and inactive ones only for their own organisation's editors. */
export async function getService(tx: Tx, actor: Actor | null, id: string): Promise<ServiceDetail> {
  const row = await repo.findService(tx, id);
  if (!row || (row.status !== 'active' && !mayEditService(actor, row.organization_id))) throw notFound();
  return toDetail(row, actor);
}

/** Row columns for the writable contract fields present in `f`. */
function fieldsToColumns(f: Partial<ServiceFields>): repo.ServiceChanges {
  const c: repo.ServiceChanges = {};
  if (f.name) Object.assign(c, localizedColumns('name', f.name));
  if (f.summary) Object.assign(c, localizedColumns('summary', f.summary));
  if (f.description) Object.assign(c, localizedColumns('description', f.description));
  if (f.keywords) c.keywords = [...new Set(f.keywords.map((k) => k.toLowerCase()))];
  if (f.segments) c.segments = [...new Set(f.segments)];
  if (f.clientGroups) c.client_groups = [...new Set(f.clientGroups)];
  if (f.ageMin !== undefined) c.age_min = f.ageMin;
  if (f.ageMax !== undefined) c.age_max = f.ageMax;
  if (f.channels) c.channels = [...new Set(f.channels)];
  if (f.accessRoute) c.access_route = f.accessRoute;
  if (f.lowThreshold !== undefined) c.low_threshold = f.lowThreshold;
  if (f.cost !== undefined) c.cost = f.cost || null;
  if (f.languages) c.languages = [...new Set(f.languages)];
  if (f.legalBasis !== undefined) c.legal_basis = f.legalBasis || null;
  if (f.area) Object.assign(c, { area_national: f.area.national, area_county_codes: f.area.countyCodes, area_municipality_codes: f.area.municipalityCodes });
  if (f.phone !== undefined) c.phone = f.phone || null;
  if (f.email !== undefined) c.email = f.email || null;
  if (f.url !== undefined) c.url = f.url || null;
  if (f.openingHours !== undefined) c.opening_hours = f.openingHours || null;
  if (f.status) c.status = f.status;
  return c;
}

const PROBLEM_TEXT: Record<EditProblem['code'], { fi: string; sv: string; en: string }> = {
  'age-range': { fi: 'Alaikäraja on suurempi kuin yläikäraja.', sv: 'Den nedre åldersgränsen är högre än den övre.', en: 'The minimum age is greater than the maximum age.' },
  'area-missing': { fi: 'Kerro, missä palvelu on saatavilla: koko maa, hyvinvointialue tai kunnat.', sv: 'Ange var tjänsten finns: hela landet, välfärdsområde eller kommuner.', en: 'Say where the service is available: nationwide, a wellbeing county or municipalities.' },
  'contact-missing': { fi: 'Julkaistulla palvelulla on oltava puhelin, sähköposti tai verkko-osoite.', sv: 'En publicerad tjänst måste ha telefon, e-post eller webbadress.', en: 'A published service needs a phone number, email or web address.' },
};

function assertCoherent(state: Parameters<typeof validateServiceState>[0]) {
  const problems = validateServiceState(state);
  if (problems.length === 0) return;
  const join = (l: 'fi' | 'sv' | 'en') => problems.map((p) => PROBLEM_TEXT[p.code][l]).join(' ');
  // Each problem names its field and carries its text in every language, so a form can show it beside the field.
  const detailed = problems.map((p) => ({ ...p, messages: PROBLEM_TEXT[p.code] }));
  throw badRequest('invalid_service', { fi: join('fi'), sv: join('sv'), en: join('en') }, { problems: detailed });
}

function stateOf(r: Pick<repo.ServiceRow, 'age_min' | 'age_max' | 'area_national' | 'area_county_codes' | 'area_municipality_codes' | 'phone' | 'email' | 'url' | 'status'>) {
  return {
    ageMin: r.age_min,
    ageMax: r.age_max,
    area: { national: r.area_national, countyCodes: r.area_county_codes, municipalityCodes: r.area_municipality_codes },
    phone: r.phone,
    email: r.email,
    url: r.url,
    status: r.status,
  };
}

function requireEditor(actor: Actor): void {
  if (!mayEditService(actor, actor.organizationId)) throw forbidden();
}

export async function createService(tx: Tx, actor: Actor, body: CreateServiceRequest): Promise<ServiceDetail> {
  requireEditor(actor);
  const c = fieldsToColumns(body);
  const row: repo.NewServiceRow = {
    ...c,
    name_fi: body.name.fi,
    county_code: actor.countyCode,
    organization_id: actor.organizationId,
    source: 'manual',
    status: body.status ?? 'draft',
    area_county_codes: body.area ? body.area.countyCodes : [actor.countyCode],
    updated_by: actor.userId,
  };
  assertCoherent({
    ageMin: row.age_min ?? null,
    ageMax: row.age_max ?? null,
    area: { national: row.area_national ?? false, countyCodes: row.area_county_codes ?? [], municipalityCodes: row.area_municipality_codes ?? [] },
    phone: row.phone ?? null,
    email: row.email ?? null,
    url: row.url ?? null,
    status: row.status as string,
  });
  const id = await repo.insertService(tx, row);
  await repo.insertHistory(tx, { serviceId: id, countyCode: actor.countyCode, organizationId: actor.organizationId, version: 1, action: 'create', changedBy: actor.userId, changes: { ...body } });
  await repo.addServiceWordsToLexicon(tx, id);
  await recordAudit(tx, actor, { action: 'catalog.service.create', resource: 'catalog_service', resourceId: id, allowed: true });
  return toDetail((await repo.findService(tx, id))!, actor);
}

export async function updateService(tx: Tx, actor: Actor, id: string, body: UpdateServiceRequest): Promise<ServiceDetail> {
  const before = await repo.findService(tx, id, { forUpdate: true });
  if (!before || (before.status !== 'active' && !mayEditService(actor, before.organization_id))) throw notFound();
  if (!mayEditService(actor, before.organization_id)) {
    // Another organisation's service: refused like an unknown one (deny = 404). AccessDeniedError makes the
    // HTTP layer audit the refusal in its own transaction (this one is rolled back); no client is involved.
    throw new AccessDeniedError(actor, '', { action: 'catalog.service.update', resource: 'catalog_service', resourceId: id });
  }
  if (before.version !== body.version) {
    throw conflict('stale_version', {
      fi: 'Joku muu muutti palvelua sillä välin. Lataa sivu uudelleen ja tee muutokset uudestaan.',
      sv: 'Någon annan ändrade tjänsten under tiden. Ladda om sidan och gör ändringarna igen.',
      en: 'Someone else changed the service meanwhile. Reload the page and make your changes again.',
    }, { currentVersion: before.version });
  }
  const { version: _version, ...fields } = body;
  const changes = fieldsToColumns(fields);
  assertCoherent(stateOf({ ...before, ...changes } as repo.ServiceRow));
  const diff = diffFields(before as unknown as Record<string, unknown>, changes as Record<string, unknown>);
  if (Object.keys(diff).length === 0) return toDetail(before, actor);
  await repo.updateService(tx, id, { ...changes, updated_by: actor.userId });
  await repo.insertHistory(tx, { serviceId: id, countyCode: before.county_code, organizationId: before.organization_id, version: before.version + 1, action: 'update', changedBy: actor.userId, changes: diff });
  await repo.addServiceWordsToLexicon(tx, id);
  await recordAudit(tx, actor, { action: 'catalog.service.update', resource: 'catalog_service', resourceId: id, allowed: true, details: { fields: Object.keys(diff) } });
  return toDetail((await repo.findService(tx, id))!, actor);
}

export async function serviceHistory(tx: Tx, actor: Actor, id: string) {
  const row = await repo.findService(tx, id);
  if (!row) throw notFound();
  if (!mayEditService(actor, row.organization_id)) {
    throw new AccessDeniedError(actor, '', { action: 'catalog.service.history', resource: 'catalog_service', resourceId: id });
  }
  const items = await repo.listHistory(tx, id);
  await recordAudit(tx, actor, { action: 'catalog.service.history', resource: 'catalog_service', resourceId: id, allowed: true });
  return {
    items: items.map((h) => ({
      version: h.version,
      action: h.action,
      changedAt: new Date(h.changed_at).toISOString(),
      changedBy: h.display_name,
      changes: h.changes as unknown as Record<string, unknown>,
    })),
  };
}


import type { z } from 'zod';
import type { Tx } from '../../db/schema.js';
import { CASELOAD_PAGE_SIZE, type CaseloadResponse, type ProfileInput } from '../../contracts/clients.contracts.js';
import type { RecommendationRequest, RecommendationResponse } from '../../contracts/guidance.contracts.js';
import { requireClientAccess } from '../access/index.js';
import { assessmentsOf, latestLifeSituation, lifeAreasFor } from '../assessment/index.js';
import { auditInStatement } from '../audit/index.js';
import type { AccessRoute, Channel, ClientGroup, Sector, Segment } from '../catalog/catalog.types.js';
import { ageOn, clientGroupForAge, getClientRow, requireProfessional, toListItem } from '../clients/index.js';
import { caseloadAlerts, mergeSettings } from '../followup/index.js';
import type { Actor } from '../identity/actor.js';
import { finnishCalendarDate } from '../shared/calendar.js';
import type { Lang } from '../shared/errors.js';
import * as repo from './guidance.repository.js';
import { KEYED_ANALYSIS_LIMIT, primeAnalyses, rankServices, type CandidateService } from './recommendation.rules.js';
import { suggestLevel, suggestSegment, suggestSegmentFromLifeSituation, type GuidanceLevel } from './segmentation.rules.js';
import type { LifeArea, LifeSituation } from './life-areas.js';

/** Quality criterion of seed 002: an intensive case manager has at most 40 clients. */
export const INTENSIVE_CASELOAD_LIMIT = 40;

interface Situation {
  age: number | null;
  clientGroup: ClientGroup | null;
  municipalityCode: string | null;
  needs: string | null;
  profile: ProfileInput | null;
  lifeSituation: LifeSituation | null;
  /** A confirmed segment/level from an assessment wins over a fresh suggestion. */
  confirmed?: { segment: Segment; level: GuidanceLevel; reason: string } | null;
  specialSupportNeed?: boolean;
  limit: number;
}

type Row = repo.CandidateRow;
type Candidate = CandidateService & { row: Row };

/** At most this many candidates (in id order) are ranked per request, as before the cache. */
const CANDIDATE_LIMIT = 5000;

/**
 * The active catalogue as ranking candidates, kept per process and replaced when the catalogue
 * generation (migration 0810) moves. Each candidate carries a `textKey` (id, version, updated_at,
 * name), so after a change only the changed services are analysed again (recommendation.rules).
 */
const snapshots = new Map<string, { gen: string; candidates: Candidate[] }>();
/** Loads under way by generation: concurrent first requests share one read instead of each reading the catalogue. */
const loading = new Map<string, Promise<Candidate[]>>();

async function catalogue(tx: Tx): Promise<Candidate[]> {
  const key = await repo.catalogGeneration(tx);
  const instance = key.split(':')[0]!;
  const hit = snapshots.get(instance);
  if (hit?.gen === key) return hit.candidates;
  const shared = loading.get(key);
  if (shared) {
    // Another request's transaction reads the same generation; if it fails, read in our own.
    const done = await shared.catch(() => null);
    if (done) return done;
  }
  const load = repo.activeServices(tx).then((rows) => {
    const candidates = rows.map(toCandidate);
    // Analyse the whole catalogue once, now, instead of a few hundred services in every request
    // whose filters reach services not seen yet (measured: seconds per request for the first
    // minute after start). After a catalogue edit only the edited services are new here.
    if (candidates.length <= KEYED_ANALYSIS_LIMIT / 2) primeAnalyses(candidates);
    return candidates;
  });
  loading.set(key, load);
  try {
    const candidates = await load;
    snapshots.delete(instance);
    if (snapshots.size >= 4) snapshots.delete(snapshots.keys().next().value!);
    snapshots.set(instance, { gen: key, candidates });
    return candidates;
  } finally {
    if (loading.get(key) === load) loading.delete(key);
  }
}

/**
 * Loads and analyses the active catalogue ahead of the first recommendation (the first request
 * would otherwise pay 2–8 s for it, docs/performance.md). Called once after the server listens
 * (src/main.ts), never awaited by start-up; the catalogue tables are readable without a tenant.
 * Returns the number of services in the snapshot.
 */
export async function warmRecommendationCatalogue(tx: Tx): Promise<number> {
  return (await catalogue(tx)).length;
}

function toCandidate(r: Row): Candidate {
  const sector = (r.org_sector ?? r.provider_sector ?? 'ngo') as Sector;
  return {
    id: r.id,
    name: r.name_fi,
    summary: r.summary_fi,
    description: r.description_fi,
    keywords: r.keywords,
    textKey: `${r.id}:${r.version}:${r.updated_us}:${r.name_fi}`,
    segments: r.segments as Segment[],
    clientGroups: r.client_groups as ClientGroup[],
    ageMin: r.age_min,
    ageMax: r.age_max,
    area: { national: r.area_national, countyCodes: r.area_county_codes, municipalityCodes: r.area_municipality_codes },
    lowThreshold: r.low_threshold,
    accessRoute: r.access_route as AccessRoute | null,
    channels: r.channels as Channel[],
    provider: { name: r.org_name ?? r.provider_name ?? '', sector },
    ptvId: r.ptv_id,
    row: r,
  };
}

/** The hard filters the SQL candidate query used to apply (age, strict client group, area); the rules apply them again. */
function available(c: Candidate, p: { age: number | null; clientGroup: string | null; municipalityCode: string | null; countyCode: string | null }): boolean {
  if (p.age !== null && ((c.ageMin != null && c.ageMin > p.age) || (c.ageMax != null && c.ageMax < p.age))) return false;
  if (p.clientGroup && (c.clientGroups ?? []).length > 0 && !(c.clientGroups as readonly string[]).includes(p.clientGroup)) return false;
  if (p.municipalityCode || p.countyCode) {
    const a = c.area;
    if (!a.national && !(p.countyCode && a.countyCodes.includes(p.countyCode)) && !(p.municipalityCode && a.municipalityCodes.includes(p.municipalityCode))) return false;
  }
  return true;
}

const displayName = (r: Row, lang: Lang) => (lang === 'sv' ? r.name_sv : lang === 'en' ? r.name_en : null) ?? r.name_fi;

/** Segment, level and ranked services for one situation. Pure decisions come from the guidance rules. */
async function recommendFor(tx: Tx, s: Situation, areas: readonly LifeArea[], lang: Lang): Promise<RecommendationResponse> {
  const countyCode = s.municipalityCode ? await repo.countyOfMunicipality(tx, s.municipalityCode) : null;
  const suggestedSegment = s.profile ? suggestSegment(s.profile) : s.lifeSituation ? suggestSegmentFromLifeSituation(s.lifeSituation, areas) : null;
  const segment = s.confirmed
    ? { code: s.confirmed.segment, reasons: [s.confirmed.reason] }
    : suggestedSegment ? { code: suggestedSegment.code, reasons: suggestedSegment.reasons } : null;
  const levelSuggestion = s.confirmed
    ? null
    : suggestLevel({ segment: segment?.code ?? null, profile: s.profile, lifeSituation: s.lifeSituation, specialSupportNeed: s.specialSupportNeed, lifeAreas: areas });
  const level = s.confirmed ? { code: s.confirmed.level, reasons: [s.confirmed.reason] } : levelSuggestion ? { code: levelSuggestion.code, reasons: levelSuggestion.reasons } : null;

  const filter = { age: s.age, municipalityCode: s.municipalityCode, countyCode, clientGroup: s.clientGroup };
  const candidates: Candidate[] = [];
  for (const c of await catalogue(tx)) {
    if (candidates.length >= CANDIDATE_LIMIT) break;
    if (available(c, filter)) candidates.push(c);
  }
  const ranked = rankServices(
    {
      age: s.age,
      clientGroup: s.clientGroup,
      municipalityCode: s.municipalityCode,
      countyCode,
      needsText: s.needs,
      lifeSituation: s.lifeSituation,
      segment: segment?.code ?? null,
      level: level?.code ?? null,
    },
    candidates,
    { lifeAreas: areas, limit: s.limit },
  );
  return {
    segment,
    level,
    services: ranked.map((r) => ({
      id: r.id,
      name: displayName(r.service.row, lang),
      ptvId: r.service.ptvId ?? null,
      provider: { name: r.service.provider!.name, sector: r.service.provider!.sector },
      score: r.score,
      reasons: r.reasons,
    })),
  };
}

/** POST /guidance/recommendations: a situation described by a professional, no client record needed. */
export async function recommend(tx: Tx, actor: Actor, req: z.output<typeof RecommendationRequest>, lang: Lang) {
  requireProfessional(actor);
  const areas = await lifeAreasFor(tx, actor.countyCode);
  const clientGroup = req.clientGroup ?? (req.age !== undefined ? clientGroupForAge(req.age) : null);
  return recommendFor(
    tx,
    {
      age: req.age ?? null,
      clientGroup,
      municipalityCode: req.municipalityCode ?? null,
      needs: req.needs ?? null,
      profile: req.profile ?? null,
      lifeSituation: req.lifeSituation ?? null,
      limit: req.limit,
    },
    areas,
    lang,
  );
}

/** Recommendations for one client from their record: age, home municipality, assessment, self-assessment, concerns. */
export async function recommendForClient(tx: Tx, actor: Actor, clientId: string, limit: number, lang: Lang) {
  requireProfessional(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'guidance.recommend', category: 'assessments', resource: 'recommendation' });
  const client = (await getClientRow(tx, clientId))!;
  const latest = (await assessmentsOf(tx, clientId)).at(-1);
  const age = ageOn(client.birth_date);
  const profile = latest
    ? { everydayLife: latest.everyday_life, resources: latest.resources, health: latest.health, channel: latest.channel, network: latest.network, coordination: latest.coordination }
    : null;
  const confirmed = latest
    ? { segment: latest.segment as Segment, level: latest.level as GuidanceLevel, reason: `Vahvistettu arviossa ${new Date(latest.at).toLocaleDateString('fi-FI')} (${latest.display_name}).` }
    : null;
  return recommendFor(
    tx,
    {
      age,
      clientGroup: clientGroupForAge(age),
      municipalityCode: client.municipality_code,
      needs: (await repo.clientNeedTexts(tx, clientId)).join('\n') || null,
      profile,
      lifeSituation: await latestLifeSituation(tx, clientId),
      confirmed,
      specialSupportNeed: latest?.special_support_need ?? false,
      limit,
    },
    await lifeAreasFor(tx, actor.countyCode),
    lang,
  );
}

/**
 * The worker's active clients by guidance level, with the 40-client check for intensive case management:
 * the counts over all of them, the list a page at a time by name. One audit row for the page shown.
 * Each client on the page comes with the worker's next open task for them and the alerts the today view
 * raises about them (caseloadAlerts, the rules computeAlerts uses), all from the page's one statement.
 */
export async function caseload(tx: Tx, actor: Actor, page = 1, pageSize = CASELOAD_PAGE_SIZE, now = new Date()): Promise<CaseloadResponse> {
  requireProfessional(actor);
  // The page's audit row ({count, total, page}) is written by the page's own statement: one round trip less.
  const today = finnishCalendarDate(now);
  const { total, counts, settingsLayers, rows } = await repo.caseloadPage(tx, actor, today, page, pageSize, (details) =>
    auditInStatement(actor, { action: 'client.caseload', basis: 'client-relationship', allowed: true }, details),
  );
  const settings = mergeSettings(...settingsLayers); // as alertSettingsFor: county layer, then the organisation's
  return {
    counts,
    intensiveLimit: INTENSIVE_CASELOAD_LIMIT,
    intensiveOverLimit: counts['intensiivinen-palveluohjaus'] > INTENSIVE_CASELOAD_LIMIT,
    total,
    page,
    pageSize,
    items: rows.map((r) => {
      // The worker's open tasks for the client, the next first (0980); overdue: due before the Finnish date.
      const head = r.task_head;
      let overdueTasks = 0;
      if (head !== null) for (const due of head[2]) if (due < today) overdueTasks += 1;
      const signals = caseloadAlerts({ level: r.level, overdueTasks, planReviewDate: r.plan_review_date, lastContactAt: r.last_contact_at }, today, settings);
      // Object.assign, not `{ ...toListItem(r), … }`: V8 builds a spread followed by more properties through a
      // slow path, 10× the rest of this map for a page of 50 (docs/performance.md, eighth round).
      return Object.assign(toListItem(r), {
        startedAt: new Date(r.started_at).toISOString(),
        nextTask: head !== null ? { title: head[0], due: head[1], overdue: head[1] < today } : null,
        overdueTasks,
        alerts: signals.types,
        noContactDays: signals.noContactDays,
      });
    }),
  };
}

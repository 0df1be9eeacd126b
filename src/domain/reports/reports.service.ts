import type { Tx } from '../../db/schema.js';
import type {
  CaseloadsReport, CouncilReport, FeedbackReport, InterfacesReport, PathBreaksReport, ReferralsReport, ReportFilter, ReportQuery, SegmentsReport, ServiceGapsReport,
} from '../../contracts/reports.contracts.js';
import { recordAudit } from '../audit/index.js';
import { cachedByCatalogGeneration } from '../catalog/index.js';
import { GROUP_TITLES, QUESTIONNAIRES } from '../feedback/index.js';
import { DEFAULT_LIFE_AREAS, NEEDS, NEED_BY_TAG } from '../guidance/index.js';
import type { Actor } from '../identity/actor.js';
import { DEFAULT_TIME_LIMITS } from '../referrals/index.js';
import { badRequest, type Lang } from '../shared/errors.js';
import { assertCouncilAvailable, councilCaseloads, councilPathBreaks, councilReferrals, councilSegments } from './reports.council.js';
import * as repo from './reports.repository.js';
import { feedbackAggregate } from './reports.feedback.js';
import { LEVEL_LABELS, SECTOR_ORDER, SEGMENT_LABELS, label } from './reports.labels.js';
import { CASELOAD_LIMIT, interfaceMatrix, LOST_CONTACT_DAYS, LOW_AREA_RATING, reportPeriod } from './reports.rules.js';

export type ReportName = 'segments' | 'caseloads' | 'referrals' | 'interfaces' | 'service-gaps' | 'feedback' | 'path-breaks';

/**
 * Checks the filter, records the report's one audit row (no client in it; written at the end of the
 * request's transaction like every audit row, see auditAtEnd) and returns the scope.
 */
async function scopeOf(tx: Tx, actor: Actor, name: ReportName, q: ReportQuery, now: Date): Promise<{ scope: repo.ReportScope; filter: ReportFilter }> {
  const period = reportPeriod(q.from, q.to, now);
  if (q.unitId && !(await repo.unitOfCounty(tx, q.unitId, actor.countyCode))) {
    throw badRequest('unknown_unit', { fi: 'Yksikköä ei löytynyt.', sv: 'Enheten hittades inte.', en: 'The unit was not found.' });
  }
  const filter: ReportFilter = { ...period, unitId: q.unitId ?? null, clientGroup: q.clientGroup ?? null };
  const timeZone = await repo.useAnalyticsMemory(tx);
  await recordAudit(tx, actor, { action: `report.${name}`, basis: 'management', allowed: true, details: { ...filter, format: q.format, audience: q.audience ?? 'management' } });
  return { scope: { countyCode: actor.countyCode, ...filter, timeZone }, filter };
}

export async function segmentsReport(tx: Tx, actor: Actor, q: ReportQuery, lang: Lang, now = new Date()): Promise<SegmentsReport> {
  const { scope, filter } = await scopeOf(tx, actor, 'segments', q, now);
  const { distribution, movements } = await repo.segments(tx, scope);
  const order = Object.keys(SEGMENT_LABELS);
  const counts = new Map(distribution.map((d) => [d.segment, d.clients]));
  return {
    filter,
    total: distribution.reduce((a, d) => a + d.clients, 0),
    distribution: order.map((segment) => ({ segment, label: label(SEGMENT_LABELS, segment, lang), clients: counts.get(segment) ?? 0 })),
    movements: movements.sort((a, b) => b.clients - a.clients),
  };
}

export async function caseloadsReport(tx: Tx, actor: Actor, q: ReportQuery, lang: Lang, now = new Date()): Promise<CaseloadsReport> {
  const { scope, filter } = await scopeOf(tx, actor, 'caseloads', q, now);
  const [workers, durations, lost] = [await repo.caseloads(tx, scope), await repo.relationshipDurations(tx, scope), await repo.lostContact(tx, scope, LOST_CONTACT_DAYS)];
  return {
    filter,
    limit: CASELOAD_LIMIT,
    workers: workers.map((w) => ({ ...w, overLimit: w.clients > CASELOAD_LIMIT })),
    durations: Object.keys(LEVEL_LABELS).map((level) => {
      const d = durations.find((x) => x.level === level);
      return { level, label: label(LEVEL_LABELS, level, lang), ended: d?.ended ?? 0, medianDaysEnded: d?.medianDaysEnded ?? null, open: d?.open ?? 0, medianDaysOpen: d?.medianDaysOpen ?? null };
    }),
    lostContactDays: LOST_CONTACT_DAYS,
    lostContact: lost,
  };
}

export async function referralsReport(tx: Tx, actor: Actor, q: ReportQuery, _lang: Lang, now = new Date()): Promise<ReferralsReport> {
  const { scope, filter } = await scopeOf(tx, actor, 'referrals', q, now);
  const loop = await repo.referralLoop(tx, scope);
  const rejectionReasons = await repo.rejectionReasons(tx, scope);
  const stuck = await stuckWithOwnLimits(tx, scope, now);
  return {
    filter,
    total: loop.reduce((a, r) => a + r.referrals, 0),
    loop,
    rejectionReasons,
    stuck: { notReceived: stuck.notReceived, notAccepted: stuck.notAccepted, notReceivedDays: stuck.defaults.notReceivedDays, notAcceptedDays: stuck.defaults.notAcceptedDays, byReceiver: stuck.byReceiver },
  };
}

/** Stuck referrals judged by each receiving organisation's own time limits (else the county's, else the built-in). */
async function stuckWithOwnLimits(tx: Tx, scope: repo.ReportScope, now: Date) {
  const county = await repo.countyTimeLimits(tx, scope.countyCode);
  const defaults = county ? { notReceivedDays: county.not_received_days, notAcceptedDays: county.not_accepted_days } : DEFAULT_TIME_LIMITS;
  const byReceiver = await repo.stuckByReceiver(tx, scope, DEFAULT_TIME_LIMITS, now);
  return {
    defaults,
    byReceiver,
    notReceived: byReceiver.reduce((a, r) => a + r.notReceived, 0),
    notAccepted: byReceiver.reduce((a, r) => a + r.notAccepted, 0),
  };
}

/** Path breaks: referrals stuck past their (per-organisation) limits and clients with whom contact was lost. */
export async function pathBreaksReport(tx: Tx, actor: Actor, q: ReportQuery, _lang: Lang, now = new Date()): Promise<PathBreaksReport> {
  const { scope, filter } = await scopeOf(tx, actor, 'path-breaks', q, now);
  const stuck = await stuckWithOwnLimits(tx, scope, now);
  const lost = await repo.lostContact(tx, scope, LOST_CONTACT_DAYS);
  return {
    filter,
    stuck: {
      notReceived: stuck.notReceived,
      notAccepted: stuck.notAccepted,
      defaultNotReceivedDays: stuck.defaults.notReceivedDays,
      defaultNotAcceptedDays: stuck.defaults.notAcceptedDays,
      byReceiver: stuck.byReceiver,
    },
    lostContactDays: LOST_CONTACT_DAYS,
    lostContactTotal: lost.reduce((a, l) => a + l.clients, 0),
    lostContact: lost,
  };
}

export async function interfacesReport(tx: Tx, actor: Actor, q: ReportQuery, _lang: Lang, now = new Date()): Promise<InterfacesReport> {
  const { scope, filter } = await scopeOf(tx, actor, 'interfaces', q, now);
  const crossings = await repo.pathCrossings(tx, scope);
  const referrals = await repo.referralCrossings(tx, scope, DEFAULT_TIME_LIMITS, now);
  return { filter, ...interfaceMatrix(crossings, referrals, SECTOR_ORDER) };
}

/** Catalogue keywords a life area stands for, through the needs a low rating points to. */
const areaKeywordSets = () =>
  DEFAULT_LIFE_AREAS.map((a) => ({ key: a.key, kws: [...new Set(a.needTags.flatMap((t) => NEED_BY_TAG.get(t)?.catalogKeywords ?? []))] }));

export async function serviceGapsReport(tx: Tx, actor: Actor, q: ReportQuery, lang: Lang, now = new Date()): Promise<ServiceGapsReport> {
  const { scope, filter } = await scopeOf(tx, actor, 'service-gaps', q, now);
  const low = await repo.lowAreasByMunicipality(tx, scope, LOW_AREA_RATING);
  // The supply side reads only the catalogue and the municipalities, which move the catalogue
  // generation (0810/0860): kept per generation like the catalogue search, so a manager's report
  // does not count ~100k (keyword set, service) pairs again at 50k services until the catalogue changes.
  const areaSets = areaKeywordSets();
  const needSets = NEEDS.map((n) => ({ key: n.tag, kws: [...n.catalogKeywords] }));
  const supply = await cachedByCatalogGeneration(tx, { report: 'supply-by-municipality', county: actor.countyCode, sets: areaSets }, (t) =>
    repo.servicesByMunicipality(t, actor.countyCode, areaSets),
  );
  const needSupply = await cachedByCatalogGeneration(tx, { report: 'supply-by-need', county: actor.countyCode, sets: needSets }, (t) =>
    repo.servicesByKeywordSet(t, actor.countyCode, needSets),
  );
  const areaLabel = new Map(DEFAULT_LIFE_AREAS.map((a) => [a.key, a.label[lang]]));
  const areas = supply
    .map((s) => {
      const lowClients = low.find((l) => l.municipalityCode === s.municipalityCode && l.areaKey === s.key)?.clients ?? 0;
      return { municipalityCode: s.municipalityCode, municipality: s.municipality, areaKey: s.key, label: areaLabel.get(s.key) ?? s.key, lowClients, services: s.services, gap: lowClients > 0 && s.services === 0 };
    })
    .filter((a) => a.lowClients > 0 || a.services === 0)
    .sort((a, b) => Number(b.gap) - Number(a.gap) || b.lowClients - a.lowClients || a.municipality.localeCompare(b.municipality, 'fi'));
  return {
    filter,
    lowAreaThreshold: LOW_AREA_RATING,
    areas,
    needs: NEEDS.map((n) => ({ tag: n.tag, label: n.label[lang], services: needSupply.get(n.tag) ?? 0 })).sort((a, b) => a.services - b.services),
    unusedServices: await repo.unusedServices(tx, actor.countyCode),
  };
}

export async function feedbackReport(tx: Tx, actor: Actor, q: ReportQuery, lang: Lang, now = new Date()): Promise<FeedbackReport> {
  const { scope, filter } = await scopeOf(tx, actor, 'feedback', q, now);
  // Counted in the database (reports.feedback.ts), equal to feedbackScores of the feedback module.
  const agg = await feedbackAggregate(tx, scope);
  const shown = (x: { suppressed: boolean; n?: number; mean?: number | null }) =>
    x.suppressed ? { suppressed: true, n: null, mean: null } : { suppressed: false, n: x.n ?? null, mean: x.mean ?? null };
  return {
    filter,
    minGroupSize: agg.minGroupSize,
    parts: agg.parts.map((p) => {
      const q = QUESTIONNAIRES.find((x) => x.id === p.questionnaireId)!;
      return {
        questionnaireId: p.questionnaireId,
        title: q.title[lang],
        ...shown(p),
        groups: q.groups.map((g) => {
          const ag = p.suppressed ? undefined : p.groups.find((x) => x.groupId === g.id);
          return { groupId: g.id, title: GROUP_TITLES[g.id][lang], ...(ag ? shown(ag) : { suppressed: true, n: null, mean: null }) };
        }),
      };
    }),
  };
}

export async function reportUnits(tx: Tx, actor: Actor) {
  return { items: await repo.unitsOfCounty(tx, actor.countyCode) };
}

/** The council version of a report (`?audience=council`): see reports.council.ts. 400 for reports without one. */
export async function councilReport(tx: Tx, actor: Actor, name: ReportName, q: ReportQuery, lang: Lang, now = new Date()): Promise<CouncilReport> {
  assertCouncilAvailable(name);
  switch (name) {
    case 'segments':
      return councilSegments(await segmentsReport(tx, actor, q, lang, now), lang);
    case 'caseloads':
      return councilCaseloads(await caseloadsReport(tx, actor, q, lang, now), lang);
    case 'referrals':
      return councilReferrals(await referralsReport(tx, actor, q, lang, now), lang);
    case 'path-breaks':
      return councilPathBreaks(await pathBreaksReport(tx, actor, q, lang, now), lang);
  }
}

import type { z } from 'zod';
import type { Tx } from '../../db/schema.js';
import type {
  Assessment,
  AssessmentHistory,
  AssessmentSuggestion,
  CreateAssessmentRequest,
  CreateSelfAssessmentRequest,
  ProfileInput,
  SelfAssessmentHistory,
} from '../../contracts/clients.contracts.js';
import { requireClientAccess } from '../access/index.js';
import { requireProfessional, setRelationshipLevel } from '../clients/index.js';
import {
  DEFAULT_LIFE_AREAS,
  lifeSituationFromSelfAssessment,
  PROFILE_CARDS,
  SELF_ASSESSMENT_SCALE,
  suggestLevel,
  suggestSegment,
  type LifeArea,
  type LifeSituation,
  type SelfAssessmentValue,
} from '../guidance/index.js';
import type { Actor } from '../identity/actor.js';
import type { Sector } from '../catalog/catalog.types.js';
import { recordPathEvent } from '../path/index.js';
import { badRequest, forbidden, type Lang } from '../shared/errors.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './assessment.repository.js';
import { decisionProblem, movements, selfAssessmentChange, unknownAreaKeys, type Level, type Segment } from './assessment.rules.js';

/** The county's configured life areas, or the ten 3X10D areas when none are configured. */
export async function lifeAreasFor(tx: Tx, countyCode: string): Promise<LifeArea[]> {
  const rows = await repo.configuredLifeAreas(tx, countyCode);
  if (rows.length === 0) return [...DEFAULT_LIFE_AREAS];
  return rows.map((r) => {
    const known = DEFAULT_LIFE_AREAS.find((a) => a.key === r.key);
    const label = { fi: r.name_fi, sv: r.name_sv, en: r.name_en };
    return { key: r.key, label, question: known?.question ?? label, needTags: known?.needTags ?? [], profileAxis: known?.profileAxis ?? null };
  });
}

const areaOut = (a: LifeArea, lang: Lang) => ({ key: a.key, label: a.label[lang], question: a.question[lang] });

export async function lifeAreasResponse(tx: Tx, countyCode: string, lang: Lang) {
  const areas = await lifeAreasFor(tx, countyCode);
  return { areas: areas.map((a) => areaOut(a, lang)), scale: SELF_ASSESSMENT_SCALE.map((s) => ({ value: s.value, label: s.label[lang] })) };
}

/** The seed gives the scale, not the areas: an administrator configures them per county. */
export async function configureLifeAreas(tx: Tx, actor: Actor, areas: { key: string; nameFi: string; nameSv: string; nameEn: string }[], lang: Lang) {
  if (actor.role !== 'admin') throw forbidden();
  await repo.replaceLifeAreas(tx, actor.countyCode, areas);
  await recordAudit(tx, actor, { action: 'life-areas.configure', allowed: true, details: { keys: areas.map((a) => a.key) } });
  return lifeAreasResponse(tx, actor.countyCode, lang);
}

/** "Mitä sinulle kuuluu?": the client alone (portal) or together with a worker or a close one. */
export async function recordSelfAssessment(tx: Tx, actor: Actor, clientId: string, input: z.output<typeof CreateSelfAssessmentRequest>, lang: Lang) {
  await requireClientAccess(tx, actor, clientId, { action: 'self-assessment.create', category: 'assessments', resource: 'self-assessment' });
  const areas = await lifeAreasFor(tx, actor.countyCode);
  const unknown = unknownAreaKeys(input.answers, areas.map((a) => a.key));
  if (unknown.length > 0 || Object.keys(input.answers).length === 0) {
    throw badRequest('invalid_life_areas', {
      fi: `Vastaa vähintään yhteen elämänalueeseen. Tuntemattomat alueet: ${unknown.join(', ') || '–'}.`,
      sv: `Svara på minst ett livsområde. Okända områden: ${unknown.join(', ') || '–'}.`,
      en: `Answer at least one life area. Unknown areas: ${unknown.join(', ') || '–'}.`,
    });
  }
  // A guardian acting for their child in the portal (basis 'guardian') is recorded as the giver.
  const filledBy = actor.role === 'client' ? (actor.guardianClientId ? 'guardian' : 'client') : (input.filledBy ?? 'client-with-worker');
  const id = await repo.insertSelfAssessment(
    tx,
    { clientId, countyCode: actor.countyCode, organizationId: actor.role === 'client' ? null : actor.organizationId, filledBy, ownWords: input.ownWords ?? null, recordedBy: actor.userId },
    Object.entries(input.answers).map(([key, rating]) => ({ key, rating, note: input.notes?.[key] ?? null })),
  );
  await recordPathEvent(tx, {
    clientId, countyCode: actor.countyCode, organizationId: actor.role === 'client' ? null : actor.organizationId,
    phase: 'assessment', kind: 'self-assessment', title: 'Mitä sinulle kuuluu? -itsearvio',
    description: input.ownWords ?? null, sectors: [(actor.role === 'client' ? 'wellbeing-county' : actor.organizationSector) as Sector],
    ref: { type: 'self-assessment', id }, createdBy: actor.userId,
  });
  return selfAssessmentHistory(tx, actor, clientId, lang, { audited: true });
}

export async function selfAssessmentHistory(tx: Tx, actor: Actor, clientId: string, lang: Lang, opts: { audited?: boolean } = {}): Promise<SelfAssessmentHistory> {
  if (!opts.audited) await requireClientAccess(tx, actor, clientId, { action: 'self-assessment.read', category: 'assessments', resource: 'self-assessment' });
  const areas = await lifeAreasFor(tx, actor.countyCode);
  const rows = await repo.selfAssessmentsOf(tx, clientId);
  const items = rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    filledBy: r.filled_by,
    ownWords: r.own_words,
    answers: Object.fromEntries(r.answers.map((a) => [a.area_key, a.rating])),
    notes: Object.fromEntries(r.answers.filter((a) => a.note).map((a) => [a.area_key, a.note!])),
  }));
  const change = selfAssessmentChange(items, areas.map((a) => a.key)).map((c) => ({ ...c, label: areas.find((a) => a.key === c.key)!.label[lang] }));
  return { areas: areas.map((a) => areaOut(a, lang)), items, change };
}

/** The latest self-assessment as a 0–10 life situation (for the level suggestion and recommendations). */
export async function latestLifeSituation(tx: Tx, clientId: string): Promise<LifeSituation | null> {
  const rows = await repo.selfAssessmentsOf(tx, clientId);
  const latest = rows.at(-1);
  if (!latest) return null;
  return lifeSituationFromSelfAssessment(Object.fromEntries(latest.answers.map((a) => [a.area_key, a.rating as SelfAssessmentValue])));
}

/** Segment and level suggestion with the reasons and the profile card's strategy (pure). */
export function suggest(profile: ProfileInput, opts: { specialSupportNeed?: boolean; lifeSituation?: LifeSituation | null; lang?: Lang } = {}): AssessmentSuggestion {
  const segment = suggestSegment(profile);
  const level = suggestLevel({ segment: segment.code, profile, lifeSituation: opts.lifeSituation ?? null, specialSupportNeed: opts.specialSupportNeed ?? false })!;
  const card = PROFILE_CARDS[segment.code];
  return {
    segment: {
      code: segment.code,
      name: card.name[opts.lang ?? 'fi'],
      reasons: segment.reasons,
      basicStrategy: card.basicStrategy,
      goal: card.goal,
      mostImportantInClientExperience: card.mostImportantInClientExperience,
      axes: segment.axes,
    },
    level: { code: level.code, reasons: level.reasons },
  };
}

export async function suggestForClient(tx: Tx, actor: Actor, clientId: string | undefined, profile: ProfileInput, specialSupportNeed: boolean, lang: Lang) {
  requireProfessional(actor);
  let lifeSituation: LifeSituation | null = null;
  if (clientId) {
    await requireClientAccess(tx, actor, clientId, { action: 'assessment.suggest', category: 'assessments' });
    lifeSituation = await latestLifeSituation(tx, clientId);
  }
  return suggest(profile, { specialSupportNeed, lifeSituation, lang });
}

const DECISION_ERRORS = {
  'override-reason-missing': {
    fi: 'Kirjaa perustelu, kun valitset eri asiakkuuden tai tason kuin ehdotus.',
    sv: 'Ange en motivering när du väljer ett annat segment eller en annan nivå än förslaget.',
    en: 'Give a reason when you choose a different segment or level than suggested.',
  },
  'special-support-needs-social-worker': {
    fi: 'Erityisen tuen tarpeen arvioi virkasuhteinen sosiaalityöntekijä.',
    sv: 'Behovet av särskilt stöd bedöms av en socialarbetare i tjänsteförhållande.',
    en: 'Only an official social worker assesses a special support need.',
  },
};

/** Confirms or overrides the suggestion; the assessing organisation's relationship moves to the chosen level. */
export async function recordAssessment(tx: Tx, actor: Actor, clientId: string, input: z.output<typeof CreateAssessmentRequest>, lang: Lang) {
  requireProfessional(actor);
  await requireClientAccess(tx, actor, clientId, { action: 'assessment.create', category: 'assessments', resource: 'assessment' });
  const suggestion = suggest(input.profile, { specialSupportNeed: input.specialSupportNeed, lifeSituation: await latestLifeSituation(tx, clientId), lang });
  const segment = input.segment ?? suggestion.segment.code;
  const level = input.level ?? suggestion.level.code;
  const problem = decisionProblem({
    suggestedSegment: suggestion.segment.code, suggestedLevel: suggestion.level.code, segment, level,
    overrideReason: input.overrideReason, specialSupportNeed: input.specialSupportNeed, role: actor.role,
  });
  if (problem) throw badRequest(problem.replaceAll('-', '_'), DECISION_ERRORS[problem]);
  const previous = (await repo.assessmentsOf(tx, clientId)).at(-1);
  const overridden = segment !== suggestion.segment.code || level !== suggestion.level.code;
  const id = await repo.insertAssessment(tx, {
    clientId, countyCode: actor.countyCode, organizationId: actor.organizationId, profile: input.profile,
    suggestedSegment: suggestion.segment.code, suggestedLevel: suggestion.level.code, segment, level,
    overrideReason: overridden ? input.overrideReason!.trim() : null, specialSupportNeed: input.specialSupportNeed,
    notes: input.notes ?? null, assessedBy: actor.userId, assessedByRole: actor.role,
  });
  await setRelationshipLevel(tx, clientId, actor.organizationId, level);
  const moved = previous && previous.segment !== segment ? ` (siirtymä: ${PROFILE_CARDS[previous.segment as Segment].name.fi} → ${PROFILE_CARDS[segment].name.fi})` : '';
  await recordPathEvent(tx, {
    clientId, countyCode: actor.countyCode, organizationId: actor.organizationId, phase: 'assessment', kind: 'segment',
    title: `Palvelutarpeen arvio: ${PROFILE_CARDS[segment].name.fi}, ${LEVEL_FI[level]}${moved}`,
    description: overridden ? `Poikkeaa ehdotuksesta: ${input.overrideReason}` : 'Ehdotus vahvistettu.',
    sectors: [actor.organizationSector as Sector], ref: { type: 'assessment', id }, createdBy: actor.userId,
  });
  return assessmentHistory(tx, actor, clientId, lang, { audited: true });
}

const LEVEL_FI: Record<Level, string> = {
  'neuvonta-ja-ohjaus': 'neuvonta ja ohjaus',
  asiakasohjaus: 'asiakasohjaus',
  'intensiivinen-palveluohjaus': 'intensiivinen palveluohjaus',
};

export async function assessmentHistory(tx: Tx, actor: Actor, clientId: string, lang: Lang, opts: { audited?: boolean } = {}): Promise<AssessmentHistory> {
  if (!opts.audited) await requireClientAccess(tx, actor, clientId, { action: 'assessment.read', category: 'assessments', resource: 'assessment' });
  const rows = await repo.assessmentsOf(tx, clientId);
  const items: Assessment[] = rows.map((r) => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    profile: { everydayLife: r.everyday_life, resources: r.resources, health: r.health, channel: r.channel, network: r.network, coordination: r.coordination },
    suggestedSegment: r.suggested_segment as Segment,
    suggestedLevel: r.suggested_level as Level,
    segment: r.segment as Segment,
    level: r.level as Level,
    overridden: r.segment !== r.suggested_segment || r.level !== r.suggested_level,
    overrideReason: r.override_reason,
    specialSupportNeed: r.special_support_need,
    notes: r.notes,
    assessedByName: r.display_name,
    assessedByTitle: r.title,
    organizationName: r.organization_name,
  }));
  const latest = items.at(-1);
  const suggestion = latest ? suggest(latest.profile, { specialSupportNeed: latest.specialSupportNeed, lifeSituation: await latestLifeSituation(tx, clientId), lang }) : null;
  return { items, movements: movements(items), suggestion };
}

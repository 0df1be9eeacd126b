/** Use cases of one pupil's absences: record, enrol, steps of the model, survey, status. */
import type { z } from 'zod';
import type { AbsenceStatus, AddAbsenceRequest, EnrolRequest, RecordStepRequest, RecordSurveyRequest } from '../../contracts/absence.contracts.js';
import type { Tx } from '../../db/schema.js';
import type { Sector } from '../catalog/catalog.types.js';
import { AccessDeniedError, requireClientAccess } from '../access/index.js';
import type { Actor } from '../identity/actor.js';
import { SCHOOL_ROLES } from '../identity/roles.js';
import { appendPlanActions, getMeeting } from '../meetings/index.js';
import { getPlan } from '../plans/index.js';
import { recordPathEvent, type PathPhase } from '../path/index.js';
import { AppError, badRequest, conflict, notFound, type Lang } from '../shared/errors.js';
import { authorizePupil, requireSchoolStaff } from './absence.access.js';
import * as repo from './absence.repository.js';
import { ACTIONS, levelRank, schoolYearOf, type AbsenceEvaluation, type AbsenceThresholds } from './absence.rules.js';
import { evaluatePupil, finnishToday, loadPupilYears, recordLevelChange, thresholdsFor, type PupilYear } from './absence.status.js';

const futureDate = () =>
  badRequest('absence_date_in_future', {
    fi: 'Päivämäärä ei voi olla tulevaisuudessa.',
    sv: 'Datumet kan inte vara i framtiden.',
    en: 'The date cannot be in the future.',
  });

/** Records one absence; the level is re-evaluated and a change goes to the pupil's path. */
export async function addAbsence(tx: Tx, actor: Actor, clientId: string, input: z.output<typeof AddAbsenceRequest>, now = new Date()) {
  const enrolment = await authorizePupil(tx, actor, clientId, 'absence.create');
  if (input.date > finnishToday(now)) throw futureDate();
  const schoolYear = schoolYearOf(input.date);
  const thresholds = await thresholdsFor(tx, enrolment.municipality_code);
  const before = evaluatePupil((await loadPupilYears(tx, [clientId], schoolYear)).get(clientId)!, thresholds);
  const [id] = await repo.insertAbsences(tx, [{
    clientId, countyCode: enrolment.county_code, organizationId: enrolment.organization_id, unitId: enrolment.unit_id,
    schoolYear, date: input.date, hours: input.hours, kind: input.kind, note: input.note || null, source: 'manual', importId: null, recordedBy: actor.userId,
  }]);
  const after = evaluatePupil((await loadPupilYears(tx, [clientId], schoolYear)).get(clientId)!, thresholds);
  const levelChanged = await recordLevelChange(tx, actor, { clientId, countyCode: enrolment.county_code, organizationId: enrolment.organization_id }, before.level, after);
  return { id: id!, schoolYear, hours: after.hours, level: after.level, levelChanged };
}

/** The pupil's status in a school year (default: the current one). */
export async function absenceStatus(tx: Tx, actor: Actor, clientId: string, lang: Lang, schoolYear?: string, now = new Date()): Promise<AbsenceStatus> {
  const enrolment = await authorizePupil(tx, actor, clientId, 'absence.read');
  const year = schoolYear ?? schoolYearOf(now);
  const thresholds = await thresholdsFor(tx, enrolment.municipality_code);
  const data = (await loadPupilYears(tx, [clientId], year)).get(clientId)!;
  const [pupil] = await repo.clientBasics(tx, [clientId]);
  const surveys = await repo.surveysOf(tx, clientId, year);
  return {
    ...statusCore(evaluatePupil(data, thresholds), lang),
    clientId,
    pupilName: `${pupil!.first_name} ${pupil!.last_name}`,
    school: { unitId: enrolment.unit_id, name: enrolment.unit_name, className: enrolment.class_name },
    schoolYear: year,
    thresholds: thresholdsOut(thresholds),
    absences: data.absences.map((a) => ({ id: a.id, date: a.date, hours: a.hours, kind: a.kind, note: a.note, source: a.source })),
    steps: data.steps.map(stepOut),
    surveys: surveys.map((s) => ({
      id: s.id, instrument: s.instrument, doneOn: s.done_on, summary: s.summary,
      scores: { negativeAffect: Number(s.negative_affect), socialEvaluative: Number(s.social_evaluative), attention: Number(s.attention), tangible: Number(s.tangible) },
    })),
  };
}

export function statusCore(e: AbsenceEvaluation, lang: Lang) {
  return {
    hours: e.hours,
    level: e.level,
    hoursByKind: e.hoursByKind,
    worryingHours: e.worryingHours,
    requiredActions: e.requiredActions.map((a) => ({
      code: a.code, done: a.done, level: a.level, missing: a.missing, description: a.description[lang], responsibleRole: a.responsibleRole,
    })),
    nextStep: e.nextStep?.code ?? null,
    surveySuggested: e.suggestions.length > 0,
  };
}

export const thresholdsOut = (t: AbsenceThresholds) => ({
  concernHours: t.concernHours, level1Hours: t.level1Hours, level2Hours: t.level2Hours, level3Hours: t.level3Hours,
  countKinds: [...t.countKinds], concernKinds: [...t.concernKinds],
});

export function stepOut(s: PupilYear['steps'][number]) {
  return {
    id: s.id, code: s.code, doneOn: s.done_on, followUpDate: s.follow_up_date, responsiblePerson: s.responsible_person,
    participants: s.participants, agreed: s.agreed, supportMeasures: s.support_measures, meetingId: s.meeting_id, planActionId: s.plan_action_id,
    concernId: s.concern_id, recordedByName: s.recorded_by_name,
  };
}

/**
 * Enrols a pupil in a school unit the actor works in, e.g. right after a teacher registered the
 * pupil with POST /clients. Moving school ends the earlier enrolment.
 */
export async function enrolPupil(tx: Tx, actor: Actor, clientId: string, input: z.output<typeof EnrolRequest>, now = new Date()) {
  if (!SCHOOL_ROLES.includes(actor.role)) throw notFound();
  const unit = await requireSchoolStaff(tx, actor, input.unitId ?? actor.unitId ?? '');
  // A county's student welfare unit is not a school; pupils are enrolled in schools only. The refusal
  // is audited like every refused access to a client.
  if (unit.sector === 'wellbeing-county') throw new AccessDeniedError(actor, clientId, { action: 'pupil.enrol', category: 'school', resource: 'enrolment' });
  await requireClientAccess(tx, actor, clientId, { action: 'pupil.enrol', category: 'school', resource: 'enrolment' });
  const startedOn = input.startedOn ?? finnishToday(now);
  const current = await repo.activeEnrolment(tx, clientId);
  if (current?.unit_id === unit.id) {
    throw conflict('already_enrolled', { fi: 'Oppilas on jo tämän koulun oppilas.', sv: 'Eleven går redan i den här skolan.', en: 'The pupil is already enrolled in this school.' });
  }
  if (input.pupilNumber && (await repo.pupilNumberTaken(tx, unit.id, input.pupilNumber))) {
    throw conflict('pupil_number_taken', { fi: 'Oppilasnumero on jo toisella oppilaalla.', sv: 'Elevnumret används redan.', en: 'The pupil number is already in use.' });
  }
  if (current) await repo.endEnrolment(tx, current.id, startedOn);
  const id = await repo.insertEnrolment(tx, {
    clientId, countyCode: unit.county_code, organizationId: unit.organization_id, unitId: unit.id,
    className: input.className || null, pupilNumber: input.pupilNumber || null, startedOn, createdBy: actor.userId,
  });
  await recordPathEvent(tx, {
    clientId, countyCode: unit.county_code, organizationId: unit.organization_id, phase: 'services', kind: 'school-enrolment',
    title: `Koulunkäynti alkoi: ${unit.name}`, sectors: ['municipality'], createdBy: actor.userId, ref: { type: 'pupil-enrolment', id },
  });
  return { id, unitId: unit.id, unitName: unit.name };
}

const STEP_PATH: Record<string, { phase: PathPhase; sectors: Sector[]; title: string }> = {
  'discuss-with-guardians': { phase: 'concern', sectors: ['municipality'], title: 'Huoli poissaoloista otettu puheeksi oppilaan ja huoltajien kanssa' },
  'school-meeting': { phase: 'assessment', sectors: ['municipality', 'wellbeing-county'], title: 'Poissaolopalaveri koulussa: tukitoimet ja seuranta sovittu' },
  'multi-agency-meeting': { phase: 'assessment', sectors: ['municipality', 'wellbeing-county'], title: 'Monitoimijainen palaveri poissaoloista' },
  'social-welfare-notification': { phase: 'concern', sectors: ['municipality', 'wellbeing-county'], title: 'Yhteydenotto sosiaalihuoltoon poissaolojen vuoksi' },
};

const MISSING_AGREEMENT = {
  fi: 'Kirjaa sovittu seurantapalaverin päivä ja oppilaan asioiden vastuuhenkilö.',
  sv: 'Ange det avtalade datumet för uppföljningsmötet och ansvarspersonen för elevens ärenden.',
  en: 'Record the agreed follow-up meeting date and the person responsible for the pupil’s matters.',
};

/** Records a step of the model as taken, with the agreed follow-up date and responsible person. */
export async function recordStep(
  tx: Tx, actor: Actor, clientId: string, input: z.output<typeof RecordStepRequest> & { concernId?: string | null }, now = new Date(),
): Promise<string> {
  const enrolment = await authorizePupil(tx, actor, clientId, 'absence-step.create');
  if (input.doneOn > finnishToday(now)) throw futureDate();
  const def = ACTIONS.find((a) => a.code === input.code)!;
  if (def.agreements.length > 0 && (!input.followUpDate || !input.responsiblePerson)) throw badRequest('step_agreement_missing', MISSING_AGREEMENT);
  if (input.followUpDate && input.followUpDate < input.doneOn) {
    throw badRequest('follow_up_before_step', {
      fi: 'Seurantapalaverin päivä ei voi olla ennen tätä askelta.', sv: 'Uppföljningsmötet kan inte vara före detta steg.', en: 'The follow-up meeting cannot be before this step.',
    });
  }
  if (input.meetingId) {
    // The meetings module decides whether the actor may see the meeting (404 otherwise).
    const meeting = await getMeeting(tx, actor, input.meetingId);
    if (meeting.clientId !== clientId) throw notFound();
  }
  const planActionId = await stepPlanAction(tx, actor, clientId, input, enrolment.organization_id);
  const schoolYear = schoolYearOf(input.doneOn);
  const thresholds = await thresholdsFor(tx, enrolment.municipality_code);
  const before = evaluatePupil((await loadPupilYears(tx, [clientId], schoolYear)).get(clientId)!, thresholds);
  const id = await repo.insertStep(tx, {
    clientId, countyCode: enrolment.county_code, organizationId: enrolment.organization_id, unitId: enrolment.unit_id, schoolYear,
    code: input.code, doneOn: input.doneOn, followUpDate: input.followUpDate ?? null, responsiblePerson: input.responsiblePerson || null,
    participants: input.participants || null, agreed: input.agreed || null, supportMeasures: input.supportMeasures || null,
    meetingId: input.meetingId ?? null, concernId: input.concernId ?? null, planActionId, recordedBy: actor.userId,
  });
  // The notification step is recorded on the path by the concerns module itself.
  if (!input.concernId) {
    const p = STEP_PATH[input.code]!;
    await recordPathEvent(tx, {
      clientId, countyCode: enrolment.county_code, organizationId: enrolment.organization_id, phase: p.phase, kind: 'absence-step', at: `${input.doneOn}T12:00:00Z`,
      title: p.title,
      description: [input.agreed, input.followUpDate ? `Seurantapalaveri ${input.followUpDate}, vastuuhenkilö ${input.responsiblePerson}.` : null].filter(Boolean).join(' ') || null,
      sectors: p.sectors, ref: input.meetingId ? { type: 'meeting', id: input.meetingId } : { type: 'absence-step', id }, createdBy: actor.userId,
    });
  }
  const after = evaluatePupil((await loadPupilYears(tx, [clientId], schoolYear)).get(clientId)!, thresholds);
  await recordLevelChange(tx, actor, { clientId, countyCode: enrolment.county_code, organizationId: enrolment.organization_id }, before.level, after);
  return id;
}

/**
 * The plan side of a step: link to an existing action of the pupil's plan, or add the step to the
 * plan as a new action (the plans module's updatePlan: a new version with who and when). Reading
 * or changing the plan needs the plan category and a plan editor's role; otherwise 404 / 403.
 */
async function stepPlanAction(
  tx: Tx, actor: Actor, clientId: string, input: z.output<typeof RecordStepRequest>, schoolOrganizationId: string,
): Promise<string | null> {
  if (input.planActionId && input.addToPlan) {
    throw badRequest('plan_action_twice', {
      fi: 'Valitse joko olemassa oleva suunnitelman toimenpide tai uusi toimenpide, ei molempia.',
      sv: 'Välj antingen en befintlig åtgärd i planen eller en ny åtgärd, inte båda.',
      en: 'Choose either an existing plan action or a new one, not both.',
    });
  }
  if (input.planActionId) {
    const plan = await getPlan(tx, actor, clientId);
    if (!plan.actions.some((a) => a.id === input.planActionId)) throw notFound();
    return input.planActionId;
  }
  if (!input.addToPlan) return null;
  const def = ACTIONS.find((a) => a.code === input.code)!;
  const title = `${STEP_PATH[input.code]!.title}${input.agreed ? `: ${input.agreed}` : ''}`.slice(0, 300);
  const { actionIds } = await appendPlanActions(tx, actor, clientId, [{
    title,
    due: input.followUpDate ?? input.doneOn,
    responsible: { kind: 'organization', organizationId: schoolOrganizationId, userId: null, name: input.responsiblePerson || null },
    indicator: def.description.fi.slice(0, 1000),
  }]);
  return actionIds[0]!;
}

/** Attaches the optional school-absence survey (Kearney SRAS-R), recommended after 30 hours. */
export async function recordSurvey(tx: Tx, actor: Actor, clientId: string, input: z.output<typeof RecordSurveyRequest>, now = new Date()) {
  const enrolment = await authorizePupil(tx, actor, clientId, 'absence-survey.create');
  if (input.doneOn > finnishToday(now)) throw futureDate();
  const schoolYear = schoolYearOf(input.doneOn);
  const thresholds = await thresholdsFor(tx, enrolment.municipality_code);
  const e = evaluatePupil((await loadPupilYears(tx, [clientId], schoolYear)).get(clientId)!, thresholds);
  if (levelRank(e.level) < levelRank('over30')) {
    throw new AppError(409, 'survey_before_30h', {
      fi: `Koulupoissaolokysely liitetään, kun poissaoloja on yli ${thresholds.level1Hours} tuntia.`,
      sv: `Enkäten om skolfrånvaro bifogas när frånvaron är över ${thresholds.level1Hours} timmar.`,
      en: `The school absence survey is attached when absences exceed ${thresholds.level1Hours} hours.`,
    });
  }
  const id = await repo.insertSurvey(tx, {
    clientId, countyCode: enrolment.county_code, organizationId: enrolment.organization_id, schoolYear,
    doneOn: input.doneOn, scores: input.scores, summary: input.summary || null, recordedBy: actor.userId,
  });
  await recordPathEvent(tx, {
    clientId, countyCode: enrolment.county_code, organizationId: enrolment.organization_id, phase: 'assessment', kind: 'absence-survey',
    title: 'Koulupoissaolokysely (SRAS-R, Kearney) tehty', description: input.summary || null, sectors: ['municipality', 'wellbeing-county'],
    ref: { type: 'absence-survey', id }, createdBy: actor.userId,
  });
  return { id };
}

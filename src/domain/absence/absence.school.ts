/** The school's and the municipality's views: welfare-group overview, limits admin, guardians' view. */
import type { z } from 'zod';
import type { ThresholdsRequest, WelfareOverview } from '../../contracts/absence.contracts.js';
import type { Tx } from '../../db/schema.js';
import { requireClientAccess } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { isChild } from '../clients/index.js';
import type { Actor } from '../identity/actor.js';
import { AppError, forbidden, notFound, type Lang } from '../shared/errors.js';
import { requireSchoolStaff, staffUnits } from './absence.access.js';
import * as repo from './absence.repository.js';
import { ABSENCE_LEVELS, InvalidThresholdsError, levelRank, mergeThresholds, schoolYearOf, type AbsenceLevel } from './absence.rules.js';
import { statusCore, thresholdsOut } from './absence.service.js';
import { evaluatePupil, finnishToday, loadPupilYears, thresholdsFor } from './absence.status.js';

/** Schools the actor serves, for choosing the welfare-group view. */
export async function mySchools(tx: Tx, actor: Actor) {
  const items = [];
  for (const id of await staffUnits(tx, actor)) {
    const unit = await repo.getUnit(tx, id);
    // The county's own student welfare unit is a workplace, not a school.
    if (unit && unit.sector !== 'wellbeing-county') items.push({ unitId: unit.id, name: unit.name });
  }
  return { items };
}

/**
 * The student welfare group's view of one school (oppilashuoltoryhmä): pupils by level, the steps
 * still missing and the agreed follow-up meetings ahead. Each pupil shown is audit-logged.
 */
export async function welfareOverview(tx: Tx, actor: Actor, unitId: string, schoolYear?: string, now = new Date()): Promise<WelfareOverview> {
  const unit = await requireSchoolStaff(tx, actor, unitId);
  const year = schoolYear ?? schoolYearOf(now);
  const today = finnishToday(now);
  const thresholds = await thresholdsFor(tx, unit.municipality_code);
  const enrolments = await repo.enrolmentsOfUnit(tx, unit.id);
  const ids = enrolments.map((e) => e.client_id);
  const [years, people] = [await loadPupilYears(tx, ids, year), new Map((await repo.clientBasics(tx, ids)).map((p) => [p.id, p]))];
  const counts = Object.fromEntries(ABSENCE_LEVELS.map((l) => [l, 0])) as Record<AbsenceLevel, number>;
  const upcoming: WelfareOverview['upcomingFollowUps'] = [];
  const pupils: WelfareOverview['pupils'] = [];
  for (const e of enrolments) {
    const data = years.get(e.client_id)!;
    const ev = evaluatePupil(data, thresholds);
    const p = people.get(e.client_id)!;
    const name = `${p.first_name} ${p.last_name}`;
    counts[ev.level] += 1;
    const ahead = data.steps
      .filter((s) => s.follow_up_date && s.follow_up_date >= today)
      .map((s) => ({ clientId: e.client_id, name, date: s.follow_up_date!, responsiblePerson: s.responsible_person, code: s.code }))
      .sort((a, b) => a.date.localeCompare(b.date));
    upcoming.push(...ahead);
    pupils.push({
      clientId: e.client_id, name, className: e.class_name, hours: ev.hours, hoursByKind: ev.hoursByKind, level: ev.level,
      missingActions: ev.requiredActions.filter((a) => !a.done).map((a) => a.code),
      nextFollowUp: ahead[0] ? { date: ahead[0].date, responsiblePerson: ahead[0].responsiblePerson, code: ahead[0].code } : null,
    });
    await recordAudit(tx, actor, {
      action: 'absence.overview-read', clientId: e.client_id, resource: 'absence', resourceId: unit.id, basis: 'school-enrolment', allowed: true,
    });
  }
  pupils.sort((a, b) => levelRank(b.level) - levelRank(a.level) || b.hours - a.hours || a.name.localeCompare(b.name, 'fi'));
  upcoming.sort((a, b) => a.date.localeCompare(b.date));
  const group = await repo.welfareGroupOf(tx, unit.id);
  return {
    unitId: unit.id, schoolName: unit.name, schoolYear: year, thresholds: thresholdsOut(thresholds), counts, pupils,
    upcomingFollowUps: upcoming.slice(0, 50), welfareGroup: group.map((g) => ({ name: g.display_name, title: g.title })),
  };
}

// ---------------------------------------------------------------- municipality limits

async function requireMunicipality(tx: Tx, code: string) {
  const m = await repo.municipality(tx, code);
  if (!m) throw notFound();
  return m;
}

export async function getThresholds(tx: Tx, code: string) {
  const m = await requireMunicipality(tx, code);
  const own = await repo.thresholdsOf(tx, code);
  return { municipalityCode: m.code, municipalityName: m.name_fi, own: !!own, thresholds: thresholdsOut(mergeThresholds(own)) };
}

/** A municipality's own limits; set by an administrator of the wellbeing county the municipality belongs to. */
export async function setThresholds(tx: Tx, actor: Actor, code: string, input: z.output<typeof ThresholdsRequest>, lang: Lang) {
  const m = await requireMunicipality(tx, code);
  if (actor.role !== 'admin' || m.county_code !== actor.countyCode) throw forbidden();
  let merged;
  try {
    merged = mergeThresholds(input);
  } catch (e) {
    if (!(e instanceof InvalidThresholdsError)) throw e;
    const sentence = (l: Lang) => e.problems.map((p) => p.message[l]).join(' ');
    throw new AppError(422, 'invalid_thresholds', { fi: sentence('fi'), sv: sentence('sv'), en: sentence('en') }, {
      problems: e.problems.map((p) => ({ field: p.field, code: p.code, message: p.message[lang] })),
    });
  }
  await repo.upsertThresholds(tx, { municipalityCode: code, countyCode: actor.countyCode, organizationId: actor.organizationId, updatedBy: actor.userId }, merged);
  await recordAudit(tx, actor, { action: 'absence-thresholds.update', resource: 'absence-thresholds', resourceId: code, allowed: true, basis: 'admin', details: { ...thresholdsOut(merged) } });
  return getThresholds(tx, code);
}

export async function resetThresholds(tx: Tx, actor: Actor, code: string) {
  const m = await requireMunicipality(tx, code);
  if (actor.role !== 'admin' || m.county_code !== actor.countyCode) throw forbidden();
  await repo.deleteThresholds(tx, code);
  await recordAudit(tx, actor, { action: 'absence-thresholds.reset', resource: 'absence-thresholds', resourceId: code, allowed: true, basis: 'admin' });
  return getThresholds(tx, code);
}

// ---------------------------------------------------------------- guardians

/**
 * The guardian's view in the portal: each under-age child of whom the logged-in client is a
 * recorded guardian (client_close_ones.is_guardian), with the level and the agreed steps.
 */
export async function guardianChildrenStatus(tx: Tx, actor: Actor, lang: Lang, schoolYear?: string, now = new Date()) {
  if (actor.role !== 'client' || !actor.clientId) throw notFound();
  const year = schoolYear ?? schoolYearOf(now);
  const ids = await repo.childrenOfGuardian(tx, actor.clientId);
  const children = (await repo.clientBasics(tx, ids)).filter((c) => isChild(c.birth_date, now));
  const years = await loadPupilYears(tx, children.map((c) => c.id), year);
  const items = [];
  for (const c of children) {
    const enrolment = await repo.activeEnrolment(tx, c.id);
    const thresholds = await thresholdsFor(tx, enrolment?.municipality_code ?? null);
    const data = years.get(c.id)!;
    const core = statusCore(evaluatePupil(data, thresholds), lang);
    await requireClientAccess(tx, actor, c.id, { action: 'absence.guardian-read', category: 'school', resource: 'absence' }); // basis 'guardian'
    items.push({
      clientId: c.id, name: `${c.first_name} ${c.last_name}`, school: enrolment?.unit_name ?? null, schoolYear: year,
      hours: core.hours, hoursByKind: core.hoursByKind, level: core.level,
      requiredActions: core.requiredActions.map((a) => ({ code: a.code, done: a.done, description: a.description })),
      agreedSteps: data.steps.map((s) => ({ code: s.code, doneOn: s.done_on, followUpDate: s.follow_up_date, responsiblePerson: s.responsible_person, agreed: s.agreed })),
    });
  }
  return { items };
}

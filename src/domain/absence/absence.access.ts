/**
 * Who may see and record a pupil's absences: the staff of the pupil's own school (teacher,
 * student welfare, school nurse in that school unit) and the county's student welfare staff
 * assigned to that school (school_welfare_staff). Everyone else gets a 404, like a missing pupil.
 *
 * On top of that module rule, the access decision itself is requireClientAccess (category
 * 'school'), which resolves the 'school-enrolment' basis (Pupil and Student Welfare Act 1287/2013
 * § 23) in resolveAccess for a school's staff without a client relationship, and audits it.
 */
import type { Tx } from '../../db/schema.js';
import { AccessDeniedError, isUuid, requireClientAccess } from '../access/index.js';
import type { Actor } from '../identity/actor.js';
import { SCHOOL_ROLES } from '../identity/roles.js';
import { notFound } from '../shared/errors.js';
import * as repo from './absence.repository.js';

/** The school units the actor works in as school staff or as assigned student welfare staff. */
export async function staffUnits(tx: Tx, actor: Actor): Promise<string[]> {
  if (!SCHOOL_ROLES.includes(actor.role)) return [];
  const units = await repo.welfareStaffUnits(tx, actor.userId);
  if (actor.unitId) units.push(actor.unitId);
  return [...new Set(units)];
}

export async function requireSchoolStaff(tx: Tx, actor: Actor, unitId: string): Promise<repo.UnitRow> {
  const unit = isUuid(unitId) ? await repo.getUnit(tx, unitId) : undefined;
  if (!unit || !(await staffUnits(tx, actor)).includes(unit.id)) throw notFound();
  return unit;
}

/** The access check of every pupil read or write in this module; returns the active enrolment. */
export async function authorizePupil(tx: Tx, actor: Actor, clientId: string, action: string): Promise<repo.EnrolmentRow> {
  const request = { action, category: 'school' as const, resource: 'absence' };
  if (!isUuid(clientId)) throw new AccessDeniedError(actor, clientId, request);
  const enrolment = await repo.activeEnrolment(tx, clientId);
  if (!enrolment || !(await staffUnits(tx, actor)).includes(enrolment.unit_id)) throw new AccessDeniedError(actor, clientId, request);
  await requireClientAccess(tx, actor, clientId, { ...request, resourceId: enrolment.id });
  return enrolment;
}

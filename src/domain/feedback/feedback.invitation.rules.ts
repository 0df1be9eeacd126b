import type { Role } from '../identity/roles.js';
import { isProfessional } from '../identity/roles.js';
import type { QuestionnaireId, Respondent } from './questionnaires.types.js';

/** How long after a meeting or an ending the client is asked for feedback. */
export const INVITATION_DAYS = 60;

/**
 * Which part of the model the client's feedback is about: the NGO-led guidance when an NGO held
 * the relationship, intensive guidance at that level, otherwise preventive guidance and early support.
 */
export function questionnaireFor(sector: string, level: string | null): QuestionnaireId {
  if (sector === 'ngo') return 'ngo';
  if (level === 'intensiivinen-palveluohjaus') return 'intensive';
  return 'preventive';
}

/** Clients rate the encounter, professionals assess themselves, managers the structures; admins do not answer. */
export function respondentFor(role: Role): Respondent | null {
  if (role === 'client') return 'client';
  if (role === 'manager') return 'manager';
  return isProfessional(role) ? 'professional' : null;
}

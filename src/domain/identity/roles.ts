import { PROFESSIONAL_ROLES, ROLES, type Role } from '../../contracts/auth.contracts.js';

export { PROFESSIONAL_ROLES, ROLES, type Role };
export type ProfessionalRole = (typeof PROFESSIONAL_ROLES)[number];

export function isProfessional(role: Role): role is ProfessionalRole {
  return (PROFESSIONAL_ROLES as readonly string[]).includes(role);
}
export const SCHOOL_ROLES: readonly Role[] = ['teacher', 'student-welfare', 'school-nurse'];

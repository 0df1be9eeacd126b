/** Roles of Polku users. A professional always acts for one organisation. */
export const PROFESSIONAL_ROLES = [
  'client-counsellor', // asiakasohjaaja
  'social-worker', // sosiaalityöntekijä (only role that assesses special support need)
  'social-instructor', // sosiaaliohjaaja
  'case-manager', // asiakasvastaava
  'work-ability-coordinator', // työkykykoordinaattori
  'employment-coach', // omavalmentaja
  'teacher', // opettaja
  'student-welfare', // kuraattori, koulupsykologi
  'school-nurse', // kouluterveydenhoitaja
  'ngo-worker', // järjestötyöntekijä
] as const;
export const ROLES = [...PROFESSIONAL_ROLES, 'manager', 'admin', 'client'] as const;
export type Role = (typeof ROLES)[number];
export type ProfessionalRole = (typeof PROFESSIONAL_ROLES)[number];

export function isProfessional(role: Role): role is ProfessionalRole {
  return (PROFESSIONAL_ROLES as readonly string[]).includes(role);
}
export const SCHOOL_ROLES: readonly Role[] = ['teacher', 'student-welfare', 'school-nurse'];

import type { ComponentType } from 'react';
import { PROFESSIONAL_ROLES, type Role } from '../api/auth.api.js';

/**
 * The professional modules of Polku: one entry = one side-navigation item, one route
 * (`path` and everything under it) and one feature folder `src/web/features/<key>/`
 * whose page is loaded only when opened. To add a module, add a folder with
 * `<key>.page.tsx` (default export) and `locales.ts`, add the entry here and a
 * `nav.<key>` label to app/locales.ts.
 */
export interface ProfessionalModule {
  key: string;
  path: string; // Finnish URLs: users read and share them
  roles: readonly Role[];
  load: () => Promise<{ default: ComponentType }>;
}

const SOCIAL_ROLES: readonly Role[] = ['social-worker', 'social-instructor'];
const SCHOOL_ROLES: readonly Role[] = ['teacher', 'student-welfare', 'school-nurse'];
const WORKERS = PROFESSIONAL_ROLES;
// Teachers follow their pupils in the school module; they hold no client relationships.
const CLIENT_WORKERS = PROFESSIONAL_ROLES.filter((role) => role !== 'teacher');

export const PROFESSIONAL_MODULES: readonly ProfessionalModule[] = [
  { key: 'today', path: '/tanaan', roles: [...WORKERS, 'manager'], load: () => import('../features/today/today.page.js') },
  { key: 'clients', path: '/asiakkaat', roles: CLIENT_WORKERS, load: () => import('../features/clients/clients.page.js') },
  { key: 'catalog', path: '/palvelutarjotin', roles: [...WORKERS, 'manager', 'admin'], load: () => import('../features/catalog/catalog.page.js') },
  { key: 'referrals', path: '/lahetteet', roles: WORKERS, load: () => import('../features/referrals/referrals.page.js') },
  { key: 'meetings', path: '/verkostopalaverit', roles: WORKERS, load: () => import('../features/meetings/meetings.page.js') },
  { key: 'school', path: '/koulupoissaolot', roles: [...SCHOOL_ROLES, ...SOCIAL_ROLES], load: () => import('../features/school/school.page.js') },
  { key: 'reports', path: '/raportit', roles: ['manager', 'admin'], load: () => import('../features/reports/reports.page.js') },
  { key: 'supervision', path: '/valvonta', roles: ['manager', 'admin'], load: () => import('../features/supervision/supervision.page.js') },
  { key: 'followupSettings', path: '/seurannan-asetukset', roles: ['manager', 'admin'], load: () => import('../features/today/followup-settings.page.js') },
  { key: 'admin', path: '/yllapito', roles: ['admin'], load: () => import('../features/admin/admin.page.js') },
];

export const PORTAL_PATH = '/oma-polku';
export const PUBLIC_CATALOG_PATH = '/palvelut';

export function modulesFor(role: Role): ProfessionalModule[] {
  return PROFESSIONAL_MODULES.filter((module) => module.roles.includes(role));
}

/** Where a user lands after login or when opening `/`. */
export function homePathFor(role: Role): string {
  if (role === 'client') return PORTAL_PATH;
  return modulesFor(role)[0]?.path ?? '/';
}

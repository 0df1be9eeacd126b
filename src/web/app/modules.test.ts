import { describe, expect, test } from 'vitest';
import { ROLES, type Role } from '../api/auth.api.js';
import { commonLocales } from './locales.js';
import { homePathFor, modulesFor, PORTAL_PATH, PROFESSIONAL_MODULES } from './modules.js';

const keysFor = (role: Role) => modulesFor(role).map((module) => module.key);

describe('professional modules', () => {
  test('reports are shown only to managers and admins', () => {
    const withReports = ROLES.filter((role) => keysFor(role).includes('reports'));
    expect(withReports).toEqual(['manager', 'admin']);
  });

  test('school absences are shown to school staff and social workers, not to NGO workers', () => {
    for (const role of ['teacher', 'student-welfare', 'school-nurse', 'social-worker', 'social-instructor'] as const) {
      expect(keysFor(role)).toContain('school');
    }
    expect(keysFor('ngo-worker')).not.toContain('school');
  });

  test('a client gets no professional module and lands in Oma polku', () => {
    expect(modulesFor('client')).toEqual([]);
    expect(homePathFor('client')).toBe(PORTAL_PATH);
  });

  test('every professional role lands on the first module it may open', () => {
    for (const role of ROLES.filter((r) => r !== 'client')) {
      expect(homePathFor(role)).toBe(modulesFor(role)[0]?.path);
    }
  });

  test('every module has a navigation label in Finnish, Swedish and English', () => {
    for (const module of PROFESSIONAL_MODULES) {
      for (const texts of Object.values(commonLocales)) {
        expect(texts.nav[module.key as keyof typeof texts.nav]).toBeTruthy();
      }
    }
  });
});

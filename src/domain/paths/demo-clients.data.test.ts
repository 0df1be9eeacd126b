import { describe, expect, it } from 'vitest';
import { SECTORS, SEGMENTS, type Sector } from '../catalog/catalog.types.js';
import { DEMO_ORGANIZATIONS } from '../../db/demo/organizations.js';
import { DEMO_USERS } from '../../db/demo/users.js';
import {
  DATA_CATEGORIES,
  DEMO_CLIENTS,
  DEMO_PERSONS,
  DEMO_TODAY,
  GUIDANCE_LEVELS,
  PATH_PHASES,
  REFERRAL_STATUSES,
  SELF_ASSESSMENT_KEYS,
  type DemoClient,
} from './demo-clients.data.js';

const SEED_AGES: Record<string, number> = {
  eero: 45,
  anni: 80,
  mohammed: 15,
  saara: 23,
  petri: 53,
  mari: 20,
  jaakko: 45,
  tiina: 55,
  nadina: 35,
};
/** Municipalities of Keski-Uudenmaan hyvinvointialue (county 02). */
const KEUSOTE_MUNICIPALITIES = ['106', '186', '505', '543', '611', '858'];
const LETTER_TO_SECTOR: Record<string, Sector> = {
  K: 'municipality',
  M: 'wellbeing-county',
  KS: 'ngo',
  YS: 'private',
  KE: 'kela',
  V: 'state',
  TE: 'state',
  ESH: 'specialist-care',
  HUS: 'specialist-care',
};

const orgByKey = new Map(DEMO_ORGANIZATIONS.map((o) => [o.key, o]));
const userByName = new Map(DEMO_USERS.map((u) => [u.username, u]));

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
function isIsoDateTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/.exec(s);
  return m !== null && isIsoDate(m[1]!);
}
function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
function expectOrg(key: string | undefined, unitKey?: string): void {
  if (key === undefined) return;
  const org = orgByKey.get(key);
  expect(org, `organisation ${key}`).toBeDefined();
  if (unitKey !== undefined) expect(org!.units.map((u) => u.key), `unit ${key}/${unitKey}`).toContain(unitKey);
}
function expectUser(username: string | undefined): void {
  if (username === undefined) return;
  expect(userByName.has(username), `user ${username}`).toBe(true);
}

/** Every string under a date-like key, with its path, for the ISO check. */
const DATE_KEYS = new Set(['at', 'from', 'until', 'due', 'startsAt', 'startedAt', 'endedAt', 'birthDate', 'date', 'reviewDate', 'createdAt', 'updatedAt']);
function collectDates(value: unknown, path: string, out: { path: string; value: string }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => collectDates(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (DATE_KEYS.has(k) && typeof v === 'string') out.push({ path: `${path}.${k}`, value: v });
      else collectDates(v, `${path}.${k}`, out);
    }
  }
}

describe('DEMO_CLIENTS', () => {
  it('has the nine seed clients once each', () => {
    expect(DEMO_CLIENTS.map((c) => c.key).sort()).toEqual(Object.keys(SEED_AGES).sort());
    const personKeys = DEMO_PERSONS.map((p) => p.key);
    expect(new Set(personKeys).size).toBe(personKeys.length);
  });

  it('ages on DEMO_TODAY match the seeds', () => {
    for (const c of DEMO_CLIENTS) {
      expect(c.seedAge, c.key).toBe(SEED_AGES[c.key]);
      expect(ageOn(c.person.birthDate, DEMO_TODAY), c.key).toBe(SEED_AGES[c.key]);
    }
  });

  it('every date is a valid ISO date and meeting times are valid ISO date-times', () => {
    for (const c of DEMO_CLIENTS) {
      const dates: { path: string; value: string }[] = [];
      collectDates({ ...c, meetings: [] }, c.key, dates);
      for (const m of c.meetings) {
        expect(isIsoDateTime(m.at), `${c.key} meeting ${m.at}`).toBe(true);
        collectDates({ decisions: m.decisions }, `${c.key}.meeting`, dates);
      }
      expect(dates.length).toBeGreaterThan(20);
      for (const d of dates) expect(isIsoDate(d.value), `${d.path} = ${d.value}`).toBe(true);
    }
  });

  it('persons live in Keusote municipalities; logins of Eero and Anni match users.ts', () => {
    for (const p of DEMO_PERSONS) {
      expect(KEUSOTE_MUNICIPALITIES, p.key).toContain(p.municipalityCode);
      expect(p.language).toMatch(/^[a-z]{2}$/);
      expect(p.nonDisclosure, `${p.key}: no seed describes a turvakielto`).toBe(false);
    }
    for (const c of DEMO_CLIENTS.filter((x) => x.loginUsername)) {
      const u = userByName.get(c.loginUsername!);
      expect(u?.role).toBe('client');
      expect(u?.clientKey).toBe(c.key);
      expect(u?.displayName).toBe(`${c.person.firstName} ${c.person.lastName}`);
    }
    for (const u of DEMO_USERS.filter((x) => x.role === 'client')) {
      expect(DEMO_CLIENTS.find((c) => c.key === u.clientKey)?.loginUsername).toBe(u.username);
    }
  });

  it("Mohammed's family members are persons linked as close ones, the parents are guardians", () => {
    const m = DEMO_CLIENTS.find((c) => c.key === 'mohammed')!;
    expect(m.family.length).toBeGreaterThanOrEqual(3);
    const guardians = m.family.filter((f) => f.isGuardian);
    expect(guardians.map((g) => g.relation).sort()).toEqual(['father', 'mother']);
    expect(m.family.some((f) => f.relation === 'sibling')).toBe(true);
    for (const f of m.family) {
      const close = m.person.closeOnes.find((o) => o.personKey === f.person.key);
      expect(close, f.person.key).toBeDefined();
      expect(close!.isGuardian).toBe(f.isGuardian);
      expect(f.person.interpreterNeeded).toBe(true);
    }
    expect(m.person.interpreterNeeded).toBe(true);
  });

  describe.each(DEMO_CLIENTS.map((c) => [c.key, c] as [string, DemoClient]))('%s', (_key, c) => {
    it('has path steps in every phase, phases and dates in order', () => {
      expect(c.path.length).toBeGreaterThanOrEqual(c.seed === '000' ? 11 : 8);
      for (const phase of PATH_PHASES) expect(c.path.some((s) => s.phase === phase), phase).toBe(true);
      for (let i = 1; i < c.path.length; i++) {
        const prev = c.path[i - 1]!;
        const cur = c.path[i]!;
        expect(PATH_PHASES.indexOf(cur.phase), `${cur.title}`).toBeGreaterThanOrEqual(PATH_PHASES.indexOf(prev.phase));
        expect(cur.at >= prev.at, `${prev.at} ${prev.title} → ${cur.at} ${cur.title}`).toBe(true);
      }
    });

    it('is alive on DEMO_TODAY: history behind, plans ahead', () => {
      expect(c.path.some((s) => s.status === 'done')).toBe(true);
      expect(c.path.some((s) => s.status === 'planned')).toBe(true);
      for (const s of c.path) {
        if (s.status === 'planned') expect(s.at > DEMO_TODAY, s.title).toBe(true);
        else expect(s.at <= DEMO_TODAY, s.title).toBe(true);
      }
      expect(c.concern.at <= DEMO_TODAY).toBe(true);
      expect(c.plan.reviewDate > DEMO_TODAY).toBe(true);
      for (const a of c.plan.actions) {
        expect(a.startsAt <= a.due, a.title).toBe(true);
        if (a.status === 'done' || a.status === 'not-done') expect(a.startsAt <= DEMO_TODAY, a.title).toBe(true);
        if (a.status === 'in-progress') expect(a.startsAt <= DEMO_TODAY, a.title).toBe(true);
        if (a.status === 'planned') expect(a.due >= DEMO_TODAY, a.title).toBe(true);
      }
      expect(c.tasks.some((t) => t.status === 'open')).toBe(true);
      for (const m of c.meetings) {
        if (m.status === 'held') {
          expect(m.at.slice(0, 10) <= DEMO_TODAY).toBe(true);
          expect(m.minutesSummary.length).toBeGreaterThan(0);
        } else {
          expect(m.at.slice(0, 10) > DEMO_TODAY).toBe(true);
          expect(m.decisions).toEqual([]);
        }
      }
    });

    it('uses valid sectors, and for seed 000 the seed letters', () => {
      for (const s of c.path) {
        expect(s.sectors.length, s.title).toBeGreaterThan(0);
        expect(new Set(s.sectors).size, s.title).toBe(s.sectors.length);
        for (const sector of s.sectors) expect(SECTORS, s.title).toContain(sector);
        if (c.seed === '000') {
          expect(s.seedSectors, s.title).toBeDefined();
          for (const letter of s.seedSectors!.split(' ')) {
            expect(LETTER_TO_SECTOR[letter], `${s.title}: ${letter}`).toBeDefined();
            expect(s.sectors, `${s.title}: ${letter}`).toContain(LETTER_TO_SECTOR[letter]);
          }
        }
        for (const key of s.organizationKeys) expectOrg(key);
      }
      expect(SECTORS).toContain(c.concern.noticedBy.sector);
    });

    it('refers only to existing organisations, units and users', () => {
      for (const r of c.relationships) {
        expectOrg(r.organizationKey, r.unitKey);
        expectUser(r.responsibleUsername);
        expectUser(r.backupUsername);
        expect(userByName.get(r.responsibleUsername)?.organizationKey, `${r.organizationKey}/${r.responsibleUsername}`).toBe(r.organizationKey);
        expect(userByName.get(r.backupUsername)?.organizationKey, `${r.organizationKey}/${r.backupUsername}`).toBe(r.organizationKey);
        expect(GUIDANCE_LEVELS).toContain(r.level);
        expect(r.coordinationNote.length).toBeGreaterThan(20);
        if (r.endedAt) expect(r.endedAt >= r.startedAt).toBe(true);
      }
      expect(c.relationships.some((r) => r.holdsCoordination), 'someone holds coordination').toBe(true);
      expectOrg(c.concern.noticedBy.organizationKey);
      expectUser(c.concern.noticedBy.username);
      expectUser(c.assessment.assessedByUsername);
      for (const a of c.plan.actions) {
        expectOrg(a.responsible.organizationKey);
        expectUser(a.responsible.username);
        if (a.responsible.kind === 'organization') expect(a.responsible.organizationKey, a.title).toBeDefined();
        else expect(a.responsible.name, a.title).toBeDefined();
      }
      for (const p of c.plan.linkedStatutoryPlans) expectOrg(p.ownerOrganizationKey);
      for (const consent of c.consents) {
        consent.recipientOrganizationKeys.forEach((k) => expectOrg(k));
        expectUser(consent.recordedByUsername);
        for (const cat of consent.dataCategories) expect(DATA_CATEGORIES).toContain(cat);
        expect(consent.from <= consent.until).toBe(true);
        expect(consent.until > DEMO_TODAY, 'consent still valid').toBe(true);
      }
      for (const r of c.referrals) {
        expectOrg(r.fromOrganizationKey, r.fromUnitKey);
        expectOrg(r.toOrganizationKey, r.toUnitKey);
        r.history.forEach((h) => expectUser(h.byUsername));
      }
      for (const m of c.meetings) {
        for (const p of m.participants) {
          expectOrg(p.organizationKey);
          expectUser(p.username);
          if (p.username) expect(userByName.get(p.username)?.displayName, p.username).toBe(p.name);
          if (p.personKey) expect(DEMO_PERSONS.map((x) => x.key)).toContain(p.personKey);
        }
        m.decisions.forEach((d) => {
          expectUser(d.responsibleUsername);
          expect(d.responsibleUsername ?? d.responsibleName, d.what).toBeDefined();
        });
      }
      for (const t of c.tasks) {
        expectUser(t.ownerUsername);
        expect(userByName.get(t.ownerUsername)?.role).not.toBe('client');
      }
    });

    it('has self-assessments on every life area (1–5) and an assessment on the six scales (0–9)', () => {
      expect(c.selfAssessments.length).toBeGreaterThanOrEqual(1);
      expect(c.selfAssessments.length).toBeLessThanOrEqual(2);
      for (const s of c.selfAssessments) {
        expect(Object.keys(s.answers).sort()).toEqual([...SELF_ASSESSMENT_KEYS].sort());
        for (const v of Object.values(s.answers)) expect(v >= 1 && v <= 5 && Number.isInteger(v)).toBe(true);
        expect(s.ownWords.length).toBeGreaterThan(10);
      }
      for (const v of Object.values(c.assessment.scales)) expect(Number.isInteger(v) && v >= 0 && v <= 9).toBe(true);
      expect(SEGMENTS).toContain(c.assessment.segment);
      if (c.assessment.specialSupportNeed) {
        // Only an official social worker assesses a special support need.
        expect(userByName.get(c.assessment.assessedByUsername)?.role).toBe('social-worker');
      }
    });

    it('keeps referral histories consistent', () => {
      for (const r of c.referrals) {
        expect(r.history.length, r.serviceName).toBeGreaterThan(0);
        for (const h of r.history) expect(REFERRAL_STATUSES).toContain(h.status);
        expect(r.history.at(-1)!.status, r.serviceName).toBe(r.status);
        for (let i = 1; i < r.history.length; i++) expect(r.history[i]!.at >= r.history[i - 1]!.at, r.serviceName).toBe(true);
        expect(r.history.at(-1)!.at <= DEMO_TODAY).toBe(true);
      }
    });
  });

  it('has follow-up tasks that are overdue and due today', () => {
    const tasks = DEMO_CLIENTS.flatMap((c) => c.tasks);
    expect(tasks.filter((t) => t.status === 'open' && t.due < DEMO_TODAY).length).toBeGreaterThanOrEqual(3);
    expect(tasks.some((t) => t.status === 'open' && t.due === DEMO_TODAY)).toBe(true);
    expect(tasks.some((t) => t.status === 'open' && t.due > DEMO_TODAY)).toBe(true);
  });

  it("Mohammed's absences are over 30 h but under 50 h, passed 30 h before the expert group met", () => {
    const m = DEMO_CLIENTS.find((c) => c.key === 'mohammed')!;
    expect(m.relationships.some((r) => r.organizationKey === 'jarvenpaa' && r.unitKey === 'kartanon-koulu')).toBe(true);
    const absences = [...(m.absences ?? [])].sort((a, b) => a.date.localeCompare(b.date));
    const total = absences.reduce((sum, a) => sum + a.hours, 0);
    expect(total).toBeGreaterThan(30);
    expect(total).toBeLessThan(50);
    let cumulative = 0;
    let crossed: string | undefined;
    for (const a of absences) {
      const day = new Date(`${a.date}T00:00:00Z`).getUTCDay();
      expect(day >= 1 && day <= 5, `${a.date} is a school day`).toBe(true);
      expect(a.date >= '2026-08-12' && a.date <= DEMO_TODAY).toBe(true);
      cumulative += a.hours;
      if (crossed === undefined && cumulative > 30) crossed = a.date;
    }
    const expertGroup = m.meetings.find((x) => x.method === 'asiantuntijaryhmä')!;
    expect(crossed! < expertGroup.at.slice(0, 10)).toBe(true);
    expect(absences.some((a) => a.kind === 'unauthorized')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  InvalidThresholdsError,
  absencesInSchoolYear,
  evaluateAbsence,
  hoursByKind,
  levelFor,
  mergeThresholds,
  parseAbsenceCsv,
  schoolYearOf,
  schoolYearRange,
  sumHours,
  validateThresholds,
  type Absence,
  type AbsenceKind,
  type DoneAction,
} from './absence.rules.js';

const absence = (hours: number, kind: AbsenceKind = 'unauthorized', date = '2026-09-14'): Absence => ({ date, hours, kind });
const complete = (code: DoneAction['code']): DoneAction => ({
  code,
  date: '2026-10-01',
  followUpMeetingDate: '2026-11-01',
  responsiblePerson: 'Kuraattori Liisa Laine',
});

describe('levels at and around the thresholds ("Yli 30 h" = strictly more)', () => {
  it.each([
    [29.5, 'concern'],
    [30, 'concern'],
    [30.5, 'over30'],
    [50, 'over30'],
    [50.5, 'over50'],
    [70, 'over50'],
    [70.5, 'over70'],
  ] as const)('%s hours of sickness → %s', (hours, level) => {
    expect(evaluateAbsence([absence(hours, 'sick')]).level).toBe(level);
  });

  it('adds up many small absences, 45-minute lessons included, without drift', () => {
    const lessons = Array.from({ length: 40 }, () => absence(0.75, 'sick'));
    expect(sumHours(lessons)).toBe(30);
    expect(evaluateAbsence(lessons).level).toBe('concern');
    expect(evaluateAbsence([...lessons, absence(0.25, 'sick')]).level).toBe('over30');
  });

  it('has no level without absences', () => {
    const result = evaluateAbsence([]);
    expect(result).toMatchObject({ hours: 0, level: 'none', requiredActions: [], nextStep: null, suggestions: [] });
  });
});

describe('absence kinds', () => {
  it.each(['unauthorized', 'sick', 'other'] as const)('%s hours count toward the limits by default', (kind) => {
    expect(evaluateAbsence([absence(31, kind)]).level).toBe('over30');
  });

  it.each([
    ['unauthorized', 0.5, 'concern'],
    ['other', 0.5, 'concern'],
    ['sick', 0.5, 'none'],
    ['sick', 15, 'none'],
    ['sick', 15.5, 'concern'],
  ] as const)('%s %s h → %s (any worrying hour raises concern, sickness only above concernHours)', (kind, h, level) => {
    expect(evaluateAbsence([absence(h, kind)]).level).toBe(level);
  });

  it('raises concern noticed at home or at school without hours', () => {
    expect(evaluateAbsence([], DEFAULT_THRESHOLDS, [], { concernRaised: true }).level).toBe('concern');
  });

  it('reports hours per kind and the counted total', () => {
    const result = evaluateAbsence([absence(10, 'unauthorized'), absence(12.5, 'sick'), absence(3, 'other')]);
    expect(result.hoursByKind).toEqual({ unauthorized: 10, sick: 12.5, other: 3 });
    expect(result.hours).toBe(25.5);
    expect(result.worryingHours).toBe(13);
  });

  it('leaves sickness out when the municipality counts only unauthorized and other absences', () => {
    const t = mergeThresholds({ countKinds: ['unauthorized', 'other'] });
    const result = evaluateAbsence([absence(60, 'sick'), absence(20, 'unauthorized')], t);
    expect(result.hours).toBe(20);
    expect(result.level).toBe('concern');
    expect(result.hoursByKind.sick).toBe(60);
  });

  it('rejects negative hours', () => {
    expect(() => hoursByKind([absence(-1)])).toThrow(RangeError);
  });
});

describe('required actions accumulate', () => {
  it('needs only the talk with guardians at concern', () => {
    const result = evaluateAbsence([absence(2)]);
    expect(result.requiredActions.map((a) => a.code)).toEqual(['discuss-with-guardians']);
    expect(result.nextStep?.code).toBe('discuss-with-guardians');
    expect(result.nextStep?.responsibleRole).toBe('teacher');
  });

  it('still needs the earlier steps over 50 h until they are done', () => {
    const result = evaluateAbsence([absence(51)], DEFAULT_THRESHOLDS, ['discuss-with-guardians']);
    expect(result.requiredActions.map((a) => [a.code, a.done])).toEqual([
      ['discuss-with-guardians', true],
      ['school-meeting', false],
      ['multi-agency-meeting', false],
    ]);
    expect(result.nextStep?.code).toBe('school-meeting');
  });

  it('requires the notification over 70 h and names the SHL 35 § contact in three languages', () => {
    const result = evaluateAbsence([absence(71)], DEFAULT_THRESHOLDS, [
      'discuss-with-guardians',
      complete('school-meeting'),
      complete('multi-agency-meeting'),
    ]);
    expect(result.nextStep?.code).toBe('social-welfare-notification');
    expect(result.nextStep?.level).toBe('over70');
    expect(result.nextStep?.description.fi).toContain('35 §');
    expect(result.nextStep?.description.sv).toContain('35 §');
    expect(result.nextStep?.description.en).toContain('section 35');
  });

  it('has no next step when every step is done', () => {
    const done = ['discuss-with-guardians' as const, complete('school-meeting'), complete('multi-agency-meeting'), complete('social-welfare-notification')];
    expect(evaluateAbsence([absence(90)], DEFAULT_THRESHOLDS, done).nextStep).toBeNull();
  });

  it('does not count a meeting as done until the follow-up date and responsible person are agreed', () => {
    const result = evaluateAbsence([absence(35)], DEFAULT_THRESHOLDS, [
      'discuss-with-guardians',
      { code: 'school-meeting', date: '2026-10-01', followUpMeetingDate: null, responsiblePerson: ' ' },
    ]);
    const meeting = result.requiredActions.find((a) => a.code === 'school-meeting');
    expect(meeting).toMatchObject({ done: false, missing: ['followUpMeetingDate', 'responsiblePerson'] });
    expect(result.nextStep?.code).toBe('school-meeting');
  });

  it('counts a step done when one of several records is complete', () => {
    const result = evaluateAbsence([absence(35)], DEFAULT_THRESHOLDS, [
      'discuss-with-guardians',
      { code: 'school-meeting', date: '2026-10-01' },
      complete('school-meeting'),
    ]);
    expect(result.requiredActions.find((a) => a.code === 'school-meeting')).toMatchObject({ done: true, missing: [] });
  });

  it('suggests the Kearney absence survey only after 30 h', () => {
    expect(evaluateAbsence([absence(30)]).suggestions).toEqual([]);
    const [survey] = evaluateAbsence([absence(30.5)]).suggestions;
    expect(survey?.code).toBe('absence-survey');
    expect(survey?.name).toContain('Kearney');
  });
});

describe('municipality thresholds', () => {
  it('uses its own limits', () => {
    const t = mergeThresholds({ concernHours: 10, level1Hours: 20, level2Hours: 40, level3Hours: 60 });
    expect(evaluateAbsence([absence(20, 'sick')], t).level).toBe('concern');
    expect(evaluateAbsence([absence(20.5, 'sick')], t).level).toBe('over30');
    expect(evaluateAbsence([absence(40.5, 'sick')], t).level).toBe('over50');
    expect(evaluateAbsence([absence(60.5, 'sick')], t).level).toBe('over70');
  });

  it('keeps the defaults for what the municipality leaves out', () => {
    const t = mergeThresholds({ level3Hours: 80, level2Hours: undefined, extra: 1 } as never);
    expect(t).toEqual({ ...DEFAULT_THRESHOLDS, level3Hours: 80 });
    expect(levelFor({ hours: 75, worryingHours: 0 }, t)).toBe('over50');
  });

  it.each([
    [{ level1Hours: 0 }, 'level1Hours', 'not-positive'],
    [{ concernHours: -5 }, 'concernHours', 'not-positive'],
    [{ level2Hours: 30 }, 'level2Hours', 'not-increasing'],
    [{ level3Hours: 40 }, 'level3Hours', 'not-increasing'],
    [{ concernHours: 35 }, 'level1Hours', 'not-increasing'],
    [{ level1Hours: Number.NaN }, 'level1Hours', 'not-positive'],
    [{ countKinds: [] }, 'countKinds', 'no-kinds'],
    [{ countKinds: ['sick', 'sick'] }, 'countKinds', 'duplicate-kind'],
    [{ countKinds: ['holiday'] }, 'countKinds', 'unknown-kind'],
  ])('rejects %j (%s %s)', (own, field, code) => {
    let error: unknown;
    try {
      mergeThresholds(own as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidThresholdsError);
    expect((error as InvalidThresholdsError).problems).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('refuses to evaluate with invalid thresholds', () => {
    expect(() => evaluateAbsence([], { ...DEFAULT_THRESHOLDS, level2Hours: 20 })).toThrow(InvalidThresholdsError);
  });

  it('finds the defaults valid and explains problems in three languages', () => {
    expect(validateThresholds(DEFAULT_THRESHOLDS)).toEqual([]);
    const [problem] = validateThresholds({ ...DEFAULT_THRESHOLDS, level1Hours: -1 });
    expect(problem?.message.fi).toMatch(/positiivinen/);
    expect(problem?.message.sv).toMatch(/positivt/);
  });
});

describe('school year', () => {
  it.each([
    ['2026-07-31', '2025-2026'],
    ['2026-08-01', '2026-2027'],
    ['2026-12-31', '2026-2027'],
    ['2027-01-01', '2026-2027'],
    ['2027-07-31', '2026-2027'],
  ])('%s belongs to %s', (date, year) => {
    expect(schoolYearOf(date)).toBe(year);
  });

  it('reads a Date as the calendar date in Finland', () => {
    expect(schoolYearOf(new Date('2026-07-31T20:59:00Z'))).toBe('2025-2026');
    expect(schoolYearOf(new Date('2026-07-31T21:30:00Z'))).toBe('2026-2027'); // 1 Aug 00:30 in Helsinki
  });

  it('rejects dates that do not exist', () => {
    expect(() => schoolYearOf('2026-02-30')).toThrow(RangeError);
    expect(() => schoolYearOf('14.9.2026')).toThrow(RangeError);
  });

  it('keeps only the absences of one school year', () => {
    const list = [absence(1, 'sick', '2026-07-31'), absence(2, 'sick', '2026-08-01'), absence(3, 'sick', '2027-07-31')];
    expect(schoolYearRange('2026-2027')).toEqual({ start: '2026-08-01', end: '2027-07-31' });
    expect(absencesInSchoolYear(list, '2026-2027').map((a) => a.hours)).toEqual([2, 3]);
    expect(() => schoolYearRange('2026-2028')).toThrow(RangeError);
  });
});

describe('parseAbsenceCsv', () => {
  it('reads semicolons, decimal commas and Finnish kinds', () => {
    const csv = '\uFEFFpupil_id;date;hours;kind\r\nA1;2026-09-14;2,5;luvaton\r\nA1;15.9.2026;6;Sairaus\r\n\r\nB2;2026-09-16;1;muu\r\n';
    const { rows, rejected } = parseAbsenceCsv(csv);
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      { line: 2, pupilId: 'A1', date: '2026-09-14', hours: 2.5, kind: 'unauthorized' },
      { line: 3, pupilId: 'A1', date: '2026-09-15', hours: 6, kind: 'sick' },
      { line: 5, pupilId: 'B2', date: '2026-09-16', hours: 1, kind: 'other' },
    ]);
  });

  it('reads commas with English kinds, quoted decimal commas and columns in any order', () => {
    const csv = 'kind,hours,date,pupil_id,note\nsick,"1,5",2026-10-01,C3,flu\nunauthorized,0.75,2026-10-02,C3,\n';
    const { rows, rejected } = parseAbsenceCsv(csv);
    expect(rejected).toEqual([]);
    expect(rows.map((r) => [r.kind, r.hours])).toEqual([
      ['sick', 1.5],
      ['unauthorized', 0.75],
    ]);
  });

  it('rejects bad rows with Finnish reasons and keeps the good ones', () => {
    const csv = [
      'oppilas;pvm;tunnit;laji',
      'A1;2026-09-14;2;luvaton', // 2 ok
      ';2026-09-14;2;luvaton', // 3 no pupil
      'A1;2026-02-30;2;luvaton', // 4 no such date
      'A1;2026-09-14;kaksi;luvaton', // 5 not a number
      'A1;2026-09-14;0;luvaton', // 6 zero
      'A1;2026-09-14;25;luvaton', // 7 too many
      'A1;2026-09-14;2;loma', // 8 unknown kind
      'A1;2026-09-14', // 9 too few fields
      'A1;"2026-09-14;2;luvaton', // 10 open quote
    ].join('\n');
    const { rows, rejected } = parseAbsenceCsv(csv);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'Oppilaan tunniste puuttuu.',
      expect.stringContaining('Päivämäärä "2026-02-30" ei kelpaa'),
      'Tuntimäärä "kaksi" ei ole luku.',
      'Tuntimäärän pitää olla suurempi kuin 0.',
      expect.stringContaining('liian suuri'),
      expect.stringContaining('Poissaolon laji "loma" on tuntematon'),
      'Rivillä on 2 kenttää, tarvitaan 4.',
      'Rivin lainausmerkit eivät täsmää.',
    ]);
  });

  it('reads an unquoted decimal comma in a comma-separated file when the row has one field too many', () => {
    const { rows, rejected } = parseAbsenceCsv('pupil_id,date,hours,kind\nA1,2026-09-14,2,5,sick\nA1,2026-09-15,2,x,sick\n');
    expect(rows).toEqual([{ line: 2, pupilId: 'A1', date: '2026-09-14', hours: 2.5, kind: 'sick' }]);
    expect(rejected).toEqual([{ line: 3, reason: expect.stringContaining('Poissaolon laji "x"') }]);
  });

  it('rejects a file without the needed header or without anything', () => {
    expect(parseAbsenceCsv('id;day;amount\n1;2026-09-14;2\n').rejected).toEqual([
      { line: 1, reason: expect.stringContaining('puuttuu sarake: pupil_id, date, hours, kind') },
    ]);
    expect(parseAbsenceCsv(' \n').rejected).toEqual([{ line: 1, reason: 'Tiedosto on tyhjä.' }]);
  });

  it('feeds evaluation: imported rows give the level', () => {
    const lines = ['pupil_id;date;hours;kind', ...Array.from({ length: 11 }, (_, i) => `A1;2026-10-${String(i + 1).padStart(2, '0')};3;luvaton`)];
    const { rows } = parseAbsenceCsv(lines.join('\n'));
    expect(evaluateAbsence(rows).level).toBe('over30');
  });
});

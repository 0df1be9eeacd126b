import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/domain/identity/password.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * School absences (issue 8): the LAPE 30/50/70 model over HTTP — thresholds at and around each
 * limit for each kind, a municipality's own limits, steps, CSV import that never half-writes,
 * the welfare-group view, the guardian's view, the notification, and 404 for other schools.
 */
let t: TestApp;
let teacher: string;
let curator: string;
let admin: string;
let mohammed: string;
let school: string;
const MOHAMMED_YEAR = '2026-2027';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

beforeAll(async () => {
  t = await createTestApp();
  [teacher, curator, admin] = [await t.login('opettaja'), await t.login('kuraattori'), await t.login('admin')];
  mohammed = (await t.db.selectFrom('clients').select('id').where('first_name', '=', 'Mohammed').executeTakeFirstOrThrow()).id;
  school = (await t.db.selectFrom('units').select('id').where('key', '=', 'kartanon-koulu').executeTakeFirstOrThrow()).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

let serial = 0;
/** A pupil the teacher registers (POST /clients) and enrols in her school, as in the issue. */
async function newPupil(pupilNumber?: string): Promise<string> {
  serial += 1;
  const created = await t.call('POST', '/api/v1/clients', {
    cookie: teacher,
    body: { firstName: `Testi${serial}`, lastName: `Oppilas${serial}`, birthDate: '2013-03-0' + ((serial % 9) + 1), municipalityCode: '186', confirmNotDuplicate: true },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const enrol = await t.call('POST', `/api/v1/pupils/${id}/enrolment`, { cookie: teacher, body: { className: '7A', ...(pupilNumber ? { pupilNumber } : {}) } });
  expect(enrol.statusCode, enrol.body).toBe(201);
  return id;
}

async function addHours(id: string, total: number, kind: string, cookie = teacher) {
  let left = total;
  while (left > 0) {
    const hours = Math.min(8, left);
    const res = await t.call('POST', `/api/v1/pupils/${id}/absences`, { cookie, body: { date: today, hours, kind } });
    expect(res.statusCode, res.body).toBe(201);
    left = Math.round((left - hours) * 100) / 100;
  }
}

const status = async (id: string, cookie = teacher, year?: string) => {
  const res = await t.call('GET', `/api/v1/pupils/${id}/absence-status${year ? `?schoolYear=${year}` : ''}`, { cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe(`school absences on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  const expected: [number, string, string[]][] = [
    [29.5, 'concern', ['discuss-with-guardians']],
    [30, 'concern', ['discuss-with-guardians']],
    [30.5, 'over30', ['discuss-with-guardians', 'school-meeting']],
    [50, 'over30', ['discuss-with-guardians', 'school-meeting']],
    [50.5, 'over50', ['discuss-with-guardians', 'school-meeting', 'multi-agency-meeting']],
    [70, 'over50', ['discuss-with-guardians', 'school-meeting', 'multi-agency-meeting']],
    [70.5, 'over70', ['discuss-with-guardians', 'school-meeting', 'multi-agency-meeting', 'social-welfare-notification']],
  ];
  for (const kind of ['unauthorized', 'sick', 'other'] as const) {
    it(`levels at and around 30/50/70 hours of ${kind} absence, with the accumulated required actions`, async () => {
      for (const [hours, level, codes] of expected) {
        const id = await newPupil();
        await addHours(id, hours, kind);
        const s = await status(id);
        expect({ hours: s.hours, level: s.level }, `${hours} h ${kind}`).toEqual({ hours, level });
        expect(s.requiredActions.map((a: { code: string }) => a.code)).toEqual(codes);
        expect(s.requiredActions.every((a: { done: boolean }) => a.done === false)).toBe(true);
      }
    }, 120_000);
  }

  it('a small sickness absence is no concern, any unauthorized or other hour is', async () => {
    const sick = await newPupil();
    await addHours(sick, 2, 'sick');
    expect((await status(sick)).level).toBe('none');
    const unauthorized = await newPupil();
    await addHours(unauthorized, 1, 'unauthorized');
    expect((await status(unauthorized)).level).toBe('concern');
    const other = await newPupil();
    await addHours(other, 0.75, 'other');
    expect((await status(other)).level).toBe('concern');
  });

  it('records the level change on the pupil’s path with the school and student welfare sectors', async () => {
    const id = await newPupil();
    await addHours(id, 30, 'unauthorized');
    const res = await t.call('POST', `/api/v1/pupils/${id}/absences`, { cookie: teacher, body: { date: today, hours: 1, kind: 'unauthorized' } });
    expect(res.json()).toMatchObject({ level: 'over30', levelChanged: true, hours: 31 });
    const events = await t.db.selectFrom('path_events').select(['kind', 'phase', 'sectors', 'title']).where('client_id', '=', id).where('kind', '=', 'absence-level').orderBy('created_at').execute();
    expect(events.map((e) => e.phase)).toEqual(['concern', 'assessment']);
    expect(events[1]!.sectors).toEqual(['municipality', 'wellbeing-county']);
  });

  it('refuses bad input in the user’s language and writes nothing', async () => {
    const id = await newPupil();
    for (const body of [{ date: today, hours: 0, kind: 'sick' }, { date: today, hours: 25, kind: 'sick' }, { date: today, hours: 2, kind: 'late' }, { date: '2026-02-30x', hours: 2, kind: 'sick' }]) {
      const res = await t.call('POST', `/api/v1/pupils/${id}/absences`, { cookie: teacher, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const future = await t.call('POST', `/api/v1/pupils/${id}/absences`, { cookie: teacher, body: { date: '2999-01-01', hours: 2, kind: 'sick' }, lang: 'sv' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toBe('Datumet kan inte vara i framtiden.');
    expect((await status(id)).hours).toBe(0);
  });

  it('uses a municipality’s own limits, validates them and returns to 30/50/70', async () => {
    const bad = await t.call('PUT', '/api/v1/municipalities/186/absence-thresholds', { cookie: admin, body: { level1Hours: 60 } });
    expect(bad.statusCode).toBe(422);
    expect((await t.call('PUT', '/api/v1/municipalities/186/absence-thresholds', { cookie: teacher, body: { level1Hours: 20 } })).statusCode).toBe(403);
    const set = await t.call('PUT', '/api/v1/municipalities/186/absence-thresholds', {
      cookie: admin, body: { concernHours: 10, level1Hours: 20, level2Hours: 40, level3Hours: 60, countKinds: ['unauthorized', 'other'] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ own: true, thresholds: { level1Hours: 20, level3Hours: 60 } });
    try {
      const cases: [number, string][] = [[20, 'concern'], [20.5, 'over30'], [40.5, 'over50'], [60, 'over50'], [60.5, 'over70']];
      for (const [hours, level] of cases) {
        const id = await newPupil();
        await addHours(id, hours, 'unauthorized');
        expect((await status(id)).level, `${hours} h`).toBe(level);
      }
      // Sickness does not count toward this municipality's limits.
      const sick = await newPupil();
      await addHours(sick, 65, 'sick');
      const s = await status(sick);
      expect({ hours: s.hours, level: s.level, sick: s.hoursByKind.sick }).toEqual({ hours: 0, level: 'none', sick: 65 });
    } finally {
      const reset = await t.call('DELETE', '/api/v1/municipalities/186/absence-thresholds', { cookie: admin });
      expect(reset.json()).toMatchObject({ own: false, thresholds: { level1Hours: 30, level2Hours: 50, level3Hours: 70 } });
    }
  }, 120_000);

  it('records a step only with the agreed follow-up date and responsible person, then marks it done', async () => {
    const id = await newPupil();
    await addHours(id, 31, 'unauthorized');
    const missing = await t.call('POST', `/api/v1/pupils/${id}/absence-steps`, { cookie: teacher, body: { code: 'school-meeting', doneOn: today } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('step_agreement_missing');
    const talk = await t.call('POST', `/api/v1/pupils/${id}/absence-steps`, { cookie: teacher, body: { code: 'discuss-with-guardians', doneOn: today } });
    expect(talk.statusCode).toBe(201);
    const meeting = await t.call('POST', `/api/v1/pupils/${id}/absence-steps`, {
      cookie: curator, body: { code: 'school-meeting', doneOn: today, followUpDate: '2999-01-15', responsiblePerson: 'Outi Opettaja', supportMeasures: 'Tukiopetus' },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const s = await status(id);
    expect(s.requiredActions).toEqual([
      expect.objectContaining({ code: 'discuss-with-guardians', done: true }),
      expect.objectContaining({ code: 'school-meeting', done: true }),
    ]);
    expect(s.nextStep).toBeNull();
    expect(s.surveySuggested).toBe(true);
    const survey = await t.call('POST', `/api/v1/pupils/${id}/absence-surveys`, {
      cookie: curator, body: { doneOn: today, scores: { negativeAffect: 4.2, socialEvaluative: 3, attention: 1, tangible: 2.5 } },
    });
    expect(survey.statusCode, survey.body).toBe(201);
    expect((await status(id)).surveys).toHaveLength(1);
  });

  it('attaches the survey only after 30 hours', async () => {
    const id = await newPupil();
    await addHours(id, 10, 'unauthorized');
    const res = await t.call('POST', `/api/v1/pupils/${id}/absence-surveys`, { cookie: teacher, body: { doneOn: today, scores: { negativeAffect: 1, socialEvaluative: 1, attention: 1, tangible: 1 } } });
    expect(res.statusCode).toBe(409);
  });

  describe('CSV import', () => {
    const count = async () => Number((await t.db.selectFrom('absences').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    it('rejects the whole file when a row is bad: nothing half-written, every bad line reported', async () => {
      await newPupil('CSV-1');
      await newPupil('CSV-2');
      const before = await count();
      const csv = `oppilas;pvm;tunnit;laji\nCSV-1;${today};2;luvaton\nCSV-2;${today};2,5;sairaus\nCSV-9;${today};1;muu\nCSV-1;30.2.2026;1;muu\nCSV-2;${today};abc;muu\nCSV-1;2999-01-01;1;muu\n`;
      const res = await t.call('POST', `/api/v1/schools/${school}/absence-imports`, { cookie: teacher, body: { csv } });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('import_rejected_rows');
      const report = res.json().error.details.report;
      expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([4, 5, 6, 7]);
      expect(report.rejected[0].reason).toContain('CSV-9');
      expect(await count()).toBe(before);
      expect(await t.db.selectFrom('absence_imports').selectAll().execute()).toHaveLength(0);
    });

    it('checks with a dry run, imports the valid rows when asked, and refuses the same rows twice', async () => {
      const a = await newPupil('CSV-3');
      const csv = `pupil_id,date,hours,kind\nCSV-3,${today},8,unauthorized\nCSV-3,${today},8,other\nCSV-3,${today},8,sick\nCSV-3,${today},7,unauthorized\nNOPE,${today},1,sick\n`;
      const before = await count();
      const dry = await t.call('POST', `/api/v1/schools/${school}/absence-imports`, { cookie: teacher, body: { csv, dryRun: true } });
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({ dryRun: true, imported: 0, total: 5, pupils: 1, levelChanges: [{ clientId: a, from: 'none', to: 'over30' }] });
      expect(await count()).toBe(before);
      const res = await t.call('POST', `/api/v1/schools/${school}/absence-imports`, { cookie: curator, body: { csv, skipRejected: true, fileName: 'wilma.csv' } });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ imported: 4, rejected: [{ line: 6 }] });
      expect(await count()).toBe(before + 4);
      expect((await status(a)).level).toBe('over30');
      const again = await t.call('POST', `/api/v1/schools/${school}/absence-imports`, { cookie: teacher, body: { csv, skipRejected: true } });
      expect(again.statusCode).toBe(422);
      expect(again.json().error.details.report.rejected).toHaveLength(5);
    });
  });

  it('shows Mohammed’s autumn in the welfare-group view: over 30 h, steps done, follow-up ahead', async () => {
    const res = await t.call('GET', `/api/v1/schools/${school}/welfare-overview?schoolYear=${MOHAMMED_YEAR}`, { cookie: curator });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    const m = o.pupils.find((p: { clientId: string }) => p.clientId === mohammed);
    expect(m).toMatchObject({ hours: 41, level: 'over30', missingActions: [], hoursByKind: { unauthorized: 27, sick: 12, other: 2 } });
    expect(o.welfareGroup.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(['Kaisa Kuraattori', 'Outi Opettaja']));
    expect(o.counts.over30).toBeGreaterThanOrEqual(1);
    const s = await status(mohammed, teacher, MOHAMMED_YEAR);
    expect(s.steps.map((x: { code: string }) => x.code)).toEqual(['discuss-with-guardians', 'school-meeting']);
  });

  it('lets a guardian see the child’s status and agreed steps in the portal', async () => {
    const guardian = await t.login('huoltaja');
    const res = await t.call('GET', `/api/v1/me/children/absence-status?schoolYear=${MOHAMMED_YEAR}`, { cookie: guardian });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ clientId: mohammed, level: 'over30', hours: 41, school: 'Kartanon koulu' })]);
    expect(res.json().items[0].agreedSteps).toHaveLength(2);
    expect((await t.call('GET', `/api/v1/pupils/${mohammed}/absence-status`, { cookie: guardian })).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/me/children/absence-status', { cookie: teacher })).statusCode).toBe(403);
  });

  it('drafts the notification from what the school did and sends it as a concern to social services', async () => {
    const draft = await t.call('GET', `/api/v1/pupils/${mohammed}/notification-draft?schoolYear=${MOHAMMED_YEAR}`, { cookie: curator });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().text).toContain('Kartanon koulu');
    expect(draft.json().text).toContain('Kuraattorin tapaamiset kerran viikossa');
    expect(draft.json().missing).toContain('consultation');
    const noReason = await t.call('POST', `/api/v1/pupils/${mohammed}/notification`, {
      cookie: teacher, body: { kind: 'social-welfare-contact', text: draft.json().text, followUpDate: '2999-01-10', responsiblePerson: 'Outi Opettaja' },
    });
    expect(noReason.statusCode).toBe(400);
    const sent = await t.call('POST', `/api/v1/pupils/${mohammed}/notification`, {
      cookie: teacher,
      body: { kind: 'social-welfare-contact', text: draft.json().text, dutyReason: 'Poissaolot vaarantavat koulunkäynnin.', followUpDate: '2999-01-10', responsiblePerson: 'Outi Opettaja' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const concern = await t.db.selectFrom('concerns').select(['route', 'status', 'to_organization_id']).where('id', '=', sent.json().concernId).executeTakeFirstOrThrow();
    expect(concern).toMatchObject({ route: 'shl35-duty', status: 'sent' });
    expect(concern.to_organization_id).not.toBeNull();
    const step = await t.db.selectFrom('absence_steps').select(['code', 'concern_id']).where('id', '=', sent.json().stepId).executeTakeFirstOrThrow();
    expect(step).toEqual({ code: 'social-welfare-notification', concern_id: sent.json().concernId });
  });

  describe('access', () => {
    let otherTeacher: string;
    beforeAll(async () => {
      const org = await t.db.selectFrom('organizations').select(['id', 'county_code']).where('key', '=', 'hyvinkaa').executeTakeFirstOrThrow();
      const unit = await t.db.selectFrom('units').select('id').where('key', '=', 'hyvinkaan-koulu').executeTakeFirstOrThrow();
      await t.db.insertInto('users').values({
        username: 'toinen-opettaja', password_hash: await hashPassword('demo'), display_name: 'Toinen Opettaja', title: 'Opettaja', role: 'teacher',
        organization_id: org.id, unit_id: unit.id, county_code: org.county_code, client_id: null, phone: null, email: null,
      }).execute();
      otherTeacher = await t.login('toinen-opettaja');
    });

    it('answers 404 to another school’s staff for the pupil and the school, and audits the refusal', async () => {
      expect((await t.call('GET', `/api/v1/pupils/${mohammed}/absence-status`, { cookie: otherTeacher })).statusCode).toBe(404);
      expect((await t.call('POST', `/api/v1/pupils/${mohammed}/absences`, { cookie: otherTeacher, body: { date: today, hours: 1, kind: 'sick' } })).statusCode).toBe(404);
      expect((await t.call('GET', `/api/v1/pupils/${mohammed}/notification-draft`, { cookie: otherTeacher })).statusCode).toBe(404);
      expect((await t.call('GET', `/api/v1/schools/${school}/welfare-overview`, { cookie: otherTeacher })).statusCode).toBe(404);
      expect((await t.call('POST', `/api/v1/schools/${school}/absence-imports`, { cookie: otherTeacher, body: { csv: 'a;b;c;d\n' } })).statusCode).toBe(404);
      expect((await t.call('GET', '/api/v1/pupils/not-a-uuid/absence-status', { cookie: teacher })).statusCode).toBe(404);
      const denied = await t.db.selectFrom('audit_log').select('action').where('username', '=', 'toinen-opettaja').where('allowed', '=', false).execute();
      expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['absence.read', 'absence.create']));
    });

    it('does not let another school enrol a pupil it may not see, nor non-school roles use the routes', async () => {
      expect((await t.call('POST', `/api/v1/pupils/${mohammed}/enrolment`, { cookie: otherTeacher, body: {} })).statusCode).toBe(404);
      const counsellor = await t.login('ohjaaja');
      expect((await t.call('GET', `/api/v1/pupils/${mohammed}/absence-status`, { cookie: counsellor })).statusCode).toBe(403);
    });

    it('a pupil not enrolled in the caller’s school is not found even for school staff', async () => {
      const created = await t.call('POST', '/api/v1/clients', { cookie: otherTeacher, body: { firstName: 'Hyvinkään', lastName: 'Oppilas', birthDate: '2012-05-05', confirmNotDuplicate: true } });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      expect((await t.call('GET', `/api/v1/pupils/${id}/absence-status`, { cookie: otherTeacher })).statusCode).toBe(404);
      expect((await t.call('POST', `/api/v1/pupils/${id}/enrolment`, { cookie: otherTeacher, body: {} })).statusCode).toBe(201);
      expect((await t.call('GET', `/api/v1/pupils/${id}/absence-status`, { cookie: otherTeacher })).statusCode).toBe(200);
      expect((await t.call('GET', `/api/v1/pupils/${id}/absence-status`, { cookie: teacher })).statusCode).toBe(404);
    });
  });
  it('links the over-30 meeting step to a real network meeting and to the plan; both show on the path and the plan', async () => {
    const kaisa = (await t.db.selectFrom('users').select('id').where('username', '=', 'kuraattori').executeTakeFirstOrThrow()).id;
    const created = await t.call('POST', `/api/v1/clients/${mohammed}/meetings`, {
      cookie: curator,
      body: {
        startsAt: `${today}T08:00:00+02:00`, place: 'Kartanon koulu', method: 'expert-group',
        participants: [{ name: 'Mohammed', role: 'oppilas', kind: 'client' }, { name: 'Kaisa Kuraattori', role: 'kuraattori', userId: kaisa }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = created.json().id as string;
    const planBefore = (await t.call('GET', `/api/v1/clients/${mohammed}/plan`, { cookie: curator })).json();
    const step = await t.call('POST', `/api/v1/pupils/${mohammed}/absence-steps`, {
      cookie: curator,
      body: { code: 'school-meeting', doneOn: today, followUpDate: '2999-02-01', responsiblePerson: 'Outi Opettaja', agreed: 'Tukiopetus kahdesti viikossa', meetingId, addToPlan: true },
    });
    expect(step.statusCode, step.body).toBe(201);
    const row = await t.db.selectFrom('absence_steps').select(['meeting_id', 'plan_action_id']).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
    expect(row.meeting_id).toBe(meetingId);
    expect(row.plan_action_id).toBeTruthy();
    // On the path: the step points at the real meeting.
    const event = await t.db.selectFrom('path_events').select(['kind', 'title']).where('client_id', '=', mohammed).where('ref_id', '=', meetingId).where('kind', '=', 'absence-step').executeTakeFirstOrThrow();
    expect(event.kind).toBe('absence-step');
    const path = (await t.call('GET', `/api/v1/clients/${mohammed}/path`, { cookie: curator })).json();
    const steps = path.phases.flatMap((p: { steps: { kind: string; title: string }[] }) => p.steps);
    expect(steps.some((x: { kind: string; title: string }) => x.kind === 'absence-step' && x.title === event.title)).toBe(true);
    // On the plan: a new action (new version) with the follow-up date as its due date.
    const plan = (await t.call('GET', `/api/v1/clients/${mohammed}/plan`, { cookie: curator })).json();
    expect(plan.version).toBe(planBefore.version + 1);
    const action = plan.actions.find((a: { id: string }) => a.id === row.plan_action_id);
    expect(action).toMatchObject({ due: '2999-02-01', title: expect.stringContaining('Tukiopetus kahdesti viikossa'), responsible: { kind: 'organization', name: 'Outi Opettaja' } });
    const s = await status(mohammed, curator);
    expect(s.steps.find((x: { meetingId: string | null }) => x.meetingId === meetingId)).toMatchObject({ planActionId: row.plan_action_id });
    // A meeting of another pupil cannot be linked (404), and nothing is written.
    const other = await newPupil();
    await addHours(other, 31, 'unauthorized');
    const wrong = await t.call('POST', `/api/v1/pupils/${other}/absence-steps`, {
      cookie: curator, body: { code: 'school-meeting', doneOn: today, followUpDate: '2999-02-01', responsiblePerson: 'Outi Opettaja', meetingId },
    });
    expect(wrong.statusCode).toBe(404);
    expect(await t.db.selectFrom('absence_steps').select('id').where('client_id', '=', other).execute()).toHaveLength(0);
  }, 120_000);

  it('answers the notification draft and the CSV import report in the user’s language', async () => {
    const sv = await t.call('GET', `/api/v1/pupils/${mohammed}/notification-draft?schoolYear=${MOHAMMED_YEAR}`, { cookie: curator, lang: 'sv' });
    expect(sv.statusCode, sv.body).toBe(200);
    expect(sv.json().title).toBe('Kontakt med socialvården (socialvårdslagen 1301/2014, 35 §)');
    expect(sv.json().text).toContain('Elev: Mohammed');
    const en = await t.call('GET', `/api/v1/pupils/${mohammed}/notification-draft?schoolYear=${MOHAMMED_YEAR}`, { cookie: curator, lang: 'en' });
    expect(en.json().text).toContain('Why we are contacting you');
    const csv = `pupil_id;date;hours;kind\nNOBODY-1;${today};1;sick\nNOBODY-1;yesterday;1;sick\n`;
    const res = await t.call('POST', `/api/v1/schools/${school}/absence-imports`, { cookie: teacher, lang: 'en', body: { csv } });
    expect(res.statusCode).toBe(422);
    const reasons = res.json().error.details.report.rejected.map((r: { reason: string }) => r.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining('The date "yesterday" is not valid'), expect.stringContaining('is not among this school')]));
    const svImport = await t.call('POST', `/api/v1/schools/${school}/absence-imports`, { cookie: teacher, lang: 'sv', body: { csv } });
    expect(svImport.json().error.details.report.rejected.map((r: { reason: string }) => r.reason)).toEqual(expect.arrayContaining([expect.stringContaining('duger inte'), expect.stringContaining('finns inte bland skolans elever')]));
  });
});

/**
 * Demo of the absence model from seed 000 (Mohammed's path) and 003 (the 30/50/70 model):
 * Mohammed and his sister Sara attend Kartanon koulu; the county's curator and school nurse serve
 * the school; Mohammed's absences of the autumn (demo-clients.data.ts) put him over 30 hours, the
 * concern was talked over with his parents on 1.10 and the multi-agency expert group met on 12.11
 * (the seed's path steps), with the follow-up on 10.12. His father Ali can log in to the portal as
 * `huoltaja` and see the status as a guardian. Dates move with the demo's today like the other seeds.
 */
import type { Tx } from '../../db/schema.js';
import { type DemoContext, clientId, orgId, userId } from '../../db/demo/context.js';
import { hashPassword } from '../identity/password.js';
import { DEMO_CLIENTS, DEMO_TODAY } from '../paths/demo-clients.data.js';
import * as repo from './absence.repository.js';
import { schoolYearOf } from './absence.rules.js';

const shiftDate = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function seedAbsence(tx: Tx, ctx: DemoContext) {
  const shift = Math.round((Date.parse(`${ctx.today.toISOString().slice(0, 10)}T12:00:00Z`) - Date.parse(`${DEMO_TODAY}T12:00:00Z`)) / 86_400_000);
  const at = (iso: string) => shiftDate(iso, shift);
  const school = ctx.units.get('jarvenpaa/kartanon-koulu')!;
  const provider = orgId(ctx, 'jarvenpaa');
  const opettaja = userId(ctx, 'opettaja');

  for (const username of ['kuraattori', 'terveydenhoitaja']) {
    await repo.addWelfareStaff(tx, { unitId: school, userId: userId(ctx, username), countyCode: ctx.countyCode, organizationId: orgId(ctx, 'keusote') });
  }

  const pupils = [
    { key: 'mohammed', className: 'VALMO', pupilNumber: 'KK-2611', startedOn: '2026-08-12' },
    { key: 'mohammed-sisar', className: '5B', pupilNumber: 'KK-2612', startedOn: '2026-08-12' },
  ];
  for (const p of pupils) {
    await repo.insertEnrolment(tx, {
      clientId: clientId(ctx, p.key), countyCode: ctx.countyCode, organizationId: provider, unitId: school,
      className: p.className, pupilNumber: p.pupilNumber, startedOn: at(p.startedOn), createdBy: opettaja,
    });
  }

  const mohammed = DEMO_CLIENTS.find((c) => c.key === 'mohammed')!;
  const id = clientId(ctx, 'mohammed');
  const base = { clientId: id, countyCode: ctx.countyCode, organizationId: provider, unitId: school };
  await repo.insertAbsences(tx, (mohammed.absences ?? []).map((a) => ({
    ...base, schoolYear: schoolYearOf(at(a.date)), date: at(a.date), hours: a.hours, kind: a.kind,
    note: a.note ?? null, source: 'manual' as const, importId: null, recordedBy: opettaja,
  })));

  // The seed's path: "Huoli otetaan puheeksi" (1.10) and the expert group (12.11); the path
  // events themselves come from the path seed, these are the model's step records.
  const steps = [
    {
      code: 'discuss-with-guardians' as const, doneOn: '2026-10-01', followUpDate: null, responsiblePerson: 'Outi Opettaja, luokanvalvoja',
      participants: 'Mohammed, Ali Rezaei, Maryam Ahmadi, Outi Opettaja, tulkki',
      agreed: 'Opettaja kutsui vanhemmat koululle tulkin kanssa. Perhe lupautui tukemaan koulunkäyntiä; sovittiin yhteydenotosta kuraattoriin.',
      supportMeasures: null,
    },
    {
      code: 'school-meeting' as const, doneOn: '2026-11-12', followUpDate: '2026-12-10', responsiblePerson: 'Outi Opettaja, luokanvalvoja',
      participants: 'Mohammed, vanhemmat, Outi Opettaja, rehtori, Kaisa Kuraattori, Helmi Terveydenhoitaja, kotoutumispalvelujen sosiaalityöntekijä, tulkki',
      agreed: 'Koululääkärin terveystarkastus tulkin kanssa, pedagoginen selvitys ja HOJKS, kuraattorin tapaamiset kerran viikossa. Vanhemmat herättävät Mohammedin kouluun ja kuittaavat koulun viestit tulkkauspalvelun avulla.',
      supportMeasures: 'Oppimisen ja koulunkäynnin tuki (tehostettu tuki)\nKuraattorin tapaamiset kerran viikossa\nSuomen kielen lisäopetus',
    },
  ];
  for (const s of steps) {
    await repo.insertStep(tx, {
      ...base, schoolYear: schoolYearOf(at(s.doneOn)), code: s.code, doneOn: at(s.doneOn),
      followUpDate: s.followUpDate ? at(s.followUpDate) : null, responsiblePerson: s.responsiblePerson,
      participants: s.participants, agreed: s.agreed, supportMeasures: s.supportMeasures, meetingId: null, concernId: null, recordedBy: opettaja,
    });
  }

  // Ali Rezaei, Mohammed's father and guardian, in the portal.
  const row = await tx
    .insertInto('users')
    .values({
      username: 'huoltaja', password_hash: await hashPassword('demo'), display_name: 'Ali Rezaei', title: 'Asiakas', role: 'client',
      organization_id: orgId(ctx, 'keusote'), unit_id: null, county_code: ctx.countyCode, client_id: clientId(ctx, 'mohammed-isa'), phone: null, email: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.users.set('huoltaja', { id: row.id, organizationId: orgId(ctx, 'keusote') });
}

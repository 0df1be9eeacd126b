/**
 * The over-70-hours step: Polku drafts the contact under the Social Welfare Act (35 §) or the
 * child-protection notification from what the school has recorded (steps, support measures,
 * guardian cooperation, surveys); the professional edits it and sends it as a concern, which the
 * concerns module routes to the county's social services. The step is then recorded as done.
 */
import type { z } from 'zod';
import type { NotificationDraftQuery, SendNotificationRequest } from '../../contracts/absence.contracts.js';
import type { Tx } from '../../db/schema.js';
import { raiseConcern } from '../concerns/index.js';
import type { Lang } from '../shared/errors.js';
import type { Actor } from '../identity/actor.js';
import { authorizePupil } from './absence.access.js';
import * as repo from './absence.repository.js';
import { draftSocialWelfareNotification, schoolYearOf, type NotificationDraftInput, type NotificationMeetingKind } from './absence.rules.js';
import { recordStep } from './absence.service.js';
import { evaluatePupil, finnishToday, loadPupilYears, thresholdsFor } from './absence.status.js';

const MEETING_KIND: Partial<Record<string, NotificationMeetingKind>> = {
  'school-meeting': 'school-meeting',
  'multi-agency-meeting': 'multi-agency-meeting',
};

const lines = (s: string | null) => (s ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

const SURVEY_TEXT = {
  fi: { name: 'Koulupoissaolokysely (SRAS-R, Kearney)', talk: 'Huoli poissaoloista otettiin puheeksi oppilaan ja huoltajien kanssa.',
    means: (a: unknown, b: unknown, c: unknown, d: unknown) => `Keskiarvot 0–6: kielteisten tunteiden välttäminen ${a}, sosiaalisten tilanteiden välttäminen ${b}, huomion hakeminen ${c}, mieluisa tekeminen koulun ulkopuolella ${d}.` },
  sv: { name: 'Enkät om skolfrånvaro (SRAS-R, Kearney)', talk: 'Oron för frånvaron togs upp med eleven och vårdnadshavarna.',
    means: (a: unknown, b: unknown, c: unknown, d: unknown) => `Medelvärden 0–6: att undvika negativa känslor ${a}, att undvika sociala situationer ${b}, att söka uppmärksamhet ${c}, trevliga saker utanför skolan ${d}.` },
  en: { name: 'School refusal survey (SRAS-R, Kearney)', talk: 'The concern about the absences was raised with the pupil and the guardians.',
    means: (a: unknown, b: unknown, c: unknown, d: unknown) => `Averages 0–6: avoiding negative feelings ${a}, escaping social situations ${b}, seeking attention ${c}, pleasant things outside school ${d}.` },
} as const;

export async function notificationDraft(tx: Tx, actor: Actor, clientId: string, query: z.output<typeof NotificationDraftQuery>, now = new Date(), lang: Lang = 'fi') {
  const st = SURVEY_TEXT[lang];
  const enrolment = await authorizePupil(tx, actor, clientId, 'absence-notification.draft');
  const year = query.schoolYear ?? schoolYearOf(now);
  const thresholds = await thresholdsFor(tx, enrolment.municipality_code);
  const data = (await loadPupilYears(tx, [clientId], year)).get(clientId)!;
  const ev = evaluatePupil(data, thresholds);
  const [pupil] = await repo.clientBasics(tx, [clientId]);
  const sender = await repo.userContact(tx, actor.userId);
  const surveys = await repo.surveysOf(tx, clientId, year);
  const today = finnishToday(now);
  const lastFollowUp = [...data.steps].reverse().find((s) => s.follow_up_date);
  const input: NotificationDraftInput = {
    kind: query.kind,
    pupil: { name: `${pupil!.first_name} ${pupil!.last_name}`, birthDate: pupil!.birth_date, school: enrolment.unit_name, className: enrolment.class_name },
    schoolYear: year,
    period: { from: data.absences[0]?.date ?? today, to: today },
    hoursByKind: ev.hoursByKind,
    meetings: data.steps
      .filter((s) => MEETING_KIND[s.code])
      .map((s) => ({ date: s.done_on, kind: MEETING_KIND[s.code]!, participants: s.participants?.split(',').map((p) => p.trim()).filter(Boolean), agreed: s.agreed })),
    supportMeasures: data.steps.flatMap((s) => lines(s.support_measures)),
    guardianCooperation: data.steps
      .filter((s) => s.code === 'discuss-with-guardians')
      .map((s) => ({ date: s.done_on, description: s.agreed ?? st.talk })),
    assessments: surveys.map((s) => ({
      date: s.done_on,
      name: st.name,
      summary: s.summary ?? st.means(s.negative_affect, s.social_evaluative, s.attention, s.tangible),
    })),
    findings: null,
    consultation: null,
    guardiansInformed: null,
    followUp: lastFollowUp ? { meetingDate: lastFollowUp.follow_up_date, responsiblePerson: lastFollowUp.responsible_person } : null,
    sender: { name: sender?.display_name ?? actor.displayName, title: sender?.title ?? '', phone: sender?.phone ?? null, email: sender?.email ?? null },
    today,
    lang,
  };
  return { ...draftSocialWelfareNotification(input), kind: query.kind };
}

/** Sends the edited notification as a concern to social services and records the step as done. */
export async function sendNotification(tx: Tx, actor: Actor, clientId: string, input: z.output<typeof SendNotificationRequest>, now = new Date()) {
  await authorizePupil(tx, actor, clientId, 'absence-notification.send');
  const route = input.kind === 'child-protection-notification' ? 'child-protection' : input.consentGiven ? 'shl35-consent' : 'shl35-duty';
  const sender = await repo.userContact(tx, actor.userId);
  const concern = await raiseConcern(tx, actor, {
    clientId,
    noticedBy: { role: sender?.title ?? 'Koulu', name: actor.displayName },
    what: input.text,
    urgency: input.urgency,
    route,
    consentGiven: input.consentGiven,
    dutyReason: input.dutyReason,
    adviceGiven: undefined,
  });
  const stepId = await recordStep(tx, actor, clientId, {
    code: 'social-welfare-notification', doneOn: finnishToday(now), followUpDate: input.followUpDate, responsiblePerson: input.responsiblePerson,
    agreed: route === 'child-protection' ? 'Lastensuojeluilmoitus tehty.' : 'Yhteydenotto sosiaalihuoltoon tehty (SHL 35 §).',
    concernId: concern.id,
  }, now);
  return { concernId: concern.id, stepId, route, toOrganization: concern.toOrganization };
}

/**
 * Draft of the over-70-hours step: a contact under the Social Welfare Act (sosiaalihuoltolaki
 * 1301/2014, 35 §) or a child welfare notification (lastensuojelulaki 417/2007, 25 §).
 * The seed asks that it rests on "huoli poissaolojen aiheuttamasta syrjäytymisriskistä ja normaalin
 * kehityksen ja koulunkäynnin vaarantumisesta" and mentions "koulussa jo tehdyt kartoitukset,
 * tukitoimet sekä huoltajien kanssa tehty yhteistyö". The professional edits and sends it; what is
 * missing is listed so the draft never hides a gap.
 */
import type { Lang } from '../shared/errors.js';
import { ABSENCE_KINDS, type AbsenceKind, type HoursByKind } from './absence.types.js';

export type NotificationKind = 'social-welfare-contact' | 'child-protection-notification';
export type NotificationMeetingKind = 'guardian-discussion' | 'school-meeting' | 'multi-agency-meeting' | 'follow-up-meeting';
export type NotificationGap = 'meetings' | 'support-measures' | 'guardian-cooperation' | 'assessments' | 'consultation' | 'follow-up';

export interface NotificationDraftInput {
  kind: NotificationKind;
  pupil: { name: string; birthDate?: string | null; school: string; className?: string | null };
  schoolYear: string; // '2026-2027'
  period: { from: string; to: string }; // YYYY-MM-DD
  hoursByKind: HoursByKind;
  meetings: { date: string; kind: NotificationMeetingKind; participants?: string[]; agreed?: string | null }[];
  supportMeasures: string[];
  guardianCooperation: { date?: string | null; description: string }[];
  /** Kartoitukset: absence survey (Kearney), talks, health check … */
  assessments: { date?: string | null; name: string; summary: string }[];
  /** What the school has found out about the reasons, in its own words. */
  findings?: string | null;
  consultation?: { date?: string | null; with: string } | null;
  guardiansInformed?: boolean | null;
  followUp?: { meetingDate?: string | null; responsiblePerson?: string | null } | null;
  sender: { name: string; title: string; phone?: string | null; email?: string | null };
  today: string; // YYYY-MM-DD
  /** The language of the draft's own texts (default Finnish); the school's entries stay as written. */
  lang?: Lang;
}

export interface NotificationDraft {
  title: string;
  text: string;
  missing: NotificationGap[];
}

type L = Record<Lang, string>;

const TITLES: Record<NotificationKind, L> = {
  'social-welfare-contact': {
    fi: 'Yhteydenotto sosiaalihuoltoon (sosiaalihuoltolaki 1301/2014, 35 §)',
    sv: 'Kontakt med socialvården (socialvårdslagen 1301/2014, 35 §)',
    en: 'Contact to social welfare (Social Welfare Act 1301/2014, section 35)',
  },
  'child-protection-notification': {
    fi: 'Lastensuojeluilmoitus (lastensuojelulaki 417/2007, 25 §)',
    sv: 'Barnskyddsanmälan (barnskyddslagen 417/2007, 25 §)',
    en: 'Child welfare notification (Child Welfare Act 417/2007, section 25)',
  },
};

const KIND_LABEL: Record<AbsenceKind, L> = {
  unauthorized: { fi: 'luvattomia poissaoloja', sv: 'olovlig frånvaro', en: 'unauthorised absences' },
  sick: { fi: 'sairauspoissaoloja', sv: 'sjukfrånvaro', en: 'sickness absences' },
  other: { fi: 'muita huolestuttavia poissaoloja', sv: 'annan oroande frånvaro', en: 'other worrying absences' },
};

const MEETING_LABEL: Record<NotificationMeetingKind, L> = {
  'guardian-discussion': { fi: 'Keskustelu huoltajien kanssa', sv: 'Samtal med vårdnadshavarna', en: 'Discussion with the guardians' },
  'school-meeting': { fi: 'Palaveri koulussa', sv: 'Möte i skolan', en: 'Meeting at school' },
  'multi-agency-meeting': { fi: 'Monitoimijainen palaveri', sv: 'Sektorsövergripande möte', en: 'Multi-agency meeting' },
  'follow-up-meeting': { fi: 'Seurantapalaveri', sv: 'Uppföljningsmöte', en: 'Follow-up meeting' },
};

/** The draft's fixed texts; the school's own entries stay as written. */
const T = {
  fi: {
    fill: (s: string) => `[Täydennä: ${s}]`,
    pupil: 'Oppilas', born: 'syntynyt', school: 'Koulu', className: 'luokka', date: 'Päivämäärä', hours: 'tuntia',
    why: 'Miksi otamme yhteyttä',
    absences: (year: string, from: string, to: string, total: string, byKind: string) => `Oppilaalla on lukuvuonna ${year} ajalla ${from}–${to} poissaoloja yhteensä ${total} tuntia${byKind ? `: ${byKind}` : ''}.`,
    worry: 'Olemme huolissamme, että poissaolot vaarantavat oppilaan koulunkäynnin ja normaalin kehityksen ja lisäävät syrjäytymisen riskiä.',
    notEnough: 'Koulun tukitoimet ja palaverit eivät ole riittäneet, ja poissaoloja on edelleen paljon.',
    found: 'Mitä koulu on selvittänyt', foundTodo: 'mitä poissaolojen syistä ja oppilaan tilanteesta on selvitetty, esimerkiksi koulupoissaolokysely',
    meetings: 'Palaverit', present: 'Mukana', agreed: 'Sovittiin', meetingsTodo: 'pidetyt palaverit, niiden päivämäärät ja osallistujat',
    support: 'Koulun tukitoimet', supportTodo: 'mitä tukea koulu on antanut',
    guardians: 'Yhteistyö huoltajien kanssa', guardiansTodo: 'miten huoltajien kanssa on tehty yhteistyötä',
    informed: 'Huoltajat tietävät tästä yhteydenotosta.', notInformed: 'Huoltajille ei ole vielä kerrottu tästä yhteydenotosta.',
    consultation: 'Konsultaatio', consulted: (w: string) => `Asiasta on konsultoitu: ${w}.`, consultationTodo: 'kenen kanssa asiaa on konsultoitu ennen yhteydenottoa',
    next: 'Jatko', nextTodo: 'seurantapalaverin aika ja oppilaan asioiden vastuuhenkilö',
    nextMeeting: (d: string, p: string) => `Seuraava seurantapalaveri on ${d}. Oppilaan asioista koulussa vastaa ${p}.`,
    hope: 'Toivomme, että sosiaalihuollosta osallistutaan seurantapalaveriin tai otetaan yhteyttä yhteyshenkilöön.',
    contact: 'Yhteyshenkilö koulussa',
  },
  sv: {
    fill: (s: string) => `[Komplettera: ${s}]`,
    pupil: 'Elev', born: 'född', school: 'Skola', className: 'klass', date: 'Datum', hours: 'timmar',
    why: 'Varför vi tar kontakt',
    absences: (year: string, from: string, to: string, total: string, byKind: string) => `Eleven har under läsåret ${year} under tiden ${from}–${to} sammanlagt ${total} timmar frånvaro${byKind ? `: ${byKind}` : ''}.`,
    worry: 'Vi är oroliga för att frånvaron äventyrar elevens skolgång och normala utveckling och ökar risken för utanförskap.',
    notEnough: 'Skolans stödåtgärder och möten har inte räckt till, och frånvaron är fortfarande stor.',
    found: 'Vad skolan har utrett', foundTodo: 'vad som har utretts om orsakerna till frånvaron och elevens situation, till exempel enkäten om skolfrånvaro',
    meetings: 'Möten', present: 'Deltagare', agreed: 'Man kom överens om', meetingsTodo: 'hållna möten, datum och deltagare',
    support: 'Skolans stödåtgärder', supportTodo: 'vilket stöd skolan har gett',
    guardians: 'Samarbete med vårdnadshavarna', guardiansTodo: 'hur man har samarbetat med vårdnadshavarna',
    informed: 'Vårdnadshavarna känner till denna kontakt.', notInformed: 'Vårdnadshavarna har ännu inte informerats om denna kontakt.',
    consultation: 'Konsultation', consulted: (w: string) => `Ärendet har konsulterats: ${w}.`, consultationTodo: 'med vem ärendet har konsulterats före kontakten',
    next: 'Fortsättning', nextTodo: 'tidpunkt för uppföljningsmötet och ansvarsperson för elevens ärenden',
    nextMeeting: (d: string, p: string) => `Nästa uppföljningsmöte är ${d}. Ansvarig för elevens ärenden i skolan är ${p}.`,
    hope: 'Vi hoppas att socialvården deltar i uppföljningsmötet eller kontaktar kontaktpersonen.',
    contact: 'Kontaktperson i skolan',
  },
  en: {
    fill: (s: string) => `[Complete: ${s}]`,
    pupil: 'Pupil', born: 'born', school: 'School', className: 'class', date: 'Date', hours: 'hours',
    why: 'Why we are contacting you',
    absences: (year: string, from: string, to: string, total: string, byKind: string) => `In school year ${year}, from ${from} to ${to}, the pupil has ${total} hours of absence in total${byKind ? `: ${byKind}` : ''}.`,
    worry: 'We are worried that the absences endanger the pupil’s schooling and normal development and increase the risk of exclusion.',
    notEnough: 'The school’s support measures and meetings have not been enough, and the absences are still many.',
    found: 'What the school has found out', foundTodo: 'what has been found out about the reasons for the absences and the pupil’s situation, for example the school absence survey',
    meetings: 'Meetings', present: 'Present', agreed: 'Agreed', meetingsTodo: 'the meetings held, their dates and participants',
    support: 'School support measures', supportTodo: 'what support the school has given',
    guardians: 'Cooperation with the guardians', guardiansTodo: 'how the school has cooperated with the guardians',
    informed: 'The guardians know about this contact.', notInformed: 'The guardians have not yet been told about this contact.',
    consultation: 'Consultation', consulted: (w: string) => `The matter has been consulted with: ${w}.`, consultationTodo: 'with whom the matter was consulted before the contact',
    next: 'Next steps', nextTodo: 'the follow-up meeting date and the person responsible for the pupil’s matters',
    nextMeeting: (d: string, p: string) => `The next follow-up meeting is on ${d}. ${p} is responsible for the pupil’s matters at school.`,
    hope: 'We hope social welfare will take part in the follow-up meeting or contact the contact person.',
    contact: 'Contact person at school',
  },
} as const;
type Texts = (typeof T)[Lang];

/** 2026-09-04 → 4.9.2026 (Finnish date without leading zeros). */
export function finnishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : iso;
}

/** 74.5 → "74,5". */
export function finnishHours(h: number): string {
  return String(Math.round(h * 100) / 100).replace('.', ',');
}

const bullet = (s: string) => `- ${s}`;
const dated = (date: string | null | undefined, s: string) => (date ? `${finnishDate(date)}: ${s}` : s);

export function draftSocialWelfareNotification(input: NotificationDraftInput): NotificationDraft {
  const lang = input.lang ?? 'fi';
  const x: Texts = T[lang];
  const missing: NotificationGap[] = [];
  const todo = (gap: NotificationGap, text: string) => {
    missing.push(gap);
    return [bullet(x.fill(text))];
  };
  const total = ABSENCE_KINDS.reduce((s, k) => s + Math.round(input.hoursByKind[k] * 100), 0) / 100;
  const byKind = ABSENCE_KINDS.filter((k) => input.hoursByKind[k] > 0).map(
    (k) => `${KIND_LABEL[k][lang]} ${finnishHours(input.hoursByKind[k])} ${x.hours}`,
  );
  const { pupil } = input;
  const schoolYear = input.schoolYear.replace('-', '–');

  const sections: string[][] = [
    [
      TITLES[input.kind][lang],
      '',
      `${x.pupil}: ${pupil.name}${pupil.birthDate ? ` (${x.born} ${finnishDate(pupil.birthDate)})` : ''}`,
      `${x.school}: ${pupil.school}${pupil.className ? `, ${x.className} ${pupil.className}` : ''}`,
      `${x.date}: ${finnishDate(input.today)}`,
    ],
    [
      x.why,
      x.absences(schoolYear, finnishDate(input.period.from), finnishDate(input.period.to), finnishHours(total), byKind.join(', ')),
      x.worry,
      ...(input.supportMeasures.length > 0 || input.meetings.length > 0 ? [x.notEnough] : []),
    ],
    [
      x.found,
      ...(input.findings ? [input.findings] : []),
      ...(input.assessments.length > 0
        ? input.assessments.map((a) => bullet(dated(a.date, `${a.name}. ${a.summary}`)))
        : todo('assessments', x.foundTodo)),
    ],
    [
      x.meetings,
      ...(input.meetings.length > 0
        ? [...input.meetings]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((m) =>
              bullet(
                dated(m.date, MEETING_LABEL[m.kind][lang]) +
                  (m.participants && m.participants.length > 0 ? `. ${x.present}: ${m.participants.join(', ')}` : '') +
                  (m.agreed ? `. ${x.agreed}: ${m.agreed}` : '') +
                  '.',
              ),
            )
        : todo('meetings', x.meetingsTodo)),
    ],
    [x.support, ...(input.supportMeasures.length > 0 ? input.supportMeasures.map(bullet) : todo('support-measures', x.supportTodo))],
    [
      x.guardians,
      ...(input.guardianCooperation.length > 0
        ? input.guardianCooperation.map((g) => bullet(dated(g.date, g.description)))
        : todo('guardian-cooperation', x.guardiansTodo)),
      ...(input.guardiansInformed === true ? [x.informed] : input.guardiansInformed === false ? [x.notInformed] : []),
    ],
    [
      x.consultation,
      ...(input.consultation ? [dated(input.consultation.date, x.consulted(input.consultation.with))] : todo('consultation', x.consultationTodo)),
    ],
    [
      x.next,
      ...(input.followUp?.meetingDate && input.followUp.responsiblePerson
        ? [x.nextMeeting(finnishDate(input.followUp.meetingDate), input.followUp.responsiblePerson), x.hope]
        : todo('follow-up', x.nextTodo)),
    ],
    [x.contact, [input.sender.name, input.sender.title, input.sender.phone, input.sender.email].filter(Boolean).join(', ')],
  ];

  return { title: TITLES[input.kind][lang], text: sections.map((s) => s.join('\n')).join('\n\n') + '\n', missing };
}

/**
 * Draft of the over-70-hours step: a contact under the Social Welfare Act (sosiaalihuoltolaki
 * 1301/2014, 35 §) or a child welfare notification (lastensuojelulaki 417/2007, 25 §).
 * The seed asks that it rests on "huoli poissaolojen aiheuttamasta syrjäytymisriskistä ja normaalin
 * kehityksen ja koulunkäynnin vaarantumisesta" and mentions "koulussa jo tehdyt kartoitukset,
 * tukitoimet sekä huoltajien kanssa tehty yhteistyö". The professional edits and sends it; what is
 * missing is listed so the draft never hides a gap.
 */
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
}

export interface NotificationDraft {
  title: string;
  text: string;
  missing: NotificationGap[];
}

const TITLES: Record<NotificationKind, string> = {
  'social-welfare-contact': 'Yhteydenotto sosiaalihuoltoon (sosiaalihuoltolaki 1301/2014, 35 §)',
  'child-protection-notification': 'Lastensuojeluilmoitus (lastensuojelulaki 417/2007, 25 §)',
};

const KIND_LABEL: Record<AbsenceKind, string> = {
  unauthorized: 'luvattomia poissaoloja',
  sick: 'sairauspoissaoloja',
  other: 'muita huolestuttavia poissaoloja',
};

const MEETING_LABEL: Record<NotificationMeetingKind, string> = {
  'guardian-discussion': 'Keskustelu huoltajien kanssa',
  'school-meeting': 'Palaveri koulussa',
  'multi-agency-meeting': 'Monitoimijainen palaveri',
  'follow-up-meeting': 'Seurantapalaveri',
};

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
  const missing: NotificationGap[] = [];
  const todo = (gap: NotificationGap, text: string) => {
    missing.push(gap);
    return [bullet(`[Täydennä: ${text}]`)];
  };
  const total = ABSENCE_KINDS.reduce((s, k) => s + Math.round(input.hoursByKind[k] * 100), 0) / 100;
  const byKind = ABSENCE_KINDS.filter((k) => input.hoursByKind[k] > 0).map(
    (k) => `${KIND_LABEL[k]} ${finnishHours(input.hoursByKind[k])} tuntia`,
  );
  const { pupil } = input;
  const schoolYear = input.schoolYear.replace('-', '–');

  const sections: string[][] = [
    [
      TITLES[input.kind],
      '',
      `Oppilas: ${pupil.name}${pupil.birthDate ? ` (syntynyt ${finnishDate(pupil.birthDate)})` : ''}`,
      `Koulu: ${pupil.school}${pupil.className ? `, luokka ${pupil.className}` : ''}`,
      `Päivämäärä: ${finnishDate(input.today)}`,
    ],
    [
      'Miksi otamme yhteyttä',
      `Oppilaalla on lukuvuonna ${schoolYear} ajalla ${finnishDate(input.period.from)}–${finnishDate(input.period.to)} ` +
        `poissaoloja yhteensä ${finnishHours(total)} tuntia${byKind.length > 0 ? `: ${byKind.join(', ')}` : ''}.`,
      'Olemme huolissamme, että poissaolot vaarantavat oppilaan koulunkäynnin ja normaalin kehityksen ja lisäävät syrjäytymisen riskiä.',
      ...(input.supportMeasures.length > 0 || input.meetings.length > 0
        ? ['Koulun tukitoimet ja palaverit eivät ole riittäneet, ja poissaoloja on edelleen paljon.']
        : []),
    ],
    [
      'Mitä koulu on selvittänyt',
      ...(input.findings ? [input.findings] : []),
      ...(input.assessments.length > 0
        ? input.assessments.map((a) => bullet(dated(a.date, `${a.name}. ${a.summary}`)))
        : todo('assessments', 'mitä poissaolojen syistä ja oppilaan tilanteesta on selvitetty, esimerkiksi koulupoissaolokysely')),
    ],
    [
      'Palaverit',
      ...(input.meetings.length > 0
        ? [...input.meetings]
            .sort((a, b) => a.date.localeCompare(b.date))
            .map((m) =>
              bullet(
                dated(m.date, MEETING_LABEL[m.kind]) +
                  (m.participants && m.participants.length > 0 ? `. Mukana: ${m.participants.join(', ')}` : '') +
                  (m.agreed ? `. Sovittiin: ${m.agreed}` : '') +
                  '.',
              ),
            )
        : todo('meetings', 'pidetyt palaverit, niiden päivämäärät ja osallistujat')),
    ],
    [
      'Koulun tukitoimet',
      ...(input.supportMeasures.length > 0
        ? input.supportMeasures.map(bullet)
        : todo('support-measures', 'mitä tukea koulu on antanut')),
    ],
    [
      'Yhteistyö huoltajien kanssa',
      ...(input.guardianCooperation.length > 0
        ? input.guardianCooperation.map((g) => bullet(dated(g.date, g.description)))
        : todo('guardian-cooperation', 'miten huoltajien kanssa on tehty yhteistyötä')),
      ...guardiansLine(input),
    ],
    [
      'Konsultaatio',
      ...(input.consultation
        ? [dated(input.consultation.date, `Asiasta on konsultoitu: ${input.consultation.with}.`)]
        : todo('consultation', 'kenen kanssa asiaa on konsultoitu ennen yhteydenottoa')),
    ],
    ['Jatko', ...followUpLines(input, todo)],
    [
      'Yhteyshenkilö koulussa',
      [input.sender.name, input.sender.title, input.sender.phone, input.sender.email].filter(Boolean).join(', '),
    ],
  ];

  return { title: TITLES[input.kind], text: sections.map((s) => s.join('\n')).join('\n\n') + '\n', missing };
}

function guardiansLine(input: NotificationDraftInput): string[] {
  if (input.guardiansInformed === true) return ['Huoltajat tietävät tästä yhteydenotosta.'];
  if (input.guardiansInformed === false) return ['Huoltajille ei ole vielä kerrottu tästä yhteydenotosta.'];
  return [];
}

function followUpLines(input: NotificationDraftInput, todo: (gap: NotificationGap, text: string) => string[]): string[] {
  const f = input.followUp;
  if (!f?.meetingDate || !f.responsiblePerson) {
    return todo('follow-up', 'seurantapalaverin aika ja oppilaan asioiden vastuuhenkilö');
  }
  return [
    `Seuraava seurantapalaveri on ${finnishDate(f.meetingDate)}. Oppilaan asioista koulussa vastaa ${f.responsiblePerson}.`,
    'Toivomme, että sosiaalihuollosta osallistutaan seurantapalaveriin tai otetaan yhteyttä yhteyshenkilöön.',
  ];
}

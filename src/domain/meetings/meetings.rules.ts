/**
 * Pure decisions about network meetings (verkostopalaveri), from seed 002's "Rakennusaineiksi
 * avoimuutta ja osallisuutta lisääville verkostopalavereille".
 */

export const MEETING_METHODS = ['network-meeting', 'family-group-conference', 'open-dialogue', 'expert-group', 'assessment-meeting'] as const;
export type MeetingMethod = (typeof MEETING_METHODS)[number];

export const PARTICIPANT_KINDS = ['client', 'close-one', 'professional', 'ngo-worker', 'support-person', 'experience-expert', 'interpreter', 'other'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

/** The seed's agenda: open the meeting from the client, discuss future-oriented, agree next steps. */
export const DEFAULT_AGENDA: Record<'fi' | 'sv' | 'en', string[]> = {
  fi: [
    'Turvallinen alku: aloitetaan asiakkaasta – miksi olemme koolla',
    'Kukin kertoo, kuka on ja miksi paikalla',
    'Sovitaan puheenjohtaja ja kirjaaja; esitellään palaverin kulku ja menetelmä',
    'Asiakkaan omat kysymykset',
    'Keskustelu tulevaisuuteen suuntaavasti: kukin puhuu omista mahdollisuuksistaan ja huolistaan',
    'Yhteenveto: kuka tekee mitä ja milloin',
    'Palautekierros',
    'Muistilista asiakkaalle mukaan',
  ],
  sv: [
    'Trygg början: vi börjar från klienten – varför vi samlats',
    'Var och en berättar vem hen är och varför hen är här',
    'Vi kommer överens om ordförande och sekreterare; mötets gång och metod presenteras',
    'Klientens egna frågor',
    'Framtidsinriktat samtal: var och en talar utifrån sina egna möjligheter och bekymmer',
    'Sammanfattning: vem gör vad och när',
    'Responsrunda',
    'Minneslista med åt klienten',
  ],
  en: [
    'Safe start from the client – why we have gathered',
    'Everyone says who they are and why they are here',
    'Agree on the chair and note-taker; present the course and method of the meeting',
    "The client's own questions",
    'Future-oriented discussion: everyone speaks from their own possibilities and worries',
    'Summary: who does what and when',
    'Feedback round',
    'A checklist for the client to take home',
  ],
};

/** Meeting events on the path: a planned meeting belongs to planning, a held one to services or follow-up. */
export function meetingPhase(status: 'planned' | 'held', hasEarlierHeldMeeting: boolean): 'assessment' | 'follow-up' {
  return status === 'held' && hasEarlierHeldMeeting ? 'follow-up' : 'assessment';
}

export interface DecisionInput {
  what: string;
  responsibleUserId?: string | undefined;
  responsibleName?: string | undefined;
  due: string;
}

/** Problems of one decision, as field paths; a decision must name who does it and a date not before the meeting. */
export function decisionProblems(d: DecisionInput, meetingDate: string): ('responsible' | 'due')[] {
  const problems: ('responsible' | 'due')[] = [];
  if (!d.responsibleUserId && !d.responsibleName?.trim()) problems.push('responsible');
  if (d.due < meetingDate) problems.push('due');
  return problems;
}

/**
 * The client's checklist (muistilista): what the client does, then what others promised, with
 * dates, so the client knows how, when and with whom their matter proceeds.
 */
export function clientChecklist(
  decisions: { what: string; ownerName: string; due: string; isClient: boolean }[],
  extra: string[],
): string[] {
  const fmt = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.${iso.slice(0, 4)}`;
  const sorted = [...decisions].sort((a, b) => Number(b.isClient) - Number(a.isClient) || a.due.localeCompare(b.due));
  return [...sorted.map((d) => `${d.what} – ${d.isClient ? 'sinä' : d.ownerName}, ${fmt(d.due)} mennessä`), ...extra.filter((e) => e.trim())];
}

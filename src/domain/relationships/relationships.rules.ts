/**
 * Pure decisions about client relationships (asiakkuus) and what the client is told
 * (SHL 42 §: the client knows who the responsible worker is and how to reach them).
 */
import type { Lang } from '../shared/errors.js';
import type { NotificationKind, NotificationPayload } from './relationships.tables.js';

export const GUIDANCE_LEVELS = ['neuvonta-ja-ohjaus', 'asiakasohjaus', 'intensiivinen-palveluohjaus'] as const;
export type GuidanceLevel = (typeof GUIDANCE_LEVELS)[number];

export interface RelationshipChange {
  responsibleUserId?: string;
  end?: boolean;
}

/** What the client must be told about a change, if anything. Ending wins over a worker change. */
export function notificationFor(current: { responsibleUserId: string | null; endedAt: unknown }, change: RelationshipChange): NotificationKind | null {
  if (change.end && !current.endedAt) return 'relationship-ended';
  if (change.responsibleUserId && change.responsibleUserId !== current.responsibleUserId) return 'worker-changed';
  return null;
}

/** The relationship that coordinates comes first; then the closest level of guidance, then the newest. */
export function byCoordinationFirst<T extends { holdsCoordination: boolean; level: string; startedAt: string }>(a: T, b: T): number {
  if (a.holdsCoordination !== b.holdsCoordination) return a.holdsCoordination ? -1 : 1;
  const rank = (l: string) => GUIDANCE_LEVELS.length - GUIDANCE_LEVELS.indexOf(l as GuidanceLevel);
  if (rank(a.level) !== rank(b.level)) return rank(a.level) - rank(b.level);
  return b.startedAt.localeCompare(a.startedAt);
}

const CONTACT: Record<Lang, (w: NonNullable<NotificationPayload['worker']>) => string> = {
  fi: (w) => [w.phone && `puhelin ${w.phone}`, w.email && `sähköposti ${w.email}`].filter(Boolean).join(', '),
  sv: (w) => [w.phone && `telefon ${w.phone}`, w.email && `e-post ${w.email}`].filter(Boolean).join(', '),
  en: (w) => [w.phone && `phone ${w.phone}`, w.email && `email ${w.email}`].filter(Boolean).join(', '),
};

const who = (p: NotificationPayload, lang: Lang) => {
  const w = p.worker;
  if (!w) return '';
  const title = w.title ? ` (${w.title})` : '';
  const contact = CONTACT[lang](w);
  return `${w.name}${title}${contact ? `, ${contact}` : ''}`;
};

/** Plain-language sentences (selkokieli-friendly: short, second person, one thing at a time). */
export function notificationMessage(kind: NotificationKind, p: NotificationPayload, lang: Lang): string {
  const w = who(p, lang);
  const texts: Record<NotificationKind, Record<Lang, string>> = {
    'relationship-started': {
      fi: `Sinulla on nyt asiakkuus: ${p.organizationName}. Omatyöntekijäsi on ${w}. Voit ottaa yhteyttä häneen, kun asiasi mietityttää.`,
      sv: `Du är nu klient hos: ${p.organizationName}. Din egen kontaktperson är ${w}. Du kan kontakta hen när du undrar över något.`,
      en: `You are now a client of: ${p.organizationName}. Your responsible worker is ${w}. Contact them whenever you have questions.`,
    },
    'worker-changed': {
      fi: `Omatyöntekijäsi vaihtui (${p.organizationName}). Uusi omatyöntekijäsi on ${w}.`,
      sv: `Din egen kontaktperson har bytts (${p.organizationName}). Din nya kontaktperson är ${w}.`,
      en: `Your responsible worker has changed (${p.organizationName}). Your new responsible worker is ${w}.`,
    },
    'relationship-ended': {
      fi: `Asiakkuutesi päättyi: ${p.organizationName}. Jos tarvitset apua myöhemmin, ota yhteyttä uudelleen.`,
      sv: `Din klientrelation har avslutats: ${p.organizationName}. Kontakta oss igen om du behöver hjälp senare.`,
      en: `Your client relationship has ended: ${p.organizationName}. If you need help later, contact us again.`,
    },
    'plan-updated': {
      fi: `Asiakassuunnitelmaasi päivitettiin (versio ${p.planVersion ?? ''}). Voit lukea sen Oma polku -sivulta.`,
      sv: `Din klientplan har uppdaterats (version ${p.planVersion ?? ''}). Du kan läsa den på sidan Min stig.`,
      en: `Your client plan was updated (version ${p.planVersion ?? ''}). You can read it on the My path page.`,
    },
  };
  return texts[kind][lang];
}

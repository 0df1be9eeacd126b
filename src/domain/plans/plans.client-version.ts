/**
 * The client's own version of the plan: plain language (selkokieli-friendly: short sentences,
 * "you", one thing per line), who to contact and how, and the next steps. Pure; the JSON view,
 * the printable page and the PDF all use this one text.
 */
import type { ClientPlanView, Plan } from '../../contracts/plans.contracts.js';
import type { Relationship } from '../../contracts/relationships.contracts.js';
import type { Lang } from '../shared/errors.js';
import { nextSteps } from './plans.rules.js';

const T = {
  fi: {
    title: 'Minun suunnitelmani',
    situation: 'Tilanteesi',
    ownGoals: 'Mitä sinä haluat',
    shortGoals: 'Tavoitteet nyt',
    longGoals: 'Tavoitteet pidemmällä aikavälillä',
    next: 'Seuraavat askeleet',
    nothingNext: 'Ei sovittuja askeleita juuri nyt.',
    contacts: 'Keneen voit ottaa yhteyttä',
    coordinator: 'Hän kokoaa asiasi yhteen.',
    backup: 'Jos hän ei ole paikalla',
    services: 'Sinun palvelusi',
    review: 'Milloin suunnitelma tarkistetaan',
    reviewOn: (d: string) => `Katsomme suunnitelman yhdessä uudelleen ${d}.`,
    views: 'Mitä mieltä olette',
    yourView: 'Sinun näkemyksesi',
    proView: 'Työntekijöiden näkemys',
    urgent: 'Jos tarvitset apua heti',
    urgentLine: 'Hätätilanteessa soita 112.',
    you: 'sinä',
    phone: 'puhelin',
    email: 'sähköposti',
    version: (v: number, d: string) => `Versio ${v}, päivitetty ${d}`,
  },
  sv: {
    title: 'Min plan',
    situation: 'Din situation',
    ownGoals: 'Vad du vill',
    shortGoals: 'Mål nu',
    longGoals: 'Mål på längre sikt',
    next: 'Nästa steg',
    nothingNext: 'Inga överenskomna steg just nu.',
    contacts: 'Vem du kan kontakta',
    coordinator: 'Hen samordnar dina ärenden.',
    backup: 'Om hen inte är på plats',
    services: 'Dina tjänster',
    review: 'När planen ses över',
    reviewOn: (d: string) => `Vi går igenom planen tillsammans igen ${d}.`,
    views: 'Vad ni tycker',
    yourView: 'Din åsikt',
    proView: 'De anställdas åsikt',
    urgent: 'Om du behöver hjälp genast',
    urgentLine: 'Ring 112 i en nödsituation.',
    you: 'du',
    phone: 'telefon',
    email: 'e-post',
    version: (v: number, d: string) => `Version ${v}, uppdaterad ${d}`,
  },
  en: {
    title: 'My plan',
    situation: 'Your situation',
    ownGoals: 'What you want',
    shortGoals: 'Goals for now',
    longGoals: 'Goals for later',
    next: 'Next steps',
    nothingNext: 'No steps agreed right now.',
    contacts: 'Who to contact',
    coordinator: 'They bring your matters together.',
    backup: 'If they are away',
    services: 'Your services',
    review: 'When the plan is reviewed',
    reviewOn: (d: string) => `We will look at the plan together again on ${d}.`,
    views: 'What you think',
    yourView: 'Your view',
    proView: 'The workers’ view',
    urgent: 'If you need help now',
    urgentLine: 'In an emergency, call 112.',
    you: 'you',
    phone: 'phone',
    email: 'email',
    version: (v: number, d: string) => `Version ${v}, updated ${d}`,
  },
} as const;

/** 2026-12-15 → 15.12.2026 (the way dates are written in Finland, in all three languages). */
export const finnishDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

function contactLines(r: Relationship, t: (typeof T)[Lang]): string[] {
  const w = r.responsible;
  if (!w) return [`${r.organization.name}${r.organization.phone ? `, ${t.phone} ${r.organization.phone}` : ''}`];
  const how = [w.phone && `${t.phone} ${w.phone}`, w.email && `${t.email} ${w.email}`].filter(Boolean).join(', ');
  const lines = [`${w.name}${w.title ? `, ${w.title}` : ''} – ${r.organization.name}${how ? `. ${how}` : ''}`];
  if (r.holdsCoordination) lines.push(`  ${t.coordinator}`);
  if (r.backup && r.backup.id !== w.id) lines.push(`  ${t.backup}: ${r.backup.name}${r.backup.phone ? `, ${t.phone} ${r.backup.phone}` : ''}`);
  return lines;
}

export function buildClientVersion(plan: Plan, contacts: Relationship[], clientName: string, lang: Lang): ClientPlanView {
  const t = T[lang];
  const short = plan.goals.filter((g) => g.term === 'short').map((g) => g.text);
  const long = plan.goals.filter((g) => g.term === 'long').map((g) => g.text);
  const steps = nextSteps(plan.actions).map((a) => {
    const who = a.responsible.kind === 'client' ? t.you : [a.responsible.name, a.responsible.organizationName].filter(Boolean).join(', ');
    const when = a.due ? `${finnishDate(a.due)}: ` : '';
    return `${when}${a.title} (${who})`;
  });
  const sections: ClientPlanView['sections'] = [];
  const add = (heading: string, lines: (string | null | undefined | false)[]) => {
    const kept = lines.filter((l): l is string => !!l && l.trim() !== '');
    if (kept.length) sections.push({ heading, lines: kept });
  };
  add(t.ownGoals, [plan.clientOwnGoals && `”${plan.clientOwnGoals}”`]);
  add(t.next, steps.length ? steps : [t.nothingNext]);
  add(t.contacts, contacts.flatMap((r) => contactLines(r, t)));
  add(t.shortGoals, short);
  add(t.longGoals, long);
  add(t.services, plan.services.map((s) => (s.providerName ? `${s.name} (${s.providerName})` : s.name)));
  add(t.situation, [plan.situationSummary]);
  add(t.views, [plan.clientView && `${t.yourView}: ${plan.clientView}`, plan.viewsDiffer && `${t.proView}: ${plan.professionalView}`]);
  add(t.review, [plan.reviewDate && t.reviewOn(finnishDate(plan.reviewDate))]);
  add(t.urgent, [t.urgentLine]);
  return {
    lang,
    clientName,
    title: t.title,
    updatedAt: plan.updatedAt,
    version: plan.version,
    sections,
  };
}

export const versionLine = (view: ClientPlanView) => T[view.lang].version(view.version, finnishDate(view.updatedAt));

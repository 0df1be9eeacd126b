/**
 * Pure parts of Oma polku: telling the client in plain words what was done with their data and why
 * (Act 703/2023 § 11), and which follow-up tasks are theirs.
 */
import type { Lang } from '../shared/errors.js';

type L = Record<Lang, string>;

const WHAT: [prefix: string, text: L][] = [
  ['client.', { fi: 'Katsoi tai päivitti perustietojasi', sv: 'Läste eller uppdaterade dina grunduppgifter', en: 'Viewed or updated your basic details' }],
  ['plan.', { fi: 'Katsoi tai muokkasi suunnitelmaasi', sv: 'Läste eller ändrade din plan', en: 'Viewed or edited your plan' }],
  ['self-assessment.', { fi: 'Katsoi itsearviotasi', sv: 'Läste din självbedömning', en: 'Viewed your self-assessment' }],
  ['assessment.', { fi: 'Katsoi tai teki arvion tilanteestasi', sv: 'Läste eller gjorde en bedömning av din situation', en: 'Viewed or made an assessment of your situation' }],
  ['referral.', { fi: 'Käsitteli lähetettäsi palveluun', sv: 'Behandlade din remiss', en: 'Handled your referral to a service' }],
  ['consent.', { fi: 'Käsitteli suostumuksiasi', sv: 'Behandlade dina samtycken', en: 'Handled your consents' }],
  ['meeting.', { fi: 'Käsitteli tapaamisiasi', sv: 'Behandlade dina möten', en: 'Handled your meetings' }],
  ['task.', { fi: 'Käsitteli sovittuja tehtäviä', sv: 'Behandlade överenskomna uppgifter', en: 'Handled agreed tasks' }],
  ['path.', { fi: 'Katsoi polkuasi', sv: 'Läste din stig', en: 'Viewed your path' }],
  ['relationship.', { fi: 'Käsitteli asiakkuuttasi tai omatyöntekijääsi', sv: 'Behandlade ditt klientskap eller din kontaktperson', en: 'Handled your client relationship or named worker' }],
  ['handover.', { fi: 'Käsitteli työntekijäsi vaihtoa (saattaen vaihto)', sv: 'Behandlade bytet av din kontaktperson', en: 'Handled the change of your worker (warm handover)' }],
  ['portal.handovers', { fi: 'Katsoi työntekijäsi vaihtoa', sv: 'Läste om bytet av din kontaktperson', en: 'Viewed the change of your worker' }],
  ['concern.', { fi: 'Käsitteli huolta, joka koski sinua', sv: 'Behandlade en oro som gällde dig', en: 'Handled a concern about you' }],
  ['access-log.', { fi: 'Katsoi, kuka on käsitellyt tietojasi', sv: 'Läste vem som har behandlat dina uppgifter', en: 'Viewed who has handled your data' }],
];
const OTHER: L = { fi: 'Käsitteli tietojasi', sv: 'Behandlade dina uppgifter', en: 'Handled your data' };

export function describeAction(action: string, lang: Lang): string {
  return (WHAT.find(([p]) => action.startsWith(p))?.[1] ?? OTHER)[lang];
}

const BASIS: [prefix: string, text: L][] = [
  ['client-relationship', { fi: 'Olet heidän asiakkaanaan', sv: 'Du är deras klient', en: 'You are their client' }],
  ['consent', { fi: 'Suostumuksesi perusteella', sv: 'Med ditt samtycke', en: 'With your consent' }],
  ['statutory', { fi: 'Lain perusteella (esim. ilmoitusvelvollisuus)', sv: 'Med stöd av lag (t.ex. anmälningsplikt)', en: 'By law (e.g. duty to notify)' }],
  ['emergency', { fi: 'Hätätilanteessa, tarkastetaan jälkikäteen', sv: 'I en nödsituation, granskas i efterhand', en: 'In an emergency, reviewed afterwards' }],
  ['guardian', { fi: 'Huoltajana', sv: 'Som vårdnadshavare', en: 'As guardian' }],
];

export function describeBasis(basis: string | null, allowed: boolean, lang: Lang): string {
  if (!allowed) return { fi: 'Pääsy estettiin', sv: 'Åtkomsten nekades', en: 'Access was refused' }[lang];
  return (BASIS.find(([p]) => basis?.startsWith(p))?.[1] ?? OTHER)[lang];
}

/** The client's own reading of the portal is not news to them; everyone else's use is shown. */
export const isShownInAccessLog = (basis: string | null) => basis !== 'self';

/** A task is the client's when it is assigned to their login or to them by name. */
export function isClientsTask(task: { ownerUserId: string | null; ownerName: string }, client: { userId: string; fullName: string }): boolean {
  if (task.ownerUserId) return task.ownerUserId === client.userId;
  const norm = (s: string) => s.trim().toLocaleLowerCase('fi').replace(/\s+/g, ' ');
  const name = norm(task.ownerName);
  return name === norm(client.fullName) || name === 'asiakas' || name === norm(client.fullName.split(' ')[0] ?? '');
}

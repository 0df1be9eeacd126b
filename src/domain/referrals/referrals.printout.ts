import type { Tx } from '../../db/schema.js';
import type { Actor } from '../identity/actor.js';
import type { Lang } from '../shared/errors.js';
import { referralForParty } from './referrals.service.js';

/**
 * The printed referral (lähete) for a provider that does not use Polku, as one document the HTML
 * print and the PDF both draw: headings and label–value rows in the reader's language. Contact
 * details are included only when the client consented to share them.
 */
export interface ReferralPrintout {
  lang: Lang;
  title: string;
  dateLine: string;
  sections: { heading: string; rows: [label: string, value: string][] }[];
  footer: string;
}

const T = {
  fi: {
    title: 'Lähete / palvelupyyntö', dated: 'Päivätty', id: 'Tunniste', receiver: 'Vastaanottaja', service: 'Palvelu', provider: 'Palveluntuottaja',
    client: 'Asiakas', name: 'Nimi', birth: 'Syntymäaika', phone: 'Puhelin', address: 'Osoite', email: 'Sähköposti', contactPref: 'Yhteydenottotoive',
    why: 'Lähetteen syy', reason: 'Syy', urgency: 'Kiireellisyys', info: 'Vastaanottajan hyvä tietää', sender: 'Lähettäjä', org: 'Organisaatio',
    person: 'Yhteyshenkilö', urgencies: { low: 'Ei kiireellinen', normal: 'Tavallinen', urgent: 'Kiireellinen' },
    footer: 'Tiedot luovutetaan asiakkaan suostumuksella. Pyydämme ilmoittamaan lähettäjälle, kun asiakas on otettu vastaan.',
  },
  sv: {
    title: 'Remiss / begäran om tjänst', dated: 'Daterad', id: 'Identifierare', receiver: 'Mottagare', service: 'Tjänst', provider: 'Tjänsteproducent',
    client: 'Klient', name: 'Namn', birth: 'Födelsedatum', phone: 'Telefon', address: 'Adress', email: 'E-post', contactPref: 'Önskemål om kontakt',
    why: 'Orsak till remissen', reason: 'Orsak', urgency: 'Brådskande', info: 'Bra för mottagaren att veta', sender: 'Avsändare', org: 'Organisation',
    person: 'Kontaktperson', urgencies: { low: 'Inte brådskande', normal: 'Normal', urgent: 'Brådskande' },
    footer: 'Uppgifterna lämnas ut med klientens samtycke. Meddela avsändaren när klienten har tagits emot.',
  },
  en: {
    title: 'Referral / service request', dated: 'Dated', id: 'Reference', receiver: 'Receiver', service: 'Service', provider: 'Provider',
    client: 'Client', name: 'Name', birth: 'Date of birth', phone: 'Phone', address: 'Address', email: 'Email', contactPref: 'How to contact',
    why: 'Reason for the referral', reason: 'Reason', urgency: 'Urgency', info: 'Good for the receiver to know', sender: 'Sender', org: 'Organisation',
    person: 'Contact person', urgencies: { low: 'Not urgent', normal: 'Normal', urgent: 'Urgent' },
    footer: 'The data are disclosed with the client’s consent. Please tell the sender when the client has been received.',
  },
} as const;

const LOCALE: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export async function referralPrintout(tx: Tx, actor: Actor, id: string, lang: Lang = 'fi', action = 'referral.print'): Promise<ReferralPrintout> {
  const { r } = await referralForParty(tx, actor, id, action);
  const row = await tx.selectFrom('clients').select(['phone', 'address', 'email', 'non_disclosure']).where('id', '=', r.client_id).executeTakeFirstOrThrow();
  // Turvakielto: the address never leaves the system, not even on a printed or PDF referral with contact consent.
  const client = { ...row, address: row.non_disclosure ? null : row.address };
  const t = T[lang];
  const date = (d: Date | string) => new Date(d).toLocaleDateString(LOCALE[lang]);
  const contact = r.shared_categories.includes('contact') ? [[t.phone, client.phone], [t.address, client.address], [t.email, client.email]] : [];
  const rows = (pairs: (readonly [string, unknown])[]) =>
    pairs.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [k, String(v)] as [string, string]);
  return {
    lang,
    title: t.title,
    dateLine: `${t.dated} ${date(r.created_at)}. ${t.id} ${r.id}`,
    sections: [
      { heading: t.receiver, rows: rows([[t.service, r.service_name], [t.provider, r.to_org_name ?? r.to_provider_name]]) },
      {
        heading: t.client,
        rows: rows([[t.name, `${r.first_name} ${r.last_name}`], [t.birth, date(r.birth_date)], ...(contact as [string, unknown][]), [t.contactPref, r.contact_preference]]),
      },
      {
        heading: t.why,
        rows: rows([[t.reason, r.reason], [t.urgency, t.urgencies[r.urgency as keyof typeof t.urgencies] ?? r.urgency], [t.info, r.receiver_info]]),
      },
      {
        heading: t.sender,
        rows: rows([[t.org, r.from_org_name], [t.person, r.from_user_name], [t.phone, r.from_user_phone ?? r.from_org_phone], [t.email, r.from_user_email]]),
      },
    ],
    footer: t.footer,
  };
}

import type { Tx } from '../../db/schema.js';
import type { Actor } from '../identity/actor.js';
import type { Lang } from '../shared/errors.js';
import { referralForParty } from './referrals.service.js';

const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const URGENCY_FI: Record<string, string> = { low: 'Ei kiireellinen', normal: 'Tavallinen', urgent: 'Kiireellinen' };

/**
 * A printable referral for a provider that does not use Polku (print to paper or PDF from the
 * browser). Contact details are printed only when the client consented to share them.
 */
export async function printReferral(tx: Tx, actor: Actor, id: string, _lang: Lang = 'fi') {
  const { r } = await referralForParty(tx, actor, id, 'referral.print');
  const client = await tx.selectFrom('clients').select(['phone', 'address', 'email']).where('id', '=', r.client_id).executeTakeFirstOrThrow();
  const contact = r.shared_categories.includes('contact');
  const row = (label: string, value: unknown) => (value ? `<tr><th scope="row">${esc(label)}</th><td>${esc(value)}</td></tr>` : '');
  return `<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Lähete – ${esc(r.service_name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:45rem;margin:2rem auto;line-height:1.5;color:#111}
th{text-align:left;vertical-align:top;padding:.25rem 1rem .25rem 0;width:14rem}td{padding:.25rem 0;white-space:pre-wrap}
@media print{body{margin:0}}</style></head>
<body><main>
<h1>Lähete / palvelupyyntö</h1>
<p>Päivätty ${esc(new Date(r.created_at).toLocaleDateString('fi-FI'))}. Tunniste ${esc(r.id)}</p>
<h2>Vastaanottaja</h2><table>${row('Palvelu', r.service_name)}${row('Palveluntuottaja', r.to_org_name ?? r.to_provider_name)}</table>
<h2>Asiakas</h2><table>${row('Nimi', `${r.first_name} ${r.last_name}`)}${row('Syntymäaika', new Date(r.birth_date).toLocaleDateString('fi-FI'))}
${contact ? row('Puhelin', client.phone) + row('Osoite', client.address) + row('Sähköposti', client.email) : ''}${row('Yhteydenottotoive', r.contact_preference)}</table>
<h2>Lähetteen syy</h2><table>${row('Syy', r.reason)}${row('Kiireellisyys', URGENCY_FI[r.urgency] ?? r.urgency)}${row('Vastaanottajan hyvä tietää', r.receiver_info)}</table>
<h2>Lähettäjä</h2><table>${row('Organisaatio', r.from_org_name)}${row('Yhteyshenkilö', r.from_user_name)}${row('Puhelin', r.from_user_phone ?? r.from_org_phone)}${row('Sähköposti', r.from_user_email)}</table>
<p>Tiedot luovutetaan asiakkaan suostumuksella. Pyydämme ilmoittamaan lähettäjälle, kun asiakas on otettu vastaan.</p>
</main></body></html>`;
}

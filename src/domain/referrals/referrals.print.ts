import type { Tx } from '../../db/schema.js';
import type { Actor } from '../identity/actor.js';
import type { Lang } from '../shared/errors.js';
import { referralPrintout } from './referrals.printout.js';

const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A printable referral page for a provider that does not use Polku (print to paper from the browser). */
export async function printReferral(tx: Tx, actor: Actor, id: string, lang: Lang = 'fi') {
  const p = await referralPrintout(tx, actor, id, lang);
  const table = (rows: [string, string][]) => `<table>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
  return `<!doctype html>
<html lang="${p.lang}"><head><meta charset="utf-8"><title>${esc(p.title)} – ${esc(p.sections[0]?.rows[0]?.[1] ?? '')}</title>
<style>body{font-family:system-ui,sans-serif;max-width:45rem;margin:2rem auto;line-height:1.5;color:#111}
th{text-align:left;vertical-align:top;padding:.25rem 1rem .25rem 0;width:14rem}td{padding:.25rem 0;white-space:pre-wrap}
@media print{body{margin:0}}</style></head>
<body><main>
<h1>${esc(p.title)}</h1>
<p>${esc(p.dateLine)}</p>
${p.sections.map((s) => `<h2>${esc(s.heading)}</h2>${table(s.rows)}`).join('\n')}
<p>${esc(p.footer)}</p>
</main></body></html>`;
}

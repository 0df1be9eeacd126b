import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_TODAY, type TestApp } from '../helpers/test-app.js';
import { makeConsent, makeReferral, orgId, serviceOf } from './referrals.fixtures.js';

/**
 * Address non-disclosure (turvakielto): every way a client's address can leave the system is checked
 * with a client under non-disclosure (the address must not appear) and, where the exit shows addresses
 * at all, with a client without it (the address must appear, so the check can fail).
 * The backup (an administrator's full dump) is the one exit that keeps it, by design.
 */
let t: TestApp;
let ohjaaja: string;
let anniId = '';
const SECRET = 'Salaistenkuja 7, Järvenpää';
const OPEN = 'Avoimenkatu 3, Järvenpää';

/** The text drawn in a PDF: content streams inflated, hex strings of Tj/TJ decoded (pdfkit's standard fonts, WinAnsi). */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let text = '';
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.slice(start, end);
    }
    text += ` ${[...content.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join('')}`;
    text += ` ${[...content.matchAll(/\(((?:\\.|[^\\)])*)\)/g)].map((s) => s[1]).join('')}`;
  }
  return text;
}

async function newClient(lastName: string, address: string, nonDisclosure: boolean): Promise<string> {
  const res = await t.call('POST', '/api/v1/clients', { cookie: ohjaaja, body: { firstName: 'Osoite', lastName, birthDate: '1981-03-03', address, phone: '040 123 4567', nonDisclosure } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  ohjaaja = await t.login('ohjaaja');
  anniId = (await t.db.selectFrom('clients').select('id').where('first_name', '=', 'Anni').where('last_name', '=', 'Virtanen').executeTakeFirstOrThrow()).id;
  // Anni (demo client with a plan, meetings and a portal login) gets an address under non-disclosure.
  await t.db.updateTable('clients').set({ address: SECRET, non_disclosure: true }).where('id', '=', anniId).execute();
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe(`address non-disclosure (turvakielto) on every exit, ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('client API: detail, update answer and search never carry the address; without non-disclosure they do', async () => {
    const read = await t.call('GET', `/api/v1/clients/${anniId}`, { cookie: ohjaaja });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ nonDisclosure: true, address: null });
    expect(read.body).not.toContain('Salaistenkuja');
    const patched = await t.call('PATCH', `/api/v1/clients/${anniId}`, { cookie: ohjaaja, body: { phone: '040 765 4321' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.body).not.toContain('Salaistenkuja');
    const search = await t.call('GET', '/api/v1/clients?q=Virtanen', { cookie: ohjaaja });
    expect(search.body).not.toContain('Salaistenkuja');
    const openId = await newClient('Avoin', OPEN, false);
    expect((await t.call('GET', `/api/v1/clients/${openId}`, { cookie: ohjaaja })).json().address).toBe(OPEN);
  });

  it('printed referral and referral PDF with contact consent: the address only for a client without non-disclosure', async () => {
    const fysio = await orgId(t, 'fysio');
    const service = await serviceOf(t, 'fysio');
    for (const [name, address, hidden] of [['Salattu', SECRET, true], ['Julkinen', OPEN, false]] as const) {
      const clientId = await newClient(name, address, hidden);
      await makeConsent(t, ohjaaja, clientId, [fysio], ['contact', 'plan']);
      const id = await makeReferral(t, ohjaaja, clientId, service);
      const html = await t.call('GET', `/api/v1/referrals/${id}/print`, { cookie: ohjaaja });
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('040 123 4567'); // contact details are shared: only the address is withheld
      const pdf = await t.call('GET', `/api/v1/referrals/${id}/print.pdf`, { cookie: ohjaaja });
      expect(pdf.statusCode).toBe(200);
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain(name);
      const street = address.split(' ')[0]!;
      expect(html.body.includes(street), `${name} HTML`).toBe(!hidden);
      expect(text.includes(street), `${name} PDF`).toBe(!hidden);
    }
  });

  it('plan PDF (professional and client versions) does not carry the address', async () => {
    const pdf = await t.call('GET', `/api/v1/clients/${anniId}/plan.pdf`, { cookie: ohjaaja });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Anni'); // the decoder reads the PDF's text
    expect(text).not.toContain('Salaistenkuja');
    const clientVersion = await t.call('GET', `/api/v1/clients/${anniId}/plan/client-version`, { cookie: ohjaaja });
    expect(clientVersion.body).not.toContain('Salaistenkuja');
  });

  it("meetings and the client's checklist (meeting detail) do not carry the address", async () => {
    const list = await t.call('GET', `/api/v1/clients/${anniId}/meetings`, { cookie: ohjaaja });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('Salaistenkuja');
    const body = list.json() as { items?: { id: string }[]; upcoming?: { id: string }[]; past?: { id: string }[] };
    const ids = [...(body.items ?? []), ...(body.upcoming ?? []), ...(body.past ?? [])].map((m) => m.id);
    expect(ids.length, list.body).toBeGreaterThan(0); // Anni's demo path has network meetings
    for (const id of ids) {
      const detail = await t.call('GET', `/api/v1/meetings/${id}`, { cookie: ohjaaja });
      expect(detail.body).not.toContain('Salaistenkuja');
    }
  });

  it("the client's own portal does not show the address either", async () => {
    const anni = await t.login('anni');
    for (const path of ['', '/plan', '/worker', '/meetings', '/referrals', '/path', '/consents', '/access-log']) {
      const res = await t.call('GET', `/api/v1/me${path}`, { cookie: anni });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      expect(res.body, path).not.toContain('Salaistenkuja');
    }
    const own = await t.call('GET', `/api/v1/clients/${anniId}`, { cookie: anni });
    if (own.statusCode === 200) expect(own.body).not.toContain('Salaistenkuja');
  });

  it('CSV exports of every report (management and council) do not carry addresses', async () => {
    const manager = await t.login('esihenkilo');
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const period = `from=${day(new Date(TEST_TODAY.getTime() - 3 * 365 * 86_400_000))}&to=${day(new Date(TEST_TODAY.getTime() + 30 * 86_400_000))}`;
    for (const r of ['segments', 'caseloads', 'referrals', 'interfaces', 'service-gaps', 'feedback', 'path-breaks']) {
      for (const audience of r === 'segments' || r === 'caseloads' || r === 'referrals' || r === 'path-breaks' ? ['management', 'council'] : ['management']) {
        const res = await t.call('GET', `/api/v1/reports/${r}?${period}&format=csv&audience=${audience}`, { cookie: manager });
        expect(res.statusCode, `${r} ${audience}`).toBe(200);
        expect(res.body).not.toContain('Salaistenkuja');
        expect(res.body).not.toContain('Avoimenkatu');
      }
    }
  });
});

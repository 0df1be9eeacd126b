import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_CLIENTS } from '../../src/domain/paths/demo-clients.data.js';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

const person = (key: string) => DEMO_CLIENTS.find((c) => c.key === key)!.person;
const saara = person('saara');
const anni = person('anni');
const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

describe('clients', () => {
  test('a case manager sees the caseload by level, opens a seed client and walks the tabs', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'asiakasvastaava');
    await page.goto('/asiakkaat');
    await heading(page, 'Asiakkaat').waitFor();
    await page.getByRole('heading', { name: 'Omat asiakkaasi tason mukaan' }).waitFor();
    await page.getByRole('link', { name: `${saara.lastName} ${saara.firstName}` }).waitFor();
    // Saara's row: the worker's next task for her (overdue in the demo world, whose dates follow the day it is seeded) and the alert badge.
    const saaraRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: `${saara.lastName} ${saara.firstName}` }) });
    await saaraRow.getByRole('cell', { name: /Kutsu verkosto työkokeilun loppuarvioon/ }).getByText(/^\d{1,2}\.\d{1,2}\.\d{4} · myöhässä$/).waitFor();
    await saaraRow.getByRole('listitem').filter({ hasText: /^\d+ myöhässä$/ }).waitFor();
    await page.getByRole('columnheader', { name: 'Seuraava tehtävä' }).waitFor();
    await page.getByRole('columnheader', { name: 'Huomiot' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    // The same in Swedish.
    await page.evaluate(() => localStorage.setItem('polku.language', 'sv'));
    await page.reload();
    await page.getByRole('columnheader', { name: 'Nästa uppgift' }).waitFor();
    await saaraRow.getByText(/^\d{1,2}\.\d{1,2}\.\d{4} · försenad$/).waitFor();
    await saaraRow.getByRole('listitem').filter({ hasText: /^\d+ försenade$/ }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.evaluate(() => localStorage.setItem('polku.language', 'fi'));
    await page.reload();
    await heading(page, 'Asiakkaat').waitFor();

    await page.getByRole('link', { name: `${saara.lastName} ${saara.firstName}` }).click();
    await heading(page, `${saara.firstName} ${saara.lastName}`).waitFor();
    await page.getByRole('heading', { name: 'Asiakkuudet' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Itsearvio', exact: true }).click();
    await page.getByRole('heading', { name: 'Muutos aiemmasta' }).waitFor();
    await page.getByRole('img', { name: /Itsearviot ajan mittaan/ }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Arvio', exact: true }).click();
    await page.getByRole('heading', { name: 'Ehdotus' }).waitFor();
    await page.getByRole('button', { name: 'Vahvista ehdotus' }).waitFor();
    await page.getByRole('heading', { name: 'Aiemmat arviot' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Palvelut', exact: true }).click();
    await page.getByRole('heading', { name: 'Sopivat palvelut' }).waitFor();
    await page.locator('.recs__item').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.recs__item').count()).toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 120_000);

  test('registering warns of a duplicate, then a new client gets assessed and a concern recorded', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'ohjaaja');
    await page.goto('/asiakkaat/uusi');
    await heading(page, 'Lisää uusi asiakas').waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Etunimi').fill(anni.firstName);
    await page.getByLabel('Sukunimi').fill(anni.lastName);
    await page.getByLabel('Syntymäaika', { exact: true }).fill(anni.birthDate);
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByRole('heading', { name: 'Mahdollinen sama henkilö' }).waitFor();
    await page.getByRole('link', { name: new RegExp(`Avaa ${anni.firstName} ${anni.lastName}`) }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByLabel('Etunimi').fill('Elli');
    await page.getByLabel('Sukunimi').fill('Esimerkki');
    await page.getByLabel('Syntymäaika', { exact: true }).fill('1992-02-29');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await heading(page, 'Elli Esimerkki').waitFor();

    await page.getByRole('link', { name: 'Arvio', exact: true }).click();
    const slider = page.getByLabel(/Arki sujuu ↔ Arjessa haasteita/);
    await slider.focus();
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Vahvista ehdotus' }).click();
    await page.getByText('Arvio tallennettu.').waitFor();

    await page.getByRole('link', { name: 'Huoli', exact: true }).click();
    await page.getByLabel('Kuka huomasi (rooli)').fill('asiakasohjaaja');
    await page.getByLabel('Mistä olet huolissasi?').fill('Vuokra on maksamatta kolmelta kuukaudelta.');
    await page.getByLabel('Asiakas antoi suostumuksen yhteydenottoon').check();
    await page.getByRole('button', { name: 'Kirjaa huoli' }).click();
    await page.getByText('Lähetetty – odottaa vastaanottoa').waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 120_000);

  test("the server's field-level validation message appears beside the field it concerns", async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'ohjaaja');
    await page.goto('/asiakkaat/uusi');
    await heading(page, 'Lisää uusi asiakas').waitFor();
    await page.getByLabel('Etunimi').fill('Kenttä');
    await page.getByLabel('Sukunimi').fill('Virheinen');
    await page.getByLabel('Syntymäaika', { exact: true }).fill('1990-01-01');
    const municipality = page.getByLabel('Kotikunnan numero (vapaaehtoinen)');
    await municipality.fill('12');
    await page.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await expect.poll(() => municipality.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    const describedBy = (await municipality.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('municipalityCode');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 120_000);

  test('a worker with more than 50 clients pages the caseload: 50 a page, previous and next, counts over all', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'sosiaaliohjaaja');
    // Created through the API and ended after (the relationships, so the worker's caseload is as before).
    const created: string[] = [];
    for (let i = 0; i < 52; i += 1) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const res = await page.request.post('/api/v1/clients', { data: { firstName: `Sivu${String(i).padStart(2, '0')}`, lastName: 'Selaintesti', birthDate: `19${60 + Math.floor(i / 28)}-03-${day}` } });
      expect(res.status()).toBe(201);
      created.push(((await res.json()) as { id: string }).id);
    }
    const first = (await (await page.request.get('/api/v1/guidance/caseload')).json()) as { total: number };
    const pages = Math.ceil(first.total / 50);
    expect(pages).toBeGreaterThan(1);

    await page.goto('/asiakkaat');
    const pager = page.getByRole('navigation', { name: 'Asiakaslistan sivut' });
    await pager.getByText(`Sivu 1 / ${pages} (${first.total} asiakasta)`).waitFor();
    expect(await page.locator('table tbody tr').count()).toBe(50);
    expect(await pager.getByRole('button', { name: 'Edellinen sivu' }).isDisabled()).toBe(true);
    await expectNoSeriousAxeViolations(page);

    await pager.getByRole('button', { name: 'Seuraava sivu' }).click();
    await pager.getByText(`Sivu 2 / ${pages} (${first.total} asiakasta)`).waitFor();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(pages === 2 ? first.total - 50 : 50);
    await expectNoSeriousAxeViolations(page);
    // The page is in the address: a reload (or coming back from a client) shows the same page.
    expect(new URL(page.url()).searchParams.get('sivu')).toBe('2');
    await page.reload();
    await pager.getByText(`Sivu 2 / ${pages} (${first.total} asiakasta)`).waitFor();
    await pager.getByRole('button', { name: 'Edellinen sivu' }).click();
    await pager.getByText(`Sivu 1 / ${pages} (${first.total} asiakasta)`).waitFor();

    for (const id of created) {
      const rel = (await (await page.request.get(`/api/v1/clients/${id}/relationships`)).json()) as { items: { id: string }[] };
      for (const r of rel.items) expect((await page.request.patch(`/api/v1/clients/${id}/relationships/${r.id}`, { data: { end: true } })).status()).toBe(200);
    }
    await page.context().close();
  }, 180_000);

  test('social services see the contact in their inbox, urgent first, and mark it received', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'sosiaalityo');
    await page.goto('/asiakkaat');
    await page.getByRole('heading', { name: 'Saapuneet yhteydenotot ja ilmoitukset' }).waitFor();
    const waiting = page.locator('.concern', { hasText: 'Elli Esimerkki' });
    await waiting.getByRole('button', { name: 'Kuittaa vastaanotetuksi' }).click();
    await waiting.getByRole('link', { name: 'Avaa asiakas' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 120_000);
});

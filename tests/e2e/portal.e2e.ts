import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
const hasHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('Oma polku on a phone', () => {
  test('anni sees her worker, plan, self-assessment and who has viewed her data; the page passes axe', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, phone);
    await login(page, 'anni');
    await page.getByRole('heading', { level: 1, name: 'Oma polku' }).waitFor();
    for (const name of ['Oma työntekijäni', 'Suunnitelmani', 'Tapaamiset ja tehtäväni', 'Mitä minulle kuuluu?', 'Suostumukseni', 'Kuka on katsonut tietojani', 'Anna palautetta']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    // The worker can be called straight from the phone.
    const call = page.locator('.portal-worker a[href^="tel:"]').first();
    await call.waitFor();
    expect(await call.getAttribute('href')).toMatch(/^tel:\d+/);
    // Plan sections in plain language come from the client version of the plan.
    expect(await page.locator('.portal-plan h3').count()).toBeGreaterThan(0);
    // The access log lists professionals' use of her data (the demo world has some).
    await page.locator('#oma-accessLog table, #oma-accessLog p').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('anni fills in her self-assessment and sees it in her history', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, phone);
    await login(page, 'anni');
    const section = page.locator('#oma-self');
    await section.locator('fieldset').first().waitFor();
    await section.locator('fieldset').first().locator('input[type="radio"]').nth(3).check();
    await section.locator('button[type="submit"]').click();
    await section.getByRole('status').waitFor();
    await section.locator('table').waitFor();
    await page.context().close();
  });

  test('the portal speaks Swedish when asked', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, phone);
    await login(page, 'anni');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min stig' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vem har sett mina uppgifter' }).waitFor();
    await page.context().close();
  });

  test('a guardian fills in "Mitä sinulle kuuluu?" for their child on a phone; it is saved as given by the guardian; axe passes', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, phone);
    await login(page, 'huoltaja');
    await page.getByRole('heading', { level: 1, name: 'Oma polku' }).waitFor();
    const whose = page.getByLabel('Kenen asioita katsot?');
    const child = await whose.locator('option').nth(1).getAttribute('value');
    await whose.selectOption(child!);
    const section = page.locator('#oma-self');
    await section.getByText('Arvio tallentuu huoltajan antamana', { exact: false }).waitFor();
    await section.locator('fieldset').first().waitFor();
    await expectNoSeriousAxeViolations(page);
    await section.locator('fieldset').first().locator('input[type="radio"]').nth(2).check();
    await section.getByLabel('Omin sanoin: mitä haluat kertoa?').fill('Lapsi sanoo, että koulussa on parempi.');
    const saved = page.waitForResponse((r) => r.url().includes(`/api/v1/me/self-assessments?clientId=${child}`) && r.request().method() === 'POST');
    await section.locator('button[type="submit"]').click();
    const response = await saved;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { items: { filledBy: string }[] };
    expect(body.items.at(-1)?.filledBy).toBe('guardian');
    await section.getByRole('status').waitFor();
    await section.locator('table').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 180_000);
  // Last: it moves anni's responsibility to a new worker.
  test('anni confirms a warm handover herself on a phone: who takes over, who is responsible until then; axe passes', async () => {
    const staff = async (username: string) => { const p = await newPage(e2e.browser, e2e.server.baseUrl); await login(p, username); return p; };
    const page = await newPage(e2e.browser, e2e.server.baseUrl, phone);
    await login(page, 'anni');
    const anniId = ((await (await page.request.get('/api/v1/me')).json()) as { me: { clientId: string } }).me.clientId;
    const ohjaaja = await staff('ohjaaja');
    const found = (await (await ohjaaja.request.get('/api/v1/services?q=kuntouttava%20ty%C3%B6toiminta')).json()) as { items: { id: string; name: string; provider: { id: string | null; name: string | null } }[] };
    const service = found.items.find((s) => s.name === 'Kuntouttava työtoiminta' && s.provider.name === 'Keski-Uudenmaan työllisyysalue');
    expect(service?.provider.id).toBeTruthy();
    const consent = await ohjaaja.request.post(`/api/v1/clients/${anniId}/consents`, {
      data: { recipientOrganizationIds: [service!.provider.id], purpose: 'Siirto työllisyyspalveluihin', dataCategories: ['contact', 'plan'], givenBy: 'client', method: 'written' },
    });
    expect(consent.status(), await consent.text()).toBe(201);
    const start = await ohjaaja.request.post(`/api/v1/clients/${anniId}/handovers`, {
      data: { serviceId: service!.id, reason: 'Seuraava askel on työtoiminta.', summary: 'Anni haluaa aloittaa työtoiminnan kolmena päivänä viikossa.' },
    });
    expect(start.status(), await start.text()).toBe(201);
    const { id, referralId } = (await start.json()) as { id: string; referralId: string };

    // Not ready yet: Anni sees the change coming but no confirm button.
    await page.reload();
    const notice = page.locator('#oma-handover');
    await notice.getByRole('heading', { level: 2, name: 'Työntekijäsi vaihtuu' }).waitFor();
    await notice.getByText('Voit vahvistaa vaihdon, kun olette tavanneet yhdessä', { exact: false }).waitFor();
    expect(await notice.getByRole('button', { name: 'Kyllä, vahvistan' }).count()).toBe(0);

    const valmentaja = await staff('valmentaja');
    for (const status of ['received', 'accepted']) {
      expect((await valmentaja.request.patch(`/api/v1/referrals/${referralId}`, { data: { status } })).status()).toBe(200);
    }
    expect((await valmentaja.request.post(`/api/v1/handovers/${id}/joint-meeting`, { data: { at: new Date().toISOString(), held: true } })).status()).toBe(200);

    await page.reload();
    await notice.getByText('Sinun asioitasi hoitaa jatkossa Ville Valmentaja (Keski-Uudenmaan työllisyysalue).').waitFor();
    await notice.getByText(/^Siihen asti vastuussa on edelleen .+\(Keski-Uudenmaan hyvinvointialue\)/).waitFor();
    const confirm = notice.getByRole('button', { name: 'Kyllä, vahvistan' });
    await confirm.waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoSeriousAxeViolations(page);
    const confirmed = page.waitForResponse((r) => r.url().includes(`/api/v1/me/handovers/${id}/confirm`) && r.request().method() === 'POST');
    await confirm.click();
    expect((await confirmed).status()).toBe(200);
    await notice.getByRole('status').filter({ hasText: 'Kiitos. Vaihto on vahvistettu.' }).waitFor();
    await notice.getByText('Uusi työntekijäsi: Ville Valmentaja').waitFor();
    await page.locator('#oma-worker').getByText('Ville Valmentaja').first().waitFor();
    await expectNoSeriousAxeViolations(page);
    await Promise.all([page, ohjaaja, valmentaja].map((p) => p.context().close()));
  }, 240_000);
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, login, newPage, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('network meetings and the today view', () => {
  test('the demo today view is alive on first start', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'valmentaja');
    await page.goto('/tanaan');
    await heading(page, 'Tänään').waitFor();
    await page.getByRole('heading', { name: 'Myöhässä olevat tehtävät' }).waitFor();
    expect(await page.getByRole('table').count()).toBeGreaterThan(0);
    await page.getByText('Ei yhteyttä', { exact: true }).first().waitFor(); // no-contact alert of the demo data
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('prepare a meeting, record minutes, see the decision as a task in the today view', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'ohjaaja');

    // Prepare with the client.
    await page.goto('/verkostopalaverit/uusi');
    await heading(page, 'Valmistele palaveri asiakkaan kanssa').waitFor();
    await page.getByLabel('Asiakas', { exact: true }).selectOption({ label: 'Anni Virtanen' });
    await page.getByLabel('Paikka', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Päivä ja kellonaika').fill(`${today}T08:00`); // held this morning: its task is due today
    await page.getByLabel('Paikka', { exact: true }).fill('Annin koti, Järvenpää');
    await page.getByLabel('Menetelmä').selectOption('open-dialogue');
    await page.getByLabel('Miksi kokoonnutaan (asiakkaan sanoin)').fill('Kauppamatkat ovat käyneet raskaiksi.');
    await page.getByLabel('Nimi', { exact: true }).fill('Marja Virtanen');
    await page.getByLabel('Suhde tai tehtävä').fill('tytär');
    await page.getByRole('button', { name: 'Lisää henkilö karttaan' }).click();
    await page.getByText('Marja Virtanen').first().waitFor();
    await page.getByLabel('Kysymykset asiakkaan sanoin').fill('Saanko apua kauppakasseihin?');
    await page.getByRole('button', { name: 'Tallenna palaveri' }).click();
    await page.waitForURL(/\/verkostopalaverit\/[0-9a-f-]{36}$/);
    await heading(page, /Avoin dialogi: Anni Virtanen/).waitFor();
    await page.getByText('Saanko apua kauppakasseihin?').waitFor();
    await page.getByText('Turvallinen alku: aloitetaan asiakkaasta', { exact: false }).waitFor(); // the seed's agenda
    await expectNoSeriousAxeViolations(page);

    // Record the minutes with one decision.
    await page.getByLabel('Yhteenveto keskustelusta', { exact: true }).fill('Anni kertoi kauppamatkoista. Sovittiin kauppakassipalvelun selvittämisestä.');
    await page.getByLabel('Mitä tehdään', { exact: true }).fill('Selvitä Annille kauppakassipalvelu');
    await page.getByLabel('Kuka tekee', { exact: true }).selectOption({ label: 'Olli Ohjaaja (Asiakasohjaaja)' });
    await page.getByLabel('Mihin mennessä', { exact: true }).fill(today);
    await page.getByRole('textbox', { name: 'Palautekierros' }).fill('Anni: oli hyvä, että tytär oli mukana.');
    await page.getByRole('button', { name: 'Tallenna muistio ja tehtävät' }).click();
    await page.getByRole('heading', { name: 'Sovitut tehtävät' }).waitFor();
    await page.getByRole('heading', { name: 'Asiakkaan muistilista' }).waitFor();
    await page.getByRole('button', { name: 'Asiakas hyväksyi muistion' }).click();
    await page.getByText(/Asiakas hyväksyi muistion \d/).waitFor();
    await expectNoSeriousAxeViolations(page);

    // The printable checklist.
    await page.getByRole('link', { name: 'Avaa tulostettava muistilista' }).click();
    await heading(page, 'Muistilista: Anni Virtanen').waitFor();
    await page.getByText('Selvitä Annille kauppakassipalvelu', { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(page);

    // The task shows in the today view.
    await page.goto('/tanaan');
    await heading(page, 'Tänään').waitFor();
    const dueToday = page.getByRole('region', { name: 'Tehtävät tänään' });
    await dueToday.getByRole('rowheader', { name: /Selvitä Annille kauppakassipalvelu/ }).waitFor();
    await expectNoSeriousAxeViolations(page);

    // Mark it done from the today view.
    await dueToday.getByRole('button', { name: /^Tehty\s?: Selvitä Annille kauppakassipalvelu/ }).click();
    await page.getByRole('rowheader', { name: /Selvitä Annille kauppakassipalvelu/ }).waitFor({ state: 'detached' });
    await page.context().close();
  }, 240_000); // five axe runs on a shared two-core machine
});

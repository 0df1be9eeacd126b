import { finnishCalendarDate } from '../../src/domain/shared/calendar.js';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('network meetings and the today view', () => {
  test('the demo today view is alive on first start', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'valmentaja');
    await page.goto('/tanaan');
    await heading(page, 'Tänään').waitFor();
    await page.getByRole('heading', { name: 'Myöhässä olevat tehtävät' }).waitFor();
    expect(await page.getByRole('table').count()).toBeGreaterThan(0);
    await page.getByText('Ei yhteyttä', { exact: true }).first().waitFor(); // no-contact alert of the demo data
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('stuck referrals of the shared inbox are one alert that leads to the inbox, in Finnish and Swedish', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'kela'); // the demo data leaves one referral to Kela waiting past its time limit
    await page.goto('/tanaan');
    await heading(page, 'Tänään').waitFor();
    const alert = page.getByRole('link', { name: 'Organisaationne saapuneissa lähetteissä yksi odottaa yli määräajan' });
    await alert.waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.evaluate(() => localStorage.setItem('polku.language', 'sv'));
    await page.reload();
    await page.getByRole('link', { name: 'En remiss till er organisation har väntat längre än tidsgränsen' }).waitFor();
    await page.evaluate(() => localStorage.setItem('polku.language', 'fi'));
    await page.reload();
    await alert.click();
    await page.waitForURL(/\/lahetteet$/);
    await heading(page, 'Lähetteet').waitFor();
    await page.context().close();
  });

  test('prepare a meeting, record minutes, see the decision as a task in the today view', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'ohjaaja');

    // Prepare with the client.
    await page.goto('/verkostopalaverit/uusi');
    await heading(page, 'Valmistele palaveri asiakkaan kanssa').waitFor();
    await page.locator('option', { hasText: 'Anni Virtanen' }).waitFor({ state: 'attached' });
    // The chosen client shows at once, in the change event's own task (not the old one until the router renders).
    const shown = await page.getByLabel('Asiakas', { exact: true }).evaluate((el: HTMLSelectElement) => {
      const anni = [...el.options].find((o) => o.text === 'Anni Virtanen')!;
      el.value = anni.value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return el.value === anni.value;
    });
    expect(shown).toBe(true);
    await page.getByLabel('Paikka', { exact: true }).waitFor();
    await expectNoSeriousAxeViolations(page);
    const today = finnishCalendarDate();
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
    // The plan is updated from the decisions: this one becomes a new action of Anni's plan.
    await page.getByLabel('Suunnitelma', { exact: true }).selectOption({ label: 'Lisää suunnitelmaan uutena toimenpiteenä' });
    await page.getByRole('textbox', { name: 'Palautekierros' }).fill('Anni: oli hyvä, että tytär oli mukana.');
    await page.getByRole('button', { name: 'Tallenna muistio ja tehtävät' }).click();
    await page.getByRole('heading', { name: 'Sovitut tehtävät' }).waitFor();
    await page.getByRole('heading', { name: 'Asiakkaan muistilista' }).waitFor();
    const decisionRow = page.getByRole('row', { name: /Selvitä Annille kauppakassipalvelu/ });
    await decisionRow.getByRole('cell', { name: 'Selvitä Annille kauppakassipalvelu', exact: true }).waitFor(); // "Suunnitelmassa" column
    const meetingUrl = page.url();
    const meetingId = meetingUrl.split('/').pop()!;
    const { clientId } = await page.evaluate(async (id) => (await fetch(`/api/v1/meetings/${id}`)).json() as Promise<{ clientId: string }>, meetingId);
    await page.goto(`/asiakkaat/${clientId}/suunnitelma`);
    await page.getByText('Selvitä Annille kauppakassipalvelu').first().waitFor();
    await page.goto(meetingUrl);
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

  test('a manager sets the organisation’s follow-up defaults; a worker cannot', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'esihenkilo');
    await page.getByRole('link', { name: 'Seurannan asetukset' }).click();
    await heading(page, 'Seurannan asetukset').waitFor();
    await page.getByText('Muutokset koskevat omaa organisaatiotasi.', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Tiivis palveluohjaus' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    const call = page.getByLabel('Seurantasoitto neuvonnan jälkeen');
    expect(await call.inputValue()).toBe('14');
    await call.fill('21');
    await page.getByLabel(/Palvelutarpeen arviointi aloitettava/).fill('6');
    await page.getByRole('button', { name: 'Tallenna organisaation asetukset' }).click();
    await page.getByRole('status').getByText('Asetukset tallennettu.').waitFor();
    await page.reload();
    await heading(page, 'Seurannan asetukset').waitFor();
    expect(await page.getByLabel('Seurantasoitto neuvonnan jälkeen').inputValue()).toBe('21');
    expect(await page.getByLabel(/Palvelutarpeen arviointi aloitettava/).inputValue()).toBe('6');
    // Swedish and English texts.
    for (const [language, title, save] of [['Svenska', 'Inställningar för uppföljning', 'Spara organisationens inställningar'], ['English', 'Follow-up settings', 'Save the organisation’s settings']] as const) {
      await page.getByRole('button', { name: language }).click();
      await heading(page, title).waitFor();
      await page.getByRole('button', { name: save }).waitFor();
    }
    await expectNoSeriousAxeViolations(page);
    await page.context().close();

    const worker = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(worker, 'ohjaaja');
    expect(await worker.getByRole('link', { name: 'Seurannan asetukset' }).count()).toBe(0);
    await worker.context().close();
  }, 180_000);
});

import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

describe('service catalogue', () => {
  test('a resident finds debt advice with an inflected word on a phone, opens it, and axe passes', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, { viewport: { width: 390, height: 844 } });
    await page.goto('/palvelut');
    await page.getByRole('heading', { level: 1, name: 'Palvelut' }).waitFor();
    await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('velkaneuvontaa');
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.waitForURL('**/palvelut?q=velkaneuvontaa');
    const first = page.locator('.catalog-results a').first();
    // The previous results stay visible while the new ones load: wait for the answer to change.
    await expect.poll(async () => (await first.textContent())?.toLowerCase(), { timeout: 15_000 }).toContain('velkaneuvonta');
    await expectNoSeriousAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);

    await first.click();
    await page.getByRole('heading', { level: 2, name: 'Tiedot palvelusta' }).waitFor();
    expect((await page.getByRole('heading', { level: 1 }).textContent())?.toLowerCase()).toContain('velkaneuvonta');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('on a phone the results come first and the filters wait behind one button that counts the chosen ones', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, { viewport: { width: 390, height: 844 } });
    await page.goto('/palvelut?q=velkaneuvontaa');
    await page.locator('.catalog-results a').first().waitFor();
    const forWhom = page.getByRole('group', { name: 'Kenelle' });
    expect(await forWhom.isVisible()).toBe(false);
    // The number of results is on the first screen, not below five filter groups.
    const count = await page.locator('.catalog-search [role="status"]').first().boundingBox();
    expect(count!.y + count!.height).toBeLessThan(844);
    const toggle = page.getByRole('button', { name: 'Näytä rajaukset' });
    await toggle.click();
    await forWhom.waitFor();
    expect(await page.getByRole('button', { name: 'Piilota rajaukset' }).getAttribute('aria-expanded')).toBe('true');
    await forWhom.getByRole('checkbox').first().check();
    await page.waitForURL(/clientGroup=/);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Piilota rajaukset' }).click();
    await page.getByRole('button', { name: 'Näytä rajaukset (1 valittu)' }).waitFor();
    expect(await forWhom.isVisible()).toBe(false);
    await page.context().close();
  });

  test('a professional narrows the catalogue with a facet and the count follows', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'ohjaaja');
    await page.goto('/palvelutarjotin?q=kuraattorille');
    await page.getByRole('heading', { level: 1, name: 'Palvelutarjotin' }).waitFor();
    await page.locator('.catalog-results a').first().waitFor();
    const status = page.locator('.catalog-search [role="status"]').first();
    const before = await status.textContent();
    // The router renders a URL change later, in a transition; the box must show ticked at once, in the same
    // task as the click, not spring back until then (on a slow phone that is long enough to tick it twice).
    const box = page.getByRole('group', { name: 'Kenelle' }).getByRole('checkbox').first();
    expect(await box.evaluate((el: HTMLInputElement) => { el.click(); return el.checked; })).toBe(true);
    await page.waitForURL(/clientGroup=/);
    await expect.poll(() => status.textContent()).not.toBe(before);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('an organisation admin creates a service (field errors shown), edits it, sees the history, and axe passes', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'admin');
    await page.goto('/palvelutarjotin');
    await page.getByRole('link', { name: 'Lisää palvelu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uusi palvelu' }).waitFor();
    const name = page.getByRole('group', { name: 'Nimi' }).getByRole('textbox', { name: 'Suomeksi' });
    const summary = page.getByRole('group', { name: 'Lyhyt kuvaus' }).getByRole('textbox', { name: 'Suomeksi' });
    await name.fill('x');
    await summary.fill('Liian lyhyt');
    await page.getByRole('textbox', { name: 'Sähköposti' }).fill('ei-osoite');
    await page.getByRole('button', { name: 'Tallenna palvelu' }).click();
    // The server's field-level problems appear beside the fields, linked to them for screen readers.
    await expect.poll(() => name.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Sähköposti' }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field__error').count()).toBeGreaterThanOrEqual(2);
    await page.getByRole('alert').waitFor();
    await expectNoSeriousAxeViolations(page);

    await name.fill('Selainkokeen olohuone');
    await page.getByRole('group', { name: 'Nimi' }).getByRole('textbox', { name: 'Ruotsiksi' }).fill('Webbläsartestets vardagsrum');
    await summary.fill('Avoin kohtaamispaikka kaikille, jotka kaipaavat seuraa.');
    await page.getByRole('textbox', { name: 'Sähköposti' }).fill('olohuone@example.fi');
    await page.getByRole('button', { name: 'Tallenna palvelu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Selainkokeen olohuone' }).waitFor({ timeout: 15_000 });
    await page.getByText('Palvelu tallennettu.').waitFor();

    await page.getByRole('textbox', { name: 'Puhelin' }).fill('09 123 4567');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByText('Muutokset tallennettu.').waitFor({ timeout: 15_000 });
    const history = page.locator('.catalog-history');
    await expect.poll(() => history.textContent(), { timeout: 15_000 }).toContain('Muutettu');
    expect(await history.textContent()).toContain('09 123 4567');
    await expectNoSeriousAxeViolations(page);

    // The Swedish UI shows the Swedish name; the summary has none and falls back to Finnish, marked lang="fi".
    await page.evaluate(() => localStorage.setItem('polku.language', 'sv'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Webbläsartestets vardagsrum' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.page-header__description span[lang="fi"]').textContent()).toContain('Avoin kohtaamispaikka');
    await page.context().close();
  });

  test('an admin imports a PTV file through the UI and sees the skipped records', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'admin');
    await page.goto('/palvelutarjotin');
    await page.getByRole('link', { name: 'Tuo palveluja PTV:stä' }).click();
    await page.getByRole('heading', { level: 1, name: 'Palvelujen tuonti PTV:stä' }).waitFor();
    const records = [
      { id: 'e2e-ptv-1', name: 'Selaintuonnin palvelu', summary: 'Selaintuonnin palvelu: testi.', areas: ['municipality:186'] },
      { id: 'e2e-bad', name: '', areas: [] },
    ];
    await page.getByLabel('PTV-tiedosto (JSON)').setInputFiles({ name: 'ptv.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(records)) });
    await page.getByText('Tiedostossa on 2 tietuetta.').waitFor();
    await page.getByRole('button', { name: 'Aloita tuonti' }).click();
    await page.getByRole('heading', { name: 'Tuonnin tulos' }).waitFor({ timeout: 30_000 });
    const skipped = page.getByRole('table', { name: 'Ohitetut tietueet' });
    await skipped.waitFor();
    expect(await skipped.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('.catalog-import-report dl').textContent()).toContain('Uusia palveluja1');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  for (const lang of ['sv', 'en'] as const) {
    test(`the public page works on a phone in ${lang}, with the service's own-language name, and axe passes`, async () => {
      const page = await newPage(e2e.browser, e2e.server.baseUrl, { viewport: { width: 360, height: 740 } });
      await page.addInitScript((l) => localStorage.setItem('polku.language', l), lang);
      await page.goto('/palvelut?q=digiapuri');
      await page.getByRole('heading', { level: 1, name: lang === 'sv' ? 'Tjänster' : 'Services' }).waitFor();
      const expected = lang === 'sv' ? 'Keusotes digitala hjälpreda' : 'Keusote digital helper';
      await page.getByRole('link', { name: expected }).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      await expectNoSeriousAxeViolations(page);
      await page.getByRole('link', { name: expected }).click();
      await page.getByRole('heading', { level: 1, name: expected }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      await expectNoSeriousAxeViolations(page);
      await page.context().close();
    });
  }
});

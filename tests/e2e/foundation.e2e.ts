import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const hasHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('app frame', () => {
  test('the public service search opens without logging in', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto('/palvelut');
    await heading(page, 'Palvelut').waitFor();
    expect(page.url()).toBe(`${e2e.server.baseUrl}/palvelut`);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('a wrong password shows the server message in the chosen language', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    const expected = await serverLoginError('sv');
    await page.goto('/kirjaudu');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByLabel('Användarnamn').fill('ohjaaja');
    await page.getByLabel('Lösenord').fill('väärä');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(expected);
    await page.context().close();
  });

  test('a worker logs in, sees the frame, switches language (kept after reload) and logs out', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await page.goto('/');
    await page.waitForURL('**/kirjaudu');
    await heading(page, 'Kirjaudu sisään').waitFor();
    expect(await htmlLang(page)).toBe('fi');
    await page.getByRole('heading', { name: 'Kokeilutunnukset' }).waitFor(); // demo mode lists its accounts
    await expectNoSeriousAxeViolations(page);

    await login(page, 'ohjaaja');
    await page.waitForURL('**/tanaan');
    await heading(page, 'Tänään').waitFor();
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain('Olli Ohjaaja');
    expect(await banner.textContent()).toContain('Keski-Uudenmaan hyvinvointialue');
    const nav = page.getByRole('navigation', { name: 'Päävalikko' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Tänään', 'Asiakkaat', 'Palvelutarjotin', 'Lähetteet', 'Verkostopalaverit']);
    await expectNoSeriousAxeViolations(page);

    await nav.getByRole('link', { name: 'Asiakkaat' }).click();
    await heading(page, 'Asiakkaat').waitFor();
    expect(await nav.getByRole('link', { name: 'Asiakkaat' }).getAttribute('aria-current')).toBe('page');

    await page.getByRole('button', { name: 'Svenska' }).click();
    await heading(page, 'Klienter').waitFor();
    expect(await htmlLang(page)).toBe('sv');
    await page.reload();
    await heading(page, 'Klienter').waitFor();
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').first().textContent()).toBe('I dag');

    await page.getByRole('button', { name: 'English' }).click();
    await heading(page, 'Clients').waitFor();
    await page.reload();
    await heading(page, 'Clients').waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Suomi' }).click();
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await page.waitForURL('**/kirjaudu');
    await heading(page, 'Kirjaudu sisään').waitFor();
    await page.goto('/asiakkaat');
    await page.waitForURL('**/kirjaudu');
    await page.context().close();
  });

  test('a worker can use the frame on a 375 px phone through the menu button', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, { viewport: { width: 375, height: 740 } });
    await login(page, 'ohjaaja');
    const nav = page.getByRole('navigation', { name: 'Päävalikko' });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Valikko' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Lähetteet' }).click();
    await heading(page, 'Lähetteet').waitFor();
    expect(await nav.isVisible()).toBe(false);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('a manager sees reports and an admin sees administration in the navigation', async () => {
    for (const [username, expected] of [['esihenkilo', 'Raportit'], ['admin', 'Ylläpito']] as const) {
      const page = await newPage(e2e.browser, e2e.server.baseUrl);
      await login(page, username);
      const links = await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link').allTextContents();
      expect(links).toContain(expected);
      await page.context().close();
    }
  });

  test('a client lands in the Oma polku frame on a phone', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await login(page, 'anni');
    await page.waitForURL('**/oma-polku');
    await heading(page, 'Oma polku').waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Anni Virtanen');
    expect(await page.getByRole('navigation', { name: 'Päävalikko' }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await expectNoSeriousAxeViolations(page);

    await page.goto('/tanaan'); // professional pages are not for clients
    await page.waitForURL('**/oma-polku');
    await page.context().close();
  });
});

async function serverLoginError(language: string): Promise<string> {
  const response = await fetch(`${e2e.server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
    body: JSON.stringify({ username: 'ohjaaja', password: 'väärä' }),
  });
  expect(response.status).toBe(401);
  const body = (await response.json()) as { error: { message: string } };
  return body.error.message;
}

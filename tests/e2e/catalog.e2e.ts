import type { Browser } from 'playwright-core';
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

describe('service catalogue', () => {
  test('a resident finds debt advice with an inflected word on a phone, opens it, and axe passes', async () => {
    const page = await newPage(browser, server.baseUrl, { viewport: { width: 390, height: 844 } });
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

  test('a professional narrows the catalogue with a facet and the count follows', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'ohjaaja');
    await page.goto('/palvelutarjotin?q=kuraattorille');
    await page.getByRole('heading', { level: 1, name: 'Palvelutarjotin' }).waitFor();
    await page.locator('.catalog-results a').first().waitFor();
    const status = page.locator('.catalog-search [role="status"]').first();
    const before = await status.textContent();
    await page.getByRole('group', { name: 'Kenelle' }).getByRole('checkbox').first().check();
    await page.waitForURL(/clientGroup=/);
    await expect.poll(() => status.textContent()).not.toBe(before);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });
});

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

const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
const hasHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('Oma polku on a phone', () => {
  test('anni sees her worker, plan, self-assessment and who has viewed her data; the page passes axe', async () => {
    const page = await newPage(browser, server.baseUrl, phone);
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
    const page = await newPage(browser, server.baseUrl, phone);
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
    const page = await newPage(browser, server.baseUrl, phone);
    await login(page, 'anni');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min stig' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vem har sett mina uppgifter' }).waitFor();
    await page.context().close();
  });
});

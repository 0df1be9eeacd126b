import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, launchBrowser, login, newPage, startServer, type RunningServer } from './harness.js';

/** The student welfare group's view of Kartanon koulu (issue 8), as the curator Kaisa sees it. */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('school absences', () => {
  test('the curator sees pupils by level with words, not colour only, opens Mohammed and sees the ladder', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'kuraattori');
    await page.goto('/koulupoissaolot');
    await page.getByRole('heading', { level: 1, name: 'Oppilashuoltoryhmän näkymä: Kartanon koulu' }).waitFor();
    const row = page.getByRole('row', { name: /Mohammed Rezaei/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Yli 30 h');
    await page.getByRole('heading', { name: 'Tulevat seurantapalaverit' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Avaa oppilaan sivu: Mohammed Rezaei' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mohammed Rezaei' }).waitFor();
    const ladder = page.locator('.ladder');
    await ladder.waitFor();
    expect(await ladder.textContent()).toContain('Tehty');
    expect(await ladder.textContent()).toContain('Ei vielä ajankohtainen');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 60_000);
});

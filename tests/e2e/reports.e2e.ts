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

const TITLES = ['Asiakassegmentit', 'Työntekijöiden asiakasmäärät', 'Lähetteiden kulku', 'Yhdyspinnat: sektorilta toiselle', 'Palveluaukot', 'Laatukriteeripalaute'];

describe('management dashboard', () => {
  test('esihenkilo sees six reports with charts, tables and CSV downloads; axe passes', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'esihenkilo');
    await page.goto('/raportit');
    await page.getByRole('heading', { level: 1, name: 'Raportit' }).waitFor();
    for (const name of TITLES) await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.locator('.report-chart svg').first().waitFor();
    expect(await page.locator('.report-chart svg').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.report-card table').count()).toBeGreaterThanOrEqual(6);
    const href = await page.locator('#raportti-caseloads a[download]').getAttribute('href');
    expect(href).toContain('format=csv');
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('a filter by client group updates the reports', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'esihenkilo');
    await page.goto('/raportit');
    await page.locator('#raportti-segments table').first().waitFor();
    await page.getByLabel('Asiakasryhmä').selectOption('older-people');
    const wait = page.waitForResponse((r) => r.url().includes('/api/v1/reports/segments') && r.url().includes('clientGroup=older-people'));
    await page.getByRole('button', { name: 'Päivitä' }).click();
    expect((await wait).status()).toBe(200);
    await page.context().close();
  });
});

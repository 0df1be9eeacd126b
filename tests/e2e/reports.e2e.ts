import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

const TITLES = ['Asiakassegmentit', 'Työntekijöiden asiakasmäärät', 'Lähetteiden kulku', 'Polun katkokset', 'Yhdyspinnat: sektorilta toiselle', 'Palveluaukot', 'Laatukriteeripalaute'];

describe('management dashboard', () => {
  test('esihenkilo sees seven reports with charts, tables and CSV downloads; axe passes', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'esihenkilo');
    await page.goto('/raportit');
    await page.getByRole('heading', { level: 1, name: 'Raportit' }).waitFor();
    for (const name of TITLES) await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.locator('.report-chart svg').first().waitFor();
    // Charts draw one by one as their reports arrive (slow on a loaded machine): wait for them.
    await expect.poll(() => page.locator('.report-chart svg').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.report-card table').count()).toBeGreaterThanOrEqual(6);
    const href = await page.locator('#raportti-caseloads a[download]').getAttribute('href');
    expect(href).toContain('format=csv');
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    // Relationship durations by level and path breaks are on the dashboard, each with its CSV.
    await page.getByRole('table', { name: 'Asiakkuuksien kesto tasoittain' }).waitFor();
    await page.locator('#raportti-path-breaks table').first().waitFor();
    const breaks = await page.request.get((await page.locator('#raportti-path-breaks a[download]').getAttribute('href'))!);
    expect(breaks.status()).toBe(200);
    expect(await breaks.text()).toContain('jumissa yhteensä');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('a filter by client group updates the reports', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'esihenkilo');
    await page.goto('/raportit');
    await page.locator('#raportti-segments table').first().waitFor();
    await page.getByLabel('Asiakasryhmä').selectOption('older-people');
    const wait = page.waitForResponse((r) => r.url().includes('/api/v1/reports/segments') && r.url().includes('clientGroup=older-people'));
    await page.getByRole('button', { name: 'Päivitä' }).click();
    expect((await wait).status()).toBe(200);
    await page.context().close();
  });

  test('the council version hides counts 1–4 and names, explains the marks, offers CSV; axe passes', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'esihenkilo');
    await page.goto('/raportit');
    await page.locator('#raportti-caseloads table').first().waitFor();
    const workerName = (await page.locator('#raportti-caseloads table tbody th').first().textContent())!.trim();
    await page.getByRole('radio', { name: 'Valtuustolle ja lautakunnille' }).check();
    for (const id of ['segments', 'caseloads', 'referrals', 'path-breaks']) await page.locator(`#valtuusto-${id} table`).first().waitFor({ timeout: 30_000 });
    // Count cells only: a median of 2 days is not a count of people.
    const cells = await page.locator('.report-grid td[data-kind="count"]').allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(/^[1-4]$/.test(c.trim()), c).toBe(false);
    expect(await page.locator('.report-grid').textContent()).not.toContain(workerName);
    expect(await page.locator('.report-grid abbr').count()).toBeGreaterThan(0);
    const href = await page.locator('#valtuusto-caseloads a[download]').getAttribute('href');
    expect(href).toContain('audience=council');
    const csv = await page.request.get(href!);
    expect(csv.headers()['content-disposition']).toContain('valtuusto');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });
});

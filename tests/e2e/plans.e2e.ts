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

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function clientId(page: Page, first: string): Promise<string> {
  const res = await page.request.get(`/api/v1/clients?q=${encodeURIComponent(first)}`);
  expect(res.ok()).toBe(true);
  const { items } = (await res.json()) as { items: { id: string; firstName: string }[] };
  const hit = items.find((c) => c.firstName === first);
  expect(hit).toBeDefined();
  return hit!.id;
}

describe('shared client plan and path picture', () => {
  test('a worker edits the plan, sees the new version, and opens the path picture', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'ohjaaja');
    const id = await clientId(page, 'Anni');

    await page.goto(`/asiakkaat/${id}/suunnitelma`);
    await heading(page, 'Asiakassuunnitelma').waitFor();
    await page.getByText(/Versio 2, päivitetty/).waitFor();
    await expectNoSeriousAxeViolations(page);

    const view = page.getByLabel('Asiakkaan näkemys', { exact: true });
    await view.fill('Haluan asua kotona, ja tytär käy kerran viikossa.');
    await page.getByLabel('Tilanne', { exact: true }).first().selectOption('done');
    await page.getByRole('button', { name: 'Tallenna uusi versio' }).click();
    await page.getByRole('status').filter({ hasText: 'Tallennettu versioksi 3.' }).waitFor();
    const history = page.getByRole('table', { name: 'Versiohistoria' });
    await history.getByRole('rowheader', { name: '3', exact: true }).waitFor();
    expect(await history.textContent()).toContain('Olli Ohjaaja');

    // The client's version is on the same page, ready to print, in plain language.
    await page.getByRole('heading', { name: 'Keneen voit ottaa yhteyttä' }).waitFor();

    await page.getByRole('link', { name: 'Näytä asiakaspolku' }).click();
    await heading(page, 'Asiakaspolku').waitFor();
    const picture = page.getByRole('img', { name: 'Polkukuva: yksi kaista kullekin sektorille' });
    await picture.waitFor();
    expect(await page.locator('.path-picture__band').count()).toBeGreaterThan(0); // interfaces are drawn
    const table = page.getByRole('table', { name: 'Polun vaiheet taulukkona' });
    expect(await table.textContent()).toContain('Asiakassuunnitelma päivitetty (versio 3)');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  });

  test('another organisation sees no plan for the client', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'ohjaaja');
    const id = await clientId(page, 'Anni');
    await page.context().close();
    const other = await newPage(browser, server.baseUrl);
    await login(other, 'valmentaja');
    await other.goto(`/asiakkaat/${id}/suunnitelma`);
    await other.getByRole('alert').waitFor();
    expect(await other.getByRole('alert').textContent()).toContain('Tietoa ei löytynyt');
    await other.context().close();
  });
  test('each plan action shows what is linked to it elsewhere (an agreed task), in words; axe passes', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'ohjaaja');
    const id = await clientId(page, 'Anni');
    const plan = (await (await page.request.get(`/api/v1/clients/${id}/plan`)).json()) as { actions: { id: string }[] };
    const task = await page.request.post(`/api/v1/clients/${id}/tasks`, { data: { title: 'Varaa aika työkokeiluun', due: '2027-01-20', planActionId: plan.actions[0]!.id } });
    expect(task.status(), await task.text()).toBe(201);

    await page.goto(`/asiakkaat/${id}/suunnitelma`);
    await heading(page, 'Asiakassuunnitelma').waitFor();
    const links = page.getByRole('list', { name: 'Toimenpiteeseen 1 liittyy' });
    await links.waitFor();
    const item = links.getByRole('listitem').filter({ hasText: 'Varaa aika työkokeiluun' });
    await item.waitFor();
    expect(await item.textContent()).toMatch(/^Sovittu tehtävä: Varaa aika työkokeiluun · Tekemättä · viimeistään 20\.1\.2027/);
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 120_000);
});

import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Plan } from '../../src/contracts/plans.contracts.js';
import { toForm, toRequest } from '../../src/web/features/plans/plan-form.js';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

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
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
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
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'ohjaaja');
    const id = await clientId(page, 'Anni');
    await page.context().close();
    const other = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(other, 'valmentaja');
    await other.goto(`/asiakkaat/${id}/suunnitelma`);
    await other.getByRole('alert').waitFor();
    expect(await other.getByRole('alert').textContent()).toContain('Tietoa ei löytynyt');
    await other.context().close();
  });
  test('each plan action shows what is linked to it elsewhere (an agreed task), in words; axe passes', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
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
  test('a version saved meanwhile does not throw the draft away: the edits are carried over, then saved', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'ohjaaja');
    const id = await clientId(page, 'Anni');
    await page.goto(`/asiakkaat/${id}/suunnitelma`);
    await heading(page, 'Asiakassuunnitelma').waitFor();
    const view = page.getByLabel('Asiakkaan näkemys', { exact: true });
    await view.fill('Haluan jatkaa kotona, ja tasapainoryhmä sopii tiistaisin.');

    // Meanwhile a colleague saves another field (in the real case often a referral outcome).
    const current = (await (await page.request.get(`/api/v1/clients/${id}/plan`)).json()) as Plan;
    const theirs = { ...toRequest(toForm(current)), professionalView: 'Kaatumisriski arvioitu; kotihoito käy aamuisin.' };
    const put = await page.request.put(`/api/v1/clients/${id}/plan`, { data: theirs });
    expect(put.status(), await put.text()).toBe(200);

    await page.getByRole('button', { name: 'Tallenna uusi versio' }).click();
    const note = page.getByRole('status').filter({ hasText: 'Suunnitelmaa muutettiin sillä välin' });
    await note.waitFor();
    expect(await note.textContent()).toContain(`versio ${current.version + 1}`);
    expect(await view.inputValue()).toBe('Haluan jatkaa kotona, ja tasapainoryhmä sopii tiistaisin.');
    expect(await page.getByLabel('Ammattilaisen näkemys (jos eri kuin asiakkaan)').inputValue()).toBe('Kaatumisriski arvioitu; kotihoito käy aamuisin.');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Tallenna uusi versio' }).click();
    await page.getByRole('status').filter({ hasText: `Tallennettu versioksi ${current.version + 2}.` }).waitFor();
    const saved = (await (await page.request.get(`/api/v1/clients/${id}/plan`)).json()) as Plan;
    expect([saved.clientView, saved.professionalView]).toEqual(['Haluan jatkaa kotona, ja tasapainoryhmä sopii tiistaisin.', 'Kaatumisriski arvioitu; kotihoito käy aamuisin.']);
    await page.context().close();
  });
});

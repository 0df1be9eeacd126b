import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

/**
 * A closed-loop referral in the browser: the counsellor tries to refer without consent, is sent to
 * the consent form, records the consent, sends the referral; the NGO worker receives it.
 * The test creates its own client through the API.
 */
const e2e = useServerAndBrowser();

async function lahitoriService(page: Page): Promise<string> {
  const orgs = (await (await page.request.get('/api/hsds/v3/organizations?per_page=100')).json()) as { contents: { id: string; name: string }[] };
  const org = orgs.contents.find((o) => o.name === 'Järvenpään Lähitori ry')!;
  const detail = (await (await page.request.get(`/api/hsds/v3/organizations/${org.id}`)).json()) as { services: { id: string; name: string }[] };
  return detail.services.find((s) => /neuvonta/i.test(s.name))?.id ?? detail.services[0]!.id;
}

describe('referrals', () => {
  test('consent needed → consent recorded → referral sent → received by the NGO, accessible on every page', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'ohjaaja');
    const created = await page.request.post('/api/v1/clients', { data: { firstName: 'Lotta', lastName: 'Lähete', birthDate: '1950-02-03' } });
    expect(created.status()).toBe(201);
    const clientId = ((await created.json()) as { id: string }).id;
    const serviceId = await lahitoriService(page);

    await page.goto('/lahetteet');
    await page.getByRole('heading', { level: 1, name: 'Lähetteet' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.goto(`/lahetteet/uusi?asiakas=${clientId}&palvelu=${serviceId}`);
    await page.getByRole('heading', { level: 1, name: 'Uusi lähete' }).waitFor();
    await page.getByLabel('Asiakas', { exact: true }).selectOption(clientId);
    await page.getByLabel('Lähetteen syy').fill('Yksinäisyys ja arjen tuki');
    await page.getByRole('button', { name: 'Lähetä lähete' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Asiakkaan suostumus puuttuu' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await alert.getByRole('link', { name: 'Kirjaa suostumus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Suostumukset ja lokitiedot' }).waitFor();
    await page.getByText('Ei kirjattuja suostumuksia.').waitFor();
    await page.getByLabel('Vastaanottajat').selectOption({ label: 'Järvenpään Lähitori ry' });
    await page.getByLabel('Käyttötarkoitus').fill('Ohjaus Lähitorin palveluneuvontaan');
    await page.getByRole('button', { name: 'Tallenna suostumus' }).click();
    await page.getByRole('status').filter({ hasText: 'Suostumus tallennettu.' }).waitFor();
    await page.getByText('Ohjaus Lähitorin palveluneuvontaan').waitFor();
    await page.getByRole('heading', { name: 'Kuka on käsitellyt tietoja' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.goto(`/lahetteet/uusi?asiakas=${clientId}&palvelu=${serviceId}`);
    await page.getByLabel('Asiakas', { exact: true }).selectOption(clientId);
    await page.getByLabel('Lähetteen syy').fill('Yksinäisyys ja arjen tuki');
    await page.getByRole('button', { name: 'Lähetä lähete' }).click();
    await page.getByRole('heading', { name: 'Tilahistoria' }).waitFor();
    expect(await page.locator('.referral-history').textContent()).toContain('Lähetetty');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();

    const ngo = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(ngo, 'jarjesto');
    await ngo.goto('/lahetteet');
    const row = ngo.getByRole('row', { name: /Lähete Lotta|Lotta Lähete/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Vastaanota');
    await row.getByRole('link').click();
    await ngo.getByRole('button', { name: 'Merkitse vastaanotetuksi' }).click();
    await ngo.getByRole('status').filter({ hasText: 'Tila päivitetty.' }).waitFor();
    await ngo.getByRole('button', { name: 'Hyväksy' }).waitFor();
    await expectNoSeriousAxeViolations(ngo);
    await ngo.context().close();
  }, 120_000);
});

import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

/**
 * Issues 5–6 in a real browser: the plan's catalogue picker, changing the responsible worker,
 * warm handover, ending a relationship and the managers' review of emergency access.
 * Each test creates the clients it needs through the API.
 */
const e2e = useServerAndBrowser();

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
let seq = 0;

async function registerClient(page: Page, lastName: string): Promise<string> {
  seq += 1;
  const res = await page.request.post('/api/v1/clients', { data: { firstName: `Selain${seq}`, lastName, birthDate: `198${seq}-0${seq}-1${seq}` } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function as(username: string): Promise<Page> {
  const page = await newPage(e2e.browser, e2e.server.baseUrl);
  await login(page, username);
  return page;
}

describe('plan services, relationships, handover, ending and emergency access', () => {
  test('a worker adds a catalogue service to the plan and a linked statutory plan', async () => {
    const page = await as('ohjaaja');
    const id = await registerClient(page, 'Suunnitelma');
    expect((await page.request.post(`/api/v1/clients/${id}/plan`, { data: {} })).status()).toBe(201);
    await page.goto(`/asiakkaat/${id}`);
    await page.getByRole('navigation', { name: 'Yhteinen työ' }).getByRole('link', { name: 'Asiakassuunnitelma' }).click();
    await heading(page, 'Asiakassuunnitelma').waitFor();

    await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('vertaistuki');
    await page.getByRole('searchbox', { name: 'Hae palvelua' }).press('Enter');
    const add = page.getByRole('button', { name: 'Lisää suunnitelmaan: Vertaistukiryhmät ja kokemusasiantuntijat', exact: true });
    await add.waitFor();
    await expectNoSeriousAxeViolations(page);
    await add.click();
    await page.getByText('Lisätty: Vertaistukiryhmät', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Lisää lakisääteinen suunnitelma' }).click();
    await page.getByLabel('Suunnitelman laji').selectOption('hojks');
    await page.getByLabel('Kenen suunnitelma (organisaatio)').fill('Kartanon koulu');
    await page.getByRole('button', { name: 'Tallenna uusi versio' }).click();
    await page.getByRole('status').filter({ hasText: 'Tallennettu versioksi 2.' }).waitFor();

    const plan = (await (await page.request.get(`/api/v1/clients/${id}/plan`)).json()) as {
      services: { serviceId: string | null; name: string }[];
      linkedPlans: { type: string; ownerName: string }[];
    };
    expect(plan.services).toEqual([expect.objectContaining({ serviceId: expect.any(String), name: expect.stringContaining('Vertaistukiryhmät') })]);
    expect(plan.linkedPlans).toEqual([expect.objectContaining({ type: 'hojks', ownerName: 'Kartanon koulu' })]);
    await page.context().close();
  }, 120_000);

  test("a referral made from a plan action brings its outcome back onto the plan", async () => {
    const page = await as('ohjaaja');
    const id = await registerClient(page, 'Tulos');
    const found = (await (await page.request.get('/api/v1/services?q=l%C3%A4hitorin%20lounas')).json()) as { items: { id: string; name: string; provider: { id: string | null } }[] };
    const lunch = found.items.find((s) => s.name === 'Lähitorin lounas ja kohtaamispaikka');
    expect(lunch?.provider.id).toBeTruthy();
    const consent = await page.request.post(`/api/v1/clients/${id}/consents`, {
      data: { recipientOrganizationIds: [lunch!.provider.id], purpose: 'Ohjaus kohtaamispaikkaan', dataCategories: ['contact', 'plan'], givenBy: 'client', method: 'written' },
    });
    expect(consent.status()).toBe(201);
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { organization: { id: string } };
    const created = await page.request.post(`/api/v1/clients/${id}/plan`, {
      data: { actions: [{ title: 'Arkeen yhteisö ja lämmin ateria', responsible: { kind: 'organization', organizationId: me.organization.id } }] },
    });
    expect(created.status()).toBe(201);

    await page.goto(`/asiakkaat/${id}/suunnitelma`);
    await page.getByRole('link', { name: 'Tee lähete toimenpiteestä 1' }).click();
    await page.getByText('Lähete tehdään suunnitelman toimenpiteestä ”Arkeen yhteisö ja lämmin ateria”.', { exact: false }).waitFor();
    await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill('lähitorin lounas');
    await page.getByRole('radio', { name: /Lähitorin lounas ja kohtaamispaikka/ }).check();
    await page.getByLabel('Lähetteen syy').fill('Yksinäisyys ja epäsäännöllinen ruokailu.');
    await page.getByRole('button', { name: 'Lähetä lähete' }).click();
    await page.waitForURL(/\/lahetteet\/[0-9a-f-]{36}$/);
    const referralId = page.url().split('/').pop()!;

    const receiver = await as('jarjesto');
    for (const status of ['received', 'accepted', 'in-progress', 'completed']) {
      const res = await receiver.request.patch(`/api/v1/referrals/${referralId}`, { data: { status, ...(status === 'completed' && { reason: 'Käy lounaalla kolmesti viikossa' }) } });
      expect(res.status(), await res.text()).toBe(200);
    }
    await receiver.context().close();

    await page.goto(`/asiakkaat/${id}/suunnitelma`);
    await page.getByText(/Tulos:\s*Palvelu päättyi: tavoite saavutettu: Lähitorin lounas ja kohtaamispaikka \(Järvenpään Lähitori ry\)\. Käy lounaalla kolmesti viikossa/).waitFor();
    expect(await page.getByLabel('Tilanne', { exact: true }).first().inputValue()).toBe('done');
    const history = page.getByRole('table', { name: 'Versiohistoria' });
    await history.getByRole('rowheader', { name: '2', exact: true }).waitFor();
    expect(await history.textContent()).toContain('Leena Lähitori');
    await expectNoSeriousAxeViolations(page);
    await page.context().close();
  }, 180_000);

  test('a teacher who may read the plan sees it read-only', async () => {
    const worker = await as('ohjaaja');
    const id = await registerClient(worker, 'Luku');
    expect((await worker.request.post(`/api/v1/clients/${id}/plan`, { data: { situationSummary: 'Koulunkäynti takkuaa.' } })).status()).toBe(201);
    await worker.context().close();
    const teacher = await as('opettaja');
    const access = await teacher.request.post(`/api/v1/clients/${id}/emergency-access`, { data: { reason: 'Oppilas kertoi kriisistä, tarvitsen suunnitelman.' } });
    expect(access.status()).toBe(201);
    await teacher.goto(`/asiakkaat/${id}/suunnitelma`);
    await heading(teacher, 'Asiakassuunnitelma').waitFor();
    await teacher.getByText('Voit lukea suunnitelmaa, mutta et muuttaa sitä.', { exact: false }).waitFor();
    expect(await teacher.getByLabel('Tilanne lyhyesti').inputValue()).toBe('Koulunkäynti takkuaa.');
    expect(await teacher.getByLabel('Tilanne lyhyesti').isDisabled()).toBe(true);
    expect(await teacher.getByRole('button', { name: 'Tallenna uusi versio' }).count()).toBe(0);
    expect(await teacher.getByRole('searchbox', { name: 'Hae palvelua' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(teacher);
    await teacher.context().close();
  }, 120_000);

  test('changing the responsible worker tells the client', async () => {
    const page = await as('ohjaaja');
    const id = await registerClient(page, 'Vaihto');
    await page.goto(`/asiakkaat/${id}/asiakkuudet`);
    await heading(page, 'Asiakkuudet ja vastuut').waitFor();
    await page.getByText('Muuta asiakkuutta: Keski-Uudenmaan hyvinvointialue', { exact: false }).click();
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Omatyöntekijä', { exact: true }).selectOption({ label: 'Aino Asiakasvastaava, Asiakasvastaava' });
    await page.getByLabel('Varahenkilö').selectOption({ label: 'Olli Ohjaaja, Asiakasohjaaja' });
    await page.getByLabel('Tämä asiakkuus koordinoi asiakkaan kokonaisuutta').check();
    await page.getByLabel('Miten koordinaatiovastuu jaetaan').fill('Ensin työkykykoordinaattori ja valmentaja yhdessä, sitten valmentaja.');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByRole('status').filter({ hasText: 'Asiakkaalle kerrottiin uudesta omatyöntekijästä.' }).waitFor();
    await page.getByText(/Aino Asiakasvastaava, Asiakasvastaava, 040 100 0004/).waitFor();
    const told = (await (await page.request.get(`/api/v1/clients/${id}/notifications`)).json()) as { items: { kind: string; message: string }[] };
    expect(told.items.find((n) => n.kind === 'worker-changed')?.message).toContain('Aino Asiakasvastaava');
    await page.context().close();
  }, 120_000);

  test('a warm handover keeps the previous worker responsible until the client confirms', async () => {
    const page = await as('ohjaaja');
    const id = await registerClient(page, 'Saattaen');
    const found = (await (await page.request.get('/api/v1/services?q=kuntouttava%20ty%C3%B6toiminta')).json()) as { items: { id: string; name: string; provider: { id: string | null; name: string | null } }[] };
    const service = found.items.find((s) => s.name === 'Kuntouttava työtoiminta' && s.provider.name === 'Keski-Uudenmaan työllisyysalue');
    expect(service?.provider.id).toBeTruthy();
    const consent = await page.request.post(`/api/v1/clients/${id}/consents`, {
      data: { recipientOrganizationIds: [service!.provider.id], purpose: 'Siirto työllisyyspalveluihin', dataCategories: ['contact', 'plan'], givenBy: 'client', method: 'written' },
    });
    expect(consent.status(), await consent.text()).toBe(201);

    await page.goto(`/asiakkaat/${id}/asiakkuudet`);
    await heading(page, 'Asiakkuudet ja vastuut').waitFor();
    await page.getByText('Aloita saattaen vaihtaminen', { exact: true }).click();
    await page.getByRole('searchbox', { name: 'Palvelu, johon asiakas siirtyy' }).fill('kuntouttava työtoiminta');
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.getByRole('button', { name: 'Valitse: Kuntouttava työtoiminta – Keski-Uudenmaan työllisyysalue', exact: true }).click();
    await page.getByLabel('Miksi asiakas siirtyy').fill('Työkyky on parantunut, seuraava askel on työtoiminta.');
    await page.getByLabel('Siirtoyhteenveto').fill('Asiakas on käynyt tapaamisissa säännöllisesti. Tavoite on päästä työtoimintaan kolmena päivänä viikossa.');
    await page.getByRole('button', { name: 'Lähetä siirtolähete' }).click();
    const card = page.getByRole('article', { name: 'Saattaen vaihtaminen: Kuntouttava työtoiminta' });
    await card.getByText('Olli Ohjaaja (Keski-Uudenmaan hyvinvointialue) on asiakkaan omatyöntekijä, kunnes asiakas on vahvistanut siirron.').waitFor();
    expect(await card.getByRole('button', { name: 'Asiakas vahvisti siirron' }).isDisabled()).toBe(true);
    await expectNoSeriousAxeViolations(page);

    // The receiver sees the same handover, opens the handover referral from it and accepts the client.
    const receiver = await as('valmentaja');
    await receiver.goto(`/asiakkaat/${id}/asiakkuudet`);
    const receiverCard = receiver.getByRole('article', { name: 'Saattaen vaihtaminen: Kuntouttava työtoiminta' });
    expect(await receiverCard.getByRole('button', { name: 'Asiakas vahvisti siirron' }).count()).toBe(0);
    await receiverCard.getByRole('link', { name: 'Avaa siirtolähete ja ota asiakas vastaan' }).click();
    await receiver.getByRole('button', { name: 'Merkitse vastaanotetuksi' }).click();
    await receiver.getByRole('button', { name: 'Hyväksy', exact: true }).click();
    await receiver.getByRole('button', { name: 'Aloita palvelu' }).waitFor();

    await page.reload();
    await card.getByRole('button', { name: 'Tapaaminen pidetty' }).click();
    await card.getByText(/Yhteinen tapaaminen asiakkaan, nykyisen ja uuden työntekijän kanssa: Tehty/).waitFor();
    await card.getByLabel('Miten asiakas vahvisti').selectOption('in-meeting');
    await card.getByRole('button', { name: 'Asiakas vahvisti siirron' }).click();
    await card.getByRole('status').filter({ hasText: 'Siirto on valmis.' }).waitFor();

    // Responsibility moved: the receiver now holds the relationship, the previous one has ended.
    await receiver.goto(`/asiakkaat/${id}/asiakkuudet`);
    await heading(receiver, 'Asiakkuudet ja vastuut').waitFor();
    await receiver.getByRole('heading', { level: 2, name: /^Keski-Uudenmaan työllisyysalue/ }).waitFor();
    expect(await receiver.getByRole('table', { name: 'Päättyneet asiakkuudet' }).textContent()).toContain('Keski-Uudenmaan hyvinvointialue');
    await expectNoSeriousAxeViolations(receiver);
    await receiver.context().close();
    await page.context().close();
  }, 180_000);

  test('ending a relationship records the final evaluation and the continuation plan', async () => {
    const page = await as('ohjaaja');
    const id = await registerClient(page, 'Päätös');
    await page.goto(`/asiakkaat/${id}/asiakkuudet`);
    await heading(page, 'Asiakkuudet ja vastuut').waitFor();
    await page.getByText('Päätä asiakkuus: Keski-Uudenmaan hyvinvointialue', { exact: true }).click();
    await page.getByLabel('Loppuarvio yhdessä asiakkaan kanssa').fill('Asunto järjestyi ja arki sujuu.');
    await page.getByLabel('Asiakkaan palaute').fill('Sain apua nopeasti.');
    await page.getByLabel('Miten asiakas pärjää jatkossa').fill('Hoitaa asiansa itse, tytär tukee.');
    await page.getByLabel('Keneen asiakas ottaa yhteyttä, jos vaikeudet palaavat').fill('Asiakasohjaus, puhelin 040 100 0001');
    await page.getByLabel('Seurannan päivämäärä').fill('2027-03-01');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Päätä asiakkuus' }).click();
    await page.getByRole('status').filter({ hasText: 'Asiakkuus päättyi. Asiakkaalle ja verkostolle kerrottiin.' }).waitFor();
    await page.getByRole('table', { name: 'Päättyneet asiakkuudet' }).waitFor();
    await page.context().close();
  }, 120_000);

  test('a professional opens a client with emergency access and a manager reviews it', async () => {
    const owner = await as('valmentaja');
    const id = await registerClient(owner, 'Hätä');
    await owner.context().close();

    const page = await as('ohjaaja');
    await page.goto(`/asiakkaat/${id}`);
    await page.getByRole('heading', { name: 'Hätäkäyttö' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByLabel('Miksi tarvitset tiedot nyt').fill('Asiakas on kriisissä päivystyksessä ja tarvitsemme yhteystiedot.');
    await page.getByRole('button', { name: 'Avaa tiedot hätäkäytöllä' }).click();
    await page.getByRole('heading', { level: 1, name: /Hätä$/ }).waitFor();
    await page.context().close();

    const manager = await as('esihenkilo');
    await manager.getByRole('link', { name: 'Valvonta' }).click();
    await heading(manager, 'Valvonta').waitFor();
    const table = manager.getByRole('table', { name: 'Hätäkäytöt' });
    await table.getByText('Asiakas on kriisissä päivystyksessä').waitFor();
    await expectNoSeriousAxeViolations(manager);
    const row = table.getByRole('row').filter({ hasText: 'Asiakas on kriisissä päivystyksessä' });
    await row.getByLabel('Tarkistusmerkintä: Olli Ohjaaja').fill('Perusteltu, keskusteltu työntekijän kanssa.');
    await row.getByRole('button', { name: /^Merkitse tarkistetuksi: Olli Ohjaaja/ }).click();
    await manager.getByRole('status').filter({ hasText: 'Merkitty tarkistetuksi.' }).waitFor();
    await manager.getByLabel('Näytä myös tarkistetut').check();
    await table.getByText(/Tarkistettu .* \(Eija Esihenkilö\)/).waitFor();
    await manager.context().close();
  }, 120_000);

  test('a manager sets the referral time limits of the organisation', async () => {
    const manager = await as('esihenkilo');
    await manager.goto('/valvonta');
    await heading(manager, 'Valvonta').waitFor();
    await manager.getByLabel('Ei vastaanotettu (päivää)').fill('5');
    await manager.getByLabel('Ei hyväksytty (päivää)').fill('12');
    await manager.getByRole('button', { name: 'Tallenna määräajat' }).click();
    await manager.getByRole('status').filter({ hasText: 'Määräajat tallennettu.' }).waitFor();
    const limits = (await (await manager.request.get('/api/v1/referrals/time-limits')).json()) as { notReceivedDays: number; notAcceptedDays: number };
    expect(limits).toEqual({ notReceivedDays: 5, notAcceptedDays: 12 });
    await manager.context().close();
  }, 120_000);
});

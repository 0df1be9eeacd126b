import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, login, newPage, useServerAndBrowser } from './harness.js';

/** The student welfare group's view of Kartanon koulu (issue 8), as the curator Kaisa sees it. */
const e2e = useServerAndBrowser();

describe('school absences', () => {
  test('the curator sees pupils by level with words, not colour only, opens Mohammed and sees the ladder', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
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

  test('the pupil page, step form, survey and import speak Swedish and English; axe passes', async () => {
    const page = await newPage(e2e.browser, e2e.server.baseUrl);
    await login(page, 'kuraattori');
    await page.goto('/koulupoissaolot');
    await page.getByRole('link', { name: 'Avaa oppilaan sivu: Mohammed Rezaei' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mohammed Rezaei' }).waitFor();
    await page.getByLabel('Lisää oppilaan suunnitelmaan toimenpiteeksi').waitFor();
    for (const [language, texts] of [
      ['Svenska', ['För in steget som gjort', 'Lägg till som åtgärd i elevens plan', 'Enkät om skolfrånvaro (Kearney, SRAS-R)', 'Stegen i modellen 30 / 50 / 70 timmar']],
      ['English', ['Record a step as done', 'Add to the pupil’s plan as an action', 'School refusal survey (Kearney, SRAS-R)', 'Steps of the 30 / 50 / 70 hour model']],
    ] as const) {
      await page.getByRole('button', { name: language }).click();
      for (const text of texts) await page.getByText(text, { exact: true }).first().waitFor();
      await expectNoSeriousAxeViolations(page);
    }
    await page.context().close();
  }, 120_000);
});

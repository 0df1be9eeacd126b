import { describe, expect, test } from 'vitest';
import { expectNoSeriousAxeViolations, newPage, useServerAndBrowser } from './harness.js';

const e2e = useServerAndBrowser();

/**
 * A resident on the public catalogue, without logging in, types what they would say, not the service's
 * own word: the thesaurus (catalog.thesaurus.ts) has to carry "juon" to päihde and "rahat" to
 * toimeentulo/talous/velka through the whole page, and the seed service must be in the list shown.
 */
describe('public catalogue in a resident\'s own words', () => {
  for (const [words, service] of [
    ['juon liikaa', /päihde/],
    ['rahat loppu', /toimeentulo|talous|velka/],
  ] as const) {
    test(`"${words}" lists a ${service.source} service, in Finnish, and axe passes`, async () => {
      const page = await newPage(e2e.browser, e2e.server.baseUrl, { viewport: { width: 390, height: 844 } });
      await page.goto('/palvelut');
      await page.getByRole('heading', { level: 1, name: 'Palvelut' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fi');
      // The page opens with every service listed; their count is read first, because the list stays
      // shown while the search loads and could hold a matching service before anything was searched.
      const status = page.locator('.catalog-search [role="status"]').first();
      await page.locator('.catalog-results a').first().waitFor();
      const everything = await status.textContent();
      await page.getByRole('searchbox', { name: 'Hae palvelua' }).fill(words);
      await page.getByRole('button', { name: 'Hae', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/palvelut' && url.searchParams.get('q') === words);
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toBe(everything);
      // Among the first five, where a resident on a phone still sees it.
      const names = (await page.locator('.catalog-results a').allTextContents()).map((n) => n.toLowerCase()).slice(0, 5);
      expect(names.some((n) => service.test(n)), `"${words}" listed first: ${names.join(' | ')}`).toBe(true);
      await expectNoSeriousAxeViolations(page);
      await page.context().close();
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// The thesaurus (catalog.thesaurus.ts) on the real search, both paths: the in-process index and SQL.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const topNames = async (q: string, n: number) => {
  const res = await t.call('GET', `/api/v1/services?q=${encodeURIComponent(q)}&limit=${n}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { name: string }[] }).items.map((i) => i.name.toLowerCase());
};

describe(`catalogue search with everyday words on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it.each([
    ['vanhus', 3, /ikäihmi|ikäänty/],
    ['vanhuksille', 3, /ikäihmi|ikäänty/],
    ['vanhuspalvelut', 3, /ikäihmi|ikäänty/],
    ['masennus', 5, /mielenterv|terapi/],
    ['alkoholi', 5, /päihde/],
    ['koditon', 3, /asunno/],
    ['adhd', 3, /nepsy|neuropsyk/],
    ['rahat loppu', 5, /toimeentulo|talous|velka/],
  ])('"%s" finds the services named in the services\' own words among the first %i', async (q, n, expected) => {
    const names = await topNames(q, n);
    expect(names.some((name) => expected.test(name)), `${q}: ${names.join(' | ')}`).toBe(true);
  });

  it('ranks a word match above a look-alike found only by trigram similarity', async () => {
    // "vanhus" looks like "vanhemmuus" (a keyword of the family counselling service) but means the elderly.
    const names = await topNames('vanhus', 1);
    expect(names[0]).toMatch(/ikäihmi|ikäänty/);
  });
});

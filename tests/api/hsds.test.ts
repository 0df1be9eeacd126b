import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** Validates real responses against the published HSDS 3.0 compiled schemas. */
const SCHEMAS = '/work/shared/standards/hsds-3.0/compiled';
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${name}.json`), 'utf8')) as Record<string, unknown>;

// The compiled schemas carry HSDS's own annotation keywords (constraints, example, core …).
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = Object.fromEntries(['service_list', 'service', 'organization', 'organization_list'].map((n) => [n, ajv.compile(load(n))]));

function expectValid(schema: string, value: unknown) {
  const validate = validators[schema]!;
  const ok = validate(value);
  expect(ok ? [] : validate.errors).toEqual([]);
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('Open Referral HSDS 3.0 API', () => {
  it('lists services page by page, each valid against service_list.json', async () => {
    const res = await t.call('GET', '/api/hsds/v3/services?per_page=100&page=1');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ page_number: 1, size: 100, first_page: true, last_page: false, empty: false });
    expect(page.total_items).toBeGreaterThan(1000);
    for (const s of page.contents) expectValid('service_list', s);
    const next = (await t.call('GET', '/api/hsds/v3/services?per_page=100&page=2')).json();
    expect(next.contents[0].id).not.toBe(page.contents[0].id);
  });

  it('validates every seed service in full against service.json', async () => {
    const ids = await t.db.selectFrom('catalog_services').select('id').where('source', '=', 'seed').execute();
    expect(ids.length).toBeGreaterThan(50);
    for (const { id } of ids) {
      const res = await t.call('GET', `/api/hsds/v3/services/${id}`);
      expect(res.statusCode).toBe(200);
      expectValid('service', res.json());
    }
  });

  it('maps the service content: organisation, age, phones, areas, languages, attributes', async () => {
    const row = await t.db.selectFrom('catalog_services').select('id').where('source', '=', 'seed').where('phone', 'is not', null).where('age_max', 'is not', null).executeTakeFirstOrThrow();
    const s = (await t.call('GET', `/api/hsds/v3/services/${row.id}`)).json();
    expect(s.organization).toMatchObject({ id: expect.any(String), name: expect.any(String) });
    expect(typeof s.maximum_age).toBe('number');
    expect(s.phones[0].number).toBeTruthy();
    expect(s.service_areas.length).toBeGreaterThan(0);
    expect(s.attributes.some((a: { link_type: string }) => a.link_type === 'audience')).toBe(true);
  });

  it('searches with ?search and stays valid', async () => {
    const page = (await t.call('GET', '/api/hsds/v3/services?search=velkaneuvontaa')).json();
    expect(page.total_items).toBeGreaterThan(0);
    for (const s of page.contents) expectValid('service_list', s);
  });

  it('lists organisations and returns one with its services', async () => {
    const page = (await t.call('GET', '/api/hsds/v3/organizations')).json();
    expect(page.total_items).toBeGreaterThan(5);
    for (const o of page.contents) expectValid('organization_list', o);
    const keusote = page.contents.find((o: { name: string }) => o.name === 'Keski-Uudenmaan hyvinvointialue');
    const org = (await t.call('GET', `/api/hsds/v3/organizations/${keusote.id}`)).json();
    expectValid('organization', org);
    expect(org.services.length).toBeGreaterThan(5);
  });

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    expect((await t.call('GET', '/api/hsds/v3/services/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.call('GET', '/api/hsds/v3/organizations/nope')).statusCode).toBe(400);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanPtvText, parsePtvDocument, parsePtvSimpleService, parsePtvV11Service } from './ptv.parser.js';

const DATA_DIR = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const EXAMPLE_V11 = `${DATA_DIR}ptv/example-service-v11.json`;
const SERVICES_FI = `${DATA_DIR}ptv/services-fi.json`;
const haveData = existsSync(EXAMPLE_V11) && existsSync(SERVICES_FI);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** A small v11 service written by hand, so the tests do not depend on the shared files. */
function v11Service(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '11111111-2222-3333-4444-555555555555',
    type: 'Service',
    serviceNames: [
      { language: 'fi', value: 'Perheneuvola', type: 'Name' },
      { language: 'sv', value: 'Familjerådgivning', type: 'Name' },
      { language: 'fi', value: 'Kasvatus- ja perheneuvonta', type: 'AlternativeName' },
    ],
    serviceDescriptions: [
      { language: 'fi', value: 'Apua lapsen kasvatukseen.', type: 'Summary' },
      { language: 'fi', value: 'Perheneuvolassa  voit puhua\r\n\r\n\r\nlapsen kasvusta. Käynti on maksuton.', type: 'Description' },
      { language: 'sv', value: null, type: 'Summary' },
    ],
    languages: ['fi', 'SV'],
    areaType: 'LimitedType',
    areas: [
      { type: 'Municipality', code: null, name: null, municipalities: [{ code: '186' }, { code: '106' }] },
      { type: 'Municipality', code: '91', name: null, municipalities: [] },
    ],
    serviceChargeType: 'FreeOfCharge',
    targetGroups: [{ code: 'KR1' }, { code: 'KR1.2' }, { code: 'KR1.3' }, { code: 'KR1.6' }],
    serviceClasses: [{ code: 'P3.2' }],
    keywords: [{ language: 'fi', value: 'Perhe' }, { language: 'sv', value: 'familj' }],
    organizations: [
      { organization: { id: 'a', name: 'Tuottaja Oy' }, roleType: 'Producer' },
      { organization: { id: 'b', name: 'Keski-Uudenmaan hyvinvointialue' }, roleType: 'Responsible' },
    ],
    publishingStatus: 'Published',
    ...overrides,
  };
}

describe('parsePtvV11Service', () => {
  it('normalises names, texts, areas, groups, charge and provider', () => {
    const r = parsePtvV11Service(v11Service());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.service;
    expect(s.name).toEqual({ fi: 'Perheneuvola', sv: 'Familjerådgivning' });
    expect(s.summary.fi).toBe('Apua lapsen kasvatukseen.');
    expect(s.description.fi).toBe('Perheneuvolassa voit puhua\n\nlapsen kasvusta. Käynti on maksuton.');
    expect(s.areaNational).toBe(false);
    expect(s.municipalityCodes).toEqual(['186', '106', '091']);
    expect(s.languages).toEqual(['fi', 'sv']);
    expect(s.clientGroups).toEqual(['children-youth-families', 'disability']);
    expect(s.targetGroupCodes).toEqual(['KR1', 'KR1.2', 'KR1.3', 'KR1.6']);
    expect(s.serviceClasses).toEqual(['P3.2']);
    expect(s.chargeType).toBe('free');
    expect(s.providerName).toBe('Keski-Uudenmaan hyvinvointialue');
    expect(s.status).toBe('published');
    expect(s.keywords).toEqual(['perhe']);
    expect(s.source).toBe('ptv-v11');
  });

  it('derives a missing summary from the description and falls back to an alternative name', () => {
    const r = parsePtvV11Service(
      v11Service({
        serviceNames: [{ language: 'fi', value: 'Vain lisänimi', type: 'AlternativeName' }],
        serviceDescriptions: [{ language: 'fi', value: 'Ensimmäinen lause. Toinen lause.', type: 'Description' }],
      }),
    );
    expect(r.ok && r.service.name.fi).toBe('Vain lisänimi');
    expect(r.ok && r.service.summary.fi).toBe('Ensimmäinen lause.');
  });

  it('uses a Swedish name as the primary text of a Swedish-only service', () => {
    const r = parsePtvV11Service(v11Service({ serviceNames: [{ language: 'sv', value: 'Hemvård', type: 'Name' }] }));
    expect(r.ok && r.service.name).toEqual({ fi: 'Hemvård', sv: 'Hemvård' });
  });

  it('reads Draft.js descriptions as plain text', () => {
    expect(cleanPtvText('{"blocks":[{"text":"Rivi 1"},{"text":"Rivi 2"}],"entityMap":{}}')).toBe('Rivi 1\nRivi 2');
  });

  it('rejects malformed services with a reason', () => {
    expect(parsePtvV11Service(v11Service({ id: '' }))).toEqual({ ok: false, reason: 'missing id' });
    expect(parsePtvV11Service(v11Service({ serviceNames: 'x' }))).toMatchObject({ ok: false });
    expect(parsePtvV11Service(v11Service({ serviceNames: [{ language: 'de', value: 'Dienst', type: 'Name' }] }))).toEqual({
      ok: false,
      reason: 'no service name in fi, sv or en',
    });
    expect(parsePtvV11Service(v11Service({ serviceDescriptions: {} }))).toEqual({ ok: false, reason: 'serviceDescriptions is not an array' });
    expect(parsePtvV11Service(v11Service({ areas: 'Järvenpää' }))).toEqual({ ok: false, reason: 'areas is not an array' });
    expect(parsePtvV11Service(null)).toEqual({ ok: false, reason: 'not an object' });
  });

  it('maps unknown charge types to null instead of failing', () => {
    const r = parsePtvV11Service(v11Service({ serviceChargeType: 'Something' }));
    expect(r.ok && r.service.chargeType).toBeNull();
  });
});

describe('parsePtvSimpleService', () => {
  it('parses national and municipal areas', () => {
    const r = parsePtvSimpleService({ id: 'x1', name: ' Adoptio ', summary: 'Tietoa.', areas: ['national', 'municipality:91', 'municipality:186'] });
    expect(r).toMatchObject({
      ok: true,
      service: { ptvId: 'x1', name: { fi: 'Adoptio' }, summary: { fi: 'Tietoa.' }, areaNational: true, municipalityCodes: ['091', '186'], source: 'ptv-simple' },
    });
  });

  it('rejects unknown areas, missing fields and empty areas', () => {
    expect(parsePtvSimpleService({ id: 'x', name: 'N', summary: 's', areas: ['county:02'] })).toEqual({ ok: false, reason: 'unknown area "county:02"' });
    expect(parsePtvSimpleService({ id: 'x', name: '', summary: 's', areas: ['national'] })).toEqual({ ok: false, reason: 'missing name' });
    expect(parsePtvSimpleService({ name: 'N', summary: 's', areas: ['national'] })).toEqual({ ok: false, reason: 'missing id' });
    expect(parsePtvSimpleService({ id: 'x', name: 'N', summary: 's', areas: [] })).toEqual({ ok: false, reason: 'no areas' });
    expect(parsePtvSimpleService({ id: 'x', name: 'N', summary: 3, areas: ['national'] })).toEqual({ ok: false, reason: 'summary is not a string' });
  });
});

describe('parsePtvDocument', () => {
  it('accepts a single v11 service, an array, a map and a paged answer', () => {
    const one = v11Service();
    const two = v11Service({ id: '22222222-2222-3333-4444-555555555555' });
    expect(parsePtvDocument(one).services).toHaveLength(1);
    expect(parsePtvDocument([one, two]).services.map((s) => s.ptvId)).toEqual([one.id, two.id]);
    const map = { [String(one.id)]: one, [String(two.id)]: two };
    const fromMap = parsePtvDocument(map);
    expect(fromMap.services).toHaveLength(2);
    expect(fromMap.rejected).toEqual([]);
    expect(parsePtvDocument({ pageNumber: 1, pageCount: 1, itemList: [one, two] }).services).toHaveLength(2);
  });

  it('skips bad records, keeps the good ones and says why', () => {
    const good = v11Service();
    const result = parsePtvDocument([
      good,
      { id: 'no-names', serviceNames: [] },
      42,
      null,
      { foo: 'bar' },
      { id: 's1', name: 'Yksinkertainen', summary: 'Ok.', areas: ['national'] },
      { id: 's2', name: 'Huono alue', summary: 'x', areas: ['planet:mars'] },
      clone(good),
    ]);
    expect(result.services.map((s) => s.ptvId)).toEqual([good.id, 's1']);
    expect(result.rejected).toEqual([
      { ref: '#1 (no-names)', reason: 'no service name in fi, sv or en' },
      { ref: '#2', reason: 'not an object (number)' },
      { ref: '#3', reason: 'null record' },
      { ref: '#4', reason: 'unknown record format (neither PTV v11 service nor simplified service)' },
      { ref: '#6 (s2)', reason: 'unknown area "planet:mars"' },
      { ref: `#7 (${String(good.id)})`, reason: `duplicate id ${String(good.id)}` },
    ]);
  });

  it('reports map entries by key', () => {
    const result = parsePtvDocument({ a: v11Service(), b: { id: 'b', serviceNames: 'broken' } });
    expect(result.services).toHaveLength(1);
    expect(result.rejected).toEqual([{ ref: 'b', reason: 'serviceNames is missing or not an array' }]);
  });

  it('never throws on documents it does not understand', () => {
    expect(parsePtvDocument(null).rejected[0]?.ref).toBe('document');
    expect(parsePtvDocument('text').rejected[0]?.ref).toBe('document');
    expect(parsePtvDocument({ a: 1, b: 'x' }).rejected).toEqual([{ ref: 'document', reason: 'unknown document format' }]);
    expect(parsePtvDocument([])).toEqual({ services: [], rejected: [] });
    expect(parsePtvDocument({})).toEqual({ services: [], rejected: [] });
  });
});

describe.skipIf(!haveData)('shared PTV data', () => {
  it('parses the example v11 service (single, array and map forms)', () => {
    const example = readJson(EXAMPLE_V11) as Record<string, unknown>;
    const single = parsePtvDocument(example);
    expect(single.rejected).toEqual([]);
    expect(single.services).toHaveLength(1);
    const s = single.services[0]!;
    expect(s.ptvId).toBe('3668d250-cd80-45c4-abcc-9b2d3a2b3e42');
    expect(s.name.fi).toBe('Nettilukio aikuisille');
    expect(s.summary.fi).toBe('Aikuislukio verkko-opintoina.');
    expect(s.description.fi).toMatch(/^Nettilukiossa voit opiskella/);
    expect(s.areaNational).toBe(true);
    expect(s.municipalityCodes).toEqual([]);
    expect(s.languages).toEqual(['fi']);
    expect(s.chargeType).toBe('free');
    expect(s.serviceClasses).toContain('P6.10');
    expect(s.targetGroupCodes).toEqual(['KR1']);
    expect(s.clientGroups).toEqual([]);
    expect(s.providerName).toBe('Mikkelin kaupungin liikelaitos Otavia');
    expect(s.keywords).toContain('verkkolukio');
    expect(s.status).toBe('published');

    const second = { ...clone(example), id: '00000000-0000-0000-0000-000000000001' };
    expect(parsePtvDocument([example, second]).services).toHaveLength(2);
    const asMap = parsePtvDocument({ [String(example.id)]: example, [second.id]: second });
    expect(asMap.services.map((x) => x.ptvId)).toEqual([example.id, second.id]);
    expect(asMap.rejected).toEqual([]);
  });

  it('parses the full simplified list without rejections', () => {
    const result = parsePtvDocument(readJson(SERVICES_FI));
    expect(result.rejected).toEqual([]);
    expect(result.services).toHaveLength(1800);
    const national = result.services.filter((s) => s.areaNational).length;
    expect(national).toBeGreaterThan(1000);
    for (const s of result.services) {
      expect(s.name.fi.length).toBeGreaterThan(0);
      expect(s.areaNational || s.municipalityCodes.length > 0).toBe(true);
      for (const code of s.municipalityCodes) expect(code).toMatch(/^\d{3}$/);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_GROUPS, SEGMENTS } from '../catalog/catalog.types.js';
import {
  ANNI, EERO, JAAKKO, JARVENPAA, KERAVA, KEUSOTE, MARI, NADINA, PETRI, SAARA, TIINA, TUUSULA,
  makeService, municipalityToCounty, national, seedCatalogue,
} from './recommendation.fixtures.js';
import { exclusionReasons, filterServices, rankServices, type PersonForRecommendation } from './recommendation.rules.js';

const opts = { municipalityToCounty };
const rank = (p: PersonForRecommendation, o = {}) => rankServices(p, seedCatalogue(), { ...opts, ...o });
const ids = (p: PersonForRecommendation) => rank(p).map((r) => r.id);
const top = (p: PersonForRecommendation, n: number) => ids(p).slice(0, n);

describe('hard filters', () => {
  it('never returns a service outside the person’s age', () => {
    expect(ids(EERO)).not.toContain('ohjaamo'); // 15–29
    expect(ids(MARI)).toContain('ohjaamo');
    expect(ids({ ...MARI, age: 30 })).not.toContain('ohjaamo');
    expect(ids({ ...MARI, age: 14 })).not.toContain('velkaneuvonta'); // 18+
  });
  it('never returns a service outside the person’s area; national services are everywhere', () => {
    expect(ids(ANNI)).not.toContain('tuusula-seniorit');
    expect(ids({ ...ANNI, municipalityCode: TUUSULA })).toContain('tuusula-seniorit');
    expect(ids(EERO)).not.toContain('vake-velka');
    const keravalainen = { ...EERO, municipalityCode: KERAVA };
    expect(ids(keravalainen)).toContain('vake-velka');
    expect(ids(keravalainen)).not.toContain('kuntouttava'); // Keusote only
    expect(ids(keravalainen)).toContain('velkaneuvonta'); // national
  });
  it('uses the county code when no municipality is known, and no area filter when neither is', () => {
    expect(ids({ ...EERO, municipalityCode: null, countyCode: KEUSOTE })).toContain('kuntouttava');
    expect(ids({ ...EERO, municipalityCode: null, countyCode: KEUSOTE })).not.toContain('ptv-asumisneuvonta');
    expect(ids({ ...EERO, municipalityCode: null })).toContain('vake-velka');
  });
  it('a service without client groups is open to all; with groups only to those groups (strict)', () => {
    expect(ids(ANNI)).toContain('ptv-asumisneuvonta');
    expect(ids(ANNI)).not.toContain('miepa');
    expect(rankServices(ANNI, seedCatalogue(), { ...opts, clientGroupFilter: 'soft' }).map((r) => r.id)).toContain('miepa');
  });
  it('explains exclusions in Finnish', () => {
    const ohjaamo = seedCatalogue().find((s) => s.id === 'ohjaamo')!;
    expect(exclusionReasons(EERO, ohjaamo, opts)).toEqual(['ikä 45 on yli palvelun yläikärajan 29']);
    const { excluded } = filterServices(ANNI, seedCatalogue(), opts);
    expect(excluded.find((e) => e.id === 'tuusula-seniorit')?.reasons).toEqual(['palvelu ei ole saatavilla asuinalueella']);
  });

  it('property: age and area are never violated', () => {
    const municipalities = [JARVENPAA, TUUSULA, KERAVA, '999'];
    const service = fc.record({
      id: fc.uuid(),
      ageMin: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
      ageMax: fc.option(fc.integer({ min: 0, max: 110 }), { nil: null }),
      nationalArea: fc.boolean(),
      municipalityCodes: fc.subarray(municipalities),
      countyCodes: fc.subarray([KEUSOTE, 'vantaa-kerava']),
      clientGroups: fc.subarray([...CLIENT_GROUPS]),
      segments: fc.subarray([...SEGMENTS]),
      lowThreshold: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(service, { maxLength: 12 }),
        fc.integer({ min: 0, max: 105 }),
        fc.constantFrom(...municipalities),
        fc.constantFrom(...SEGMENTS),
        (raw, age, municipalityCode, segment) => {
          const candidates = raw.map((r, i) =>
            makeService({
              id: `${i}-${r.id}`, name: `Palvelu ${i}`, ageMin: r.ageMin, ageMax: r.ageMax, clientGroups: r.clientGroups,
              segments: r.segments, lowThreshold: r.lowThreshold,
              area: { national: r.nationalArea, municipalityCodes: r.municipalityCodes, countyCodes: r.countyCodes },
            }),
          );
          const person = { age, municipalityCode, segment, needsText: 'velkaa ja yksinäisyyttä', lifeSituation: { finance: 0 } };
          for (const { service: s } of rankServices(person, candidates, opts)) {
            if (s.ageMin != null && age < s.ageMin) return false;
            if (s.ageMax != null && age > s.ageMax) return false;
            const county = municipalityToCounty(municipalityCode);
            const inArea = s.area.national || s.area.municipalityCodes.includes(municipalityCode) || (county != null && s.area.countyCodes.includes(county));
            if (!inArea) return false;
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });
});


describe('ranking on the seed clients', () => {
  it('Eero (45, long-term unemployed, debts, alcohol): debt advice and substance services first, reasons read aloud', () => {
    const ranked = rank(EERO);
    expect(ranked.slice(0, 2).map((r) => r.id).sort()).toEqual(['miepa', 'velkaneuvonta']);
    const debt = ranked.find((r) => r.id === 'velkaneuvonta')!;
    expect(debt.reasons).toEqual(expect.arrayContaining([
      'vastaa tarpeeseen: velat',
      'vastaa heikoksi arvioituun elämänalueeseen: raha-asiat (0/10)',
      'sopii yhteisöasiakkuuteen',
      'matalan kynnyksen palvelu',
      'valtakunnallinen palvelu',
    ]));
    expect(debt.matchedNeeds).toContain('velat');
  });
  it('an imported PTV service without keywords or segments is found from its texts', () => {
    const ptv = rank(EERO).find((r) => r.id === 'ptv-takuusaatio')!;
    expect(ptv.reasons).toContain('vastaa tarpeeseen: velat');
    expect(ptv.score).toBeGreaterThan(rank(EERO).find((r) => r.id === 'ptv-kirjasto')!.score);
  });
  it('Anni (80, lonely, fell at home): Lähitori and the balance group first', () => {
    expect(top(ANNI, 2).sort()).toEqual(['lahitori', 'tasapaino']);
    const lahitori = rank(ANNI).find((r) => r.id === 'lahitori')!;
    expect(lahitori.reasons).toEqual(expect.arrayContaining(['vastaa tarpeeseen: yksinäisyys ja ihmissuhteet', 'saatavilla kotikunnassa', 'kohderyhmä: ikääntyneet']));
  });
  it('Mari (20, no work or study place): youth services first', () => {
    expect(top(MARI, 2).sort()).toEqual(['etsiva', 'ohjaamo']);
  });
  it('Saara (23): work trial first', () => {
    expect(top(SAARA, 1)).toEqual(['tyokokeilu']);
  });
  it('Petri (53) and Jaakko (45): musculoskeletal rehabilitation and mental health/substance services first', () => {
    expect(top(PETRI, 2).sort()).toEqual(['miepa', 'tules']);
    expect(top(JAAKKO, 2).sort()).toEqual(['miepa', 'tules']);
  });
  it('Tiina (55): career coaching first', () => {
    expect(top(TIINA, 1)).toEqual(['uravalmennus']);
  });
  it('Nadina (35): the language course (PTV text only) first', () => {
    const first = rank(NADINA)[0]!;
    expect(first.id).toBe('ptv-kielikoulutus');
    expect(first.reasons).toContain('vastaa tarpeeseen: kielitaito ja kotoutuminen');
  });
});

describe('scoring rules', () => {
  const base = { age: 40, municipalityCode: JARVENPAA, needsText: 'velkaa' };
  const two = (a: object, b: object) => [
    makeService({ id: 'a', name: 'Velkaneuvonta A', keywords: ['velka'], area: national, ...a }),
    makeService({ id: 'b', name: 'Velkaneuvonta B', keywords: ['velka'], area: national, ...b }),
  ];
  it('segment-appropriate services first', () => {
    const r = rankServices({ ...base, segment: 'verkosto' }, two({ segments: ['omatoimi'] }, { segments: ['verkosto'] }));
    expect(r.map((x) => x.id)).toEqual(['b', 'a']);
    expect(r[0]!.reasons).toContain('sopii verkostoasiakkuuteen');
    expect(r[1]!.cautions).toContain('tarkoitettu ensisijaisesti omatoimiasiakkuuteen');
  });
  it('low threshold counts more for omatoimi and yhteiso', () => {
    const svc = two({ lowThreshold: true }, {});
    const light = rankServices({ ...base, segment: 'omatoimi' }, svc);
    const heavy = rankServices({ ...base, segment: 'verkosto' }, svc);
    expect(light[0]!.reasons).toContain('matalan kynnyksen palvelu');
    expect(light[0]!.score - light[1]!.score).toBeGreaterThan(heavy[0]!.score - heavy[1]!.score);
  });
  it('local services come before national ones', () => {
    const r = rankServices(base, two({}, { area: { national: false, municipalityCodes: [JARVENPAA], countyCodes: [] } }));
    expect(r[0]!.id).toBe('b');
    expect(r[0]!.reasons).toContain('saatavilla kotikunnassa');
  });
  it('client group match counts', () => {
    const r = rankServices({ ...base, clientGroup: 'working-age' }, two({}, { clientGroups: ['working-age'] }));
    expect(r[0]!.reasons).toContain('kohderyhmä: työikäiset');
  });
  it('services that answer no known need sink and say so; requireNeedMatch drops them', () => {
    const svc = [
      makeService({ id: 'x', name: 'Kerho', lowThreshold: true, area: national }),
      makeService({ id: 'y', name: 'Velkaneuvonta', area: national }),
    ];
    const r = rankServices({ ...base, segment: 'omatoimi' }, svc);
    expect(r.map((x) => x.id)).toEqual(['y', 'x']);
    expect(r[1]!.cautions).toContain('ei vastaa kirjattuihin tarpeisiin');
    expect(rankServices(base, svc, { requireNeedMatch: true }).map((x) => x.id)).toEqual(['y']);
  });
  it('infers the segment of an unsegmented service from the 004 lists', () => {
    const svc = [makeService({ id: 'ls', name: 'Tehostettu perhetyö', area: national }), makeService({ id: 'k', name: 'Kerho', area: national })];
    const r = rankServices({ segment: 'verkosto' }, svc);
    expect(r[0]!.id).toBe('ls');
    expect(r[0]!.reasons).toContain('sopii verkostoasiakkuuteen');
  });
  it('matches free words of the need text that are not in the vocabulary', () => {
    const svc = [makeService({ id: 'p', name: 'Pyöräkorjaamo', summary: 'Polkupyörien korjausta.', area: national }), makeService({ id: 'q', name: 'Kuoro', area: national })];
    const r = rankServices({ needsText: 'polkupyörän korjaus' }, svc);
    expect(r[0]!.id).toBe('p');
    expect(r[0]!.reasons[0]).toMatch(/^hakusanat löytyvät palvelun tiedoista: /);
  });
  it('uses low life areas when there is no need text', () => {
    const r = rankServices({ age: 45, municipalityCode: JARVENPAA, lifeSituation: { housing: 0, finance: 9 } }, seedCatalogue(), opts);
    expect(r[0]!.id).toBe('ptv-asumisneuvonta');
    expect(r[0]!.reasons).toContain('vastaa heikoksi arvioituun elämänalueeseen: asuminen (0/10)');
  });
  it('orders deterministically: score, then name, then id', () => {
    const svc = [
      makeService({ id: '2', name: 'B', area: national }),
      makeService({ id: '1', name: 'B', area: national }),
      makeService({ id: '3', name: 'A', area: national }),
    ];
    expect(rankServices({}, svc).map((r) => r.id)).toEqual(['3', '1', '2']);
    expect(rankServices({}, [...svc].reverse()).map((r) => r.id)).toEqual(['3', '1', '2']);
  });
  it('honours the limit', () => {
    expect(rank(EERO, { limit: 3 })).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS } from '../../db/demo/organizations.js';
import { HELP_CONTACT_KEYS, KEUSOTE_MUNICIPALITY_CODES, NEED_KEYWORDS, SEED_CATALOG } from './catalog.seed-data.js';
import { ACCESS_ROUTES, CHANNELS, CLIENT_GROUPS, SECTORS, SEGMENTS } from './catalog.types.js';

const byKey = new Map(SEED_CATALOG.map((s) => [s.key, s]));
const orgKeys = new Set(DEMO_ORGANIZATIONS.map((o) => o.key));

describe('SEED_CATALOG', () => {
  it('is the complete catalogue (about 150–250 services)', () => {
    expect(SEED_CATALOG.length).toBeGreaterThanOrEqual(150);
    expect(SEED_CATALOG.length).toBeLessThanOrEqual(250);
  });

  it('has unique, slug-like keys', () => {
    expect(byKey.size).toBe(SEED_CATALOG.length);
    for (const s of SEED_CATALOG) expect(s.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('points every service to an existing demo organisation', () => {
    const missing = SEED_CATALOG.filter((s) => !orgKeys.has(s.providerKey)).map((s) => `${s.key} → ${s.providerKey}`);
    expect(missing).toEqual([]);
  });

  it('keeps demo organisations valid: unique keys, known sectors, county 02', () => {
    expect(orgKeys.size).toBe(DEMO_ORGANIZATIONS.length);
    for (const o of DEMO_ORGANIZATIONS) {
      expect(SECTORS).toContain(o.sector);
      expect(o.countyCode).toBe('02');
    }
  });

  it('uses only known vocabulary values', () => {
    for (const s of SEED_CATALOG) {
      expect(s.clientGroups.length, s.key).toBeGreaterThan(0);
      for (const g of s.clientGroups) expect(CLIENT_GROUPS).toContain(g);
      for (const g of s.segments) expect(SEGMENTS).toContain(g);
      expect(s.channels.length, s.key).toBeGreaterThan(0);
      for (const c of s.channels) expect(CHANNELS).toContain(c);
      expect(ACCESS_ROUTES).toContain(s.accessRoute);
      expect(new Set(s.clientGroups).size, s.key).toBe(s.clientGroups.length);
      expect(new Set(s.segments).size, s.key).toBe(s.segments.length);
      expect(new Set(s.channels).size, s.key).toBe(s.channels.length);
      for (const l of s.languages) expect(l).toMatch(/^[a-z]{2}$/);
      expect(s.languages, s.key).toContain('fi');
    }
  });

  it('has realistic age ranges (ageMin ≤ ageMax, 0–120)', () => {
    for (const s of SEED_CATALOG) {
      if (s.ageMin !== null) expect(s.ageMin, s.key).toBeGreaterThanOrEqual(0);
      if (s.ageMax !== null) expect(s.ageMax, s.key).toBeLessThanOrEqual(120);
      if (s.ageMin !== null && s.ageMax !== null) expect(s.ageMin, s.key).toBeLessThanOrEqual(s.ageMax);
    }
  });

  it('has plain-Finnish texts and names in three languages', () => {
    for (const s of SEED_CATALOG) {
      expect(s.name.fi.trim(), s.key).not.toBe('');
      expect(s.name.sv?.trim(), s.key).toBeTruthy();
      expect(s.name.en?.trim(), s.key).toBeTruthy();
      // summary: one sentence
      expect(s.summary.fi, s.key).toMatch(/[.!?]$/);
      expect(s.summary.fi.length, s.key).toBeLessThanOrEqual(200);
      // description: 2–5 sentences
      const sentences = s.description.fi.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9])/).filter((x) => x.trim() !== '');
      expect(sentences.length, `${s.key}: ${s.description.fi}`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${s.key}: ${s.description.fi}`).toBeLessThanOrEqual(5);
    }
  });

  it('has consistent areas: national or in Keski-Uusimaa', () => {
    const known = new Set<string>(KEUSOTE_MUNICIPALITY_CODES);
    for (const s of SEED_CATALOG) {
      if (s.area.national) {
        expect(s.area.municipalityCodes, s.key).toEqual([]);
      } else {
        expect(s.area.countyCodes, s.key).toEqual(['02']);
        expect(s.area.municipalityCodes.length, s.key).toBeGreaterThan(0);
        for (const m of s.area.municipalityCodes) expect(known.has(m), `${s.key}: ${m}`).toBe(true);
      }
    }
  });

  it('has needs keywords from the shared vocabulary', () => {
    const vocabulary = new Set<string>(NEED_KEYWORDS);
    expect(vocabulary.size).toBe(NEED_KEYWORDS.length);
    for (const s of SEED_CATALOG) {
      expect(s.keywords.length, s.key).toBeGreaterThanOrEqual(2);
      expect(new Set(s.keywords).size, s.key).toBe(s.keywords.length);
      for (const k of s.keywords) expect(vocabulary.has(k), `${s.key}: ${k}`).toBe(true);
    }
  });

  it('covers the core needs with several services each', () => {
    const count = (k: string): number => SEED_CATALOG.filter((s) => s.keywords.includes(k)).length;
    for (const need of ['velka', 'toimeentulo', 'asunto', 'yksinäisyys', 'mielenterveys', 'päihde', 'työ', 'opiskelu', 'perhe', 'vanhemmuus', 'liikunta', 'muisti', 'kotona-asuminen', 'kiusaaminen', 'poissaolo', 'väkivalta', 'kriisi']) {
      expect(count(need), need).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives every segment services for children, young people and families (seed 004)', () => {
    for (const segment of SEGMENTS) {
      const services = SEED_CATALOG.filter((s) => s.segments.includes(segment) && s.clientGroups.includes('children-youth-families'));
      expect(services.length, segment).toBeGreaterThanOrEqual(8);
    }
  });

  it('places the producers of seed 004 in the right segments', () => {
    const expectations: [string, string, string][] = [
      ['lastenneuvola', 'omatoimi', 'keusote'],
      ['ohjaamo-jarvenpaa', 'omatoimi', 'jarvenpaa'],
      ['hus-konsultaatio-lapset', 'omatoimi', 'hus'],
      ['kotiin-ostettava-apu', 'omatoimi', 'kotiapu-yritys'],
      ['kasvatus-ja-perheneuvonta', 'yhteiso', 'keusote'],
      ['nuorisoasema', 'yhteiso', 'keusote'],
      ['koulun-tukitoimet', 'yhteiso', 'jarvenpaa'],
      ['turvakoti', 'yhteiso', 'ensi-ja-turvakoti'],
      ['nepsyvalmennus', 'yhteistyo', 'keusote'],
      ['hus-nettiterapiat', 'yhteistyo', 'hus'],
      ['tehostettu-perhetyo', 'verkosto', 'keusote'],
      ['hus-ymparivuorokautinen-nuorisopsykiatria', 'verkosto', 'hus'],
      ['ostopalvelut-avo-ja-sijaishuolto', 'verkosto', 'lastensuojelu-yritys'],
      ['valtion-koulukoti', 'verkosto', 'valtion-koulukodit'],
    ];
    for (const [key, segment, provider] of expectations) {
      const s = byKey.get(key);
      expect(s, key).toBeDefined();
      expect(s?.segments, key).toContain(segment);
      expect(s?.providerKey, key).toBe(provider);
    }
  });

  it('lists the disability services of seed 004 unsegmented', () => {
    const disability = SEED_CATALOG.filter((s) => s.clientGroups.includes('disability') && s.providerKey === 'keusote' && s.segments.length === 0);
    expect(disability.length).toBeGreaterThanOrEqual(15);
    for (const key of ['henkilokohtainen-apu', 'omaishoidon-tuki-alle-65', 'vammaisten-paivatoiminta', 'vammaisten-tyotoiminta', 'sopeutumisvalmennus']) {
      expect(byKey.get(key)?.segments, key).toEqual([]);
    }
  });

  it('has the working-age services of seeds 000 and 001', () => {
    for (const key of ['tyokokeilu', 'kuntouttava-tyotoiminta', 'kela-teak', 'kela-ammatillinen-kuntoutus', 'kela-kuntoutuskurssit', 'palkkatuki', 'uravalmennus', 'talous-ja-velkaneuvonta', 'tyottomien-terveystarkastus', 'mielenterveys-ja-paihdepalvelut-aikuiset']) {
      expect(byKey.get(key)?.clientGroups, key).toContain('working-age');
    }
  });

  it('has the older people’s services of Anni’s path', () => {
    for (const key of ['kotihoidon-arviointijakso', 'fysio-palveluseteli', 'lahitori-lounas', 'lahitori-palveluneuvonta', 'tasapainoryhma', 'kulttuuriluotsit', 'ateriapalvelu', 'ikaihmisten-asiakasohjaus']) {
      expect(byKey.get(key)?.clientGroups, key).toContain('older-people');
    }
  });

  it('has the help and crisis contacts of seed 002 with phone numbers', () => {
    expect(HELP_CONTACT_KEYS.length).toBeGreaterThanOrEqual(25);
    for (const key of HELP_CONTACT_KEYS) {
      const s = byKey.get(key);
      expect(s, key).toBeDefined();
      expect(s?.phone ?? s?.url, key).toBeTruthy();
    }
    expect(byKey.get('hatanumero-112')?.phone).toBe('112');
    expect(byKey.get('rikosuhripaivystys')?.phone).toBe('116 006');
    expect(byKey.get('kriisipuhelin')?.phone).toBe('09 2525 0111');
    for (const key of ['kriisikeskus-keski-uusimaa', 'sosiaalipaivystys', 'turvakoti', 'oikeusapu', 'talous-ja-velkaneuvonta', 'velkalinja-takuusaatio', 'kela-puhelin-toimeentulotuki']) {
      expect(byKey.has(key), key).toBe(true);
    }
    const crisis = SEED_CATALOG.filter((s) => s.keywords.includes('kriisi') && s.lowThreshold && s.openingHours?.includes('24 h'));
    expect(crisis.length).toBeGreaterThanOrEqual(3);
  });

  it('cites a law for statutory public services', () => {
    const publicSectors = new Set(DEMO_ORGANIZATIONS.filter((o) => o.sector === 'wellbeing-county' || o.sector === 'municipality').map((o) => o.key));
    const without = SEED_CATALOG.filter((s) => publicSectors.has(s.providerKey) && s.legalBasis === null && s.accessRoute === 'decision');
    expect(without.map((s) => s.key)).toEqual([]);
    for (const s of SEED_CATALOG) {
      if (s.legalBasis !== null) expect(s.legalBasis, s.key).toMatch(/\d+\/\d{4}/);
    }
  });
});

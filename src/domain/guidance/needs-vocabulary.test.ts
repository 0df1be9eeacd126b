import { describe, expect, it } from 'vitest';
import {
  NEEDS,
  NEED_TAGS,
  SEGMENT_VOCABULARY,
  catalogKeywordsFor,
  createNeedMatcher,
  detectNeeds,
  segmentCues,
  textToCatalogKeywords,
} from './needs-vocabulary.js';

const tags = (text: string) => detectNeeds(text).map((h) => h.tag);

describe('detectNeeds', () => {
  it.each([
    ['Tarvitsen velkaneuvontaa, ulosotossa on laskuja', ['velat', 'toimeentulo']],
    ['Vuokrarästejä ja häätö uhkaa', ['velat', 'asuminen']],
    ['Asunnottomuus', ['asuminen']],
    ['Olen yksinäinen eikä ole kavereita', ['yksinaisyys']],
    ['Yksinäisyyttä ja masennusta', ['yksinaisyys', 'mielenterveys']],
    ['Kaatui kotona, tasapaino heikentynyt', ['liikkuminen']],
    ['Alkoholin käyttö lisääntynyt', ['paihteet']],
    ['Ohjataan kuraattorille', ['opiskelu']],
    ['Muistisairaus ja unettomuus', ['uni', 'muisti']],
    ['Työttömänä kolme vuotta', ['tyo']],
    ['Kieli- ja digitaitojen koulutus maahanmuuttajalle', ['kieli', 'digi']],
    ['Lähisuhdeväkivaltaa, tarvitaan turvakoti', ['vakivalta']],
  ])('%s → includes %j', (text, expected) => {
    expect(tags(text)).toEqual(expect.arrayContaining(expected));
  });

  it('does not find needs in function words and everyday filler', () => {
    expect(tags('Eri palveluista osan kautta seuraava tulee mielestäni, muut on kohta')).toEqual([]);
  });

  it('treats a generic head of a compound as the kind of service, not the need', () => {
    expect(tags('perhetyö')).toContain('perhe');
    expect(tags('perhetyö')).not.toContain('tyo');
    expect(tags('velkaneuvonta')).toEqual(['velat']);
  });

  it('reports the words as written and the matched base forms', () => {
    const hit = detectNeeds('velkaneuvontaa').find((h) => h.tag === 'velat');
    expect(hit?.matched).toEqual(['velkaneuvontaa']);
    expect(hit?.terms).toContain('velkaneuvonta');
  });

  it('returns tags in NEED_TAGS order, each once', () => {
    const found = tags('velka velka raha asunto');
    expect(found).toEqual([...new Set(found)]);
    expect(found).toEqual([...found].sort((a, b) => NEED_TAGS.indexOf(a) - NEED_TAGS.indexOf(b)));
  });

  it('can be built from a configured vocabulary', () => {
    const m = createNeedMatcher([{ tag: 'velat', label: { fi: 'velat', sv: 's', en: 'd' }, terms: ['pikavippi'], catalogKeywords: [] }]);
    expect(m.detect('pikavippejä ja velkaa').map((h) => h.tag)).toEqual(['velat']);
    expect(m.detect('velkaa')).toEqual([]);
  });
});

describe('vocabulary data', () => {
  it('defines every tag once with a Finnish label and catalogue keywords', () => {
    expect(NEEDS.map((n) => n.tag)).toEqual([...NEED_TAGS]);
    for (const n of NEEDS) {
      expect(n.label.fi.length).toBeGreaterThan(0);
      expect(n.catalogKeywords.length).toBeGreaterThan(0);
    }
  });
  it('has cue words for every segment', () => {
    for (const words of Object.values(SEGMENT_VOCABULARY)) expect(words.length).toBeGreaterThan(10);
  });
});

describe('catalogue keywords', () => {
  it('maps free text to catalogue base forms', () => {
    const kws = textToCatalogKeywords('Tarvitsee velkaneuvontaa ja kärsii yksinäisyydestä');
    expect(kws).toEqual(expect.arrayContaining(['velka', 'ulosotto', 'yksinäisyys', 'vertaistuki']));
  });
  it('maps tags to their keywords without duplicates', () => {
    expect(catalogKeywordsFor(['asuminen', 'asuminen'])).toEqual(['asunto', 'asuminen', 'asunnottomuus']);
  });
});

describe('segmentCues', () => {
  it('counts cue words of each segment', () => {
    expect(segmentCues('Lastensuojelun sijaishuolto ja tehostettu perhetyö').verkosto).toBeGreaterThanOrEqual(2);
    expect(segmentCues('Avoin kohtaamispaikka ja neuvonta').omatoimi).toBeGreaterThanOrEqual(2);
    expect(segmentCues('Puheterapia ja fysioterapia').yhteistyo).toBeGreaterThanOrEqual(2);
    expect(segmentCues('Vertaistukiryhmä ja tukihenkilö').yhteiso).toBeGreaterThanOrEqual(2);
  });
});

import { describe, expect, it } from 'vitest';
import { compoundHeads, compoundSplits, contentHash, coordinatedPairs, derivedUuid, diffFields, finnishRoot, mayEditService, tokenizeQuery, tsLexeme, validateServiceState } from './catalog.rules.js';

const matches = (query: string, indexedWord: string) => indexedWord.startsWith(finnishRoot(query));

describe('finnishRoot gives a prefix shared by inflected forms', () => {
  it.each([
    ['velkaneuvontaa', 'velkaneuvonta'],
    ['velkaneuvonnan', 'velkaneuvonta'],
    ['kuraattorille', 'kuraattori'],
    ['kuraattorin', 'kuraattoripalvelut'],
    ['kotihoidon', 'kotihoito'],
    ['yksinäisyys', 'yksinäinen'],
    ['yksinäinen', 'yksinäisyys'],
    ['mielenterveyspalveluihin', 'mielenterveyspalvelut'],
    ['perheneuvolaan', 'perheneuvola'],
    ['velkaneuvota', 'velkaneuvonta'], // typo: missing n
  ])('%s finds %s', (query, word) => {
    expect(matches(query, word)).toBe(true);
  });

  it('keeps short words and numbers whole', () => {
    expect(finnishRoot('kela')).toBe('kela');
    expect(finnishRoot('112')).toBe('112');
  });

  it('never cuts a word below four letters', () => {
    for (const w of ['taksi', 'apuun', 'lasta', 'äidit', 'työtön']) expect(finnishRoot(w).length).toBeGreaterThanOrEqual(4);
  });
});

describe('query words', () => {
  it('lower-cases, drops punctuation and stopwords, keeps Finnish letters', () => {
    expect(tokenizeQuery('Apua VELKAneuvontaa, ja kuraattorille!')).toEqual(['velkaneuvontaa', 'kuraattorille']);
    expect(tokenizeQuery('Hjälp med skuldrådgivning')).toEqual(['skuldrådgivning']);
  });
  it('is bounded in number', () => {
    expect(tokenizeQuery(Array.from({ length: 20 }, (_, i) => `sana${i}`).join(' '))).toHaveLength(8);
  });
  it('makes tsquery operands that cannot inject operators', () => {
    expect(tsLexeme("velka:*&!|('")).toBe('velka');
    expect(tsLexeme('&|!')).toBeNull();
  });
});

describe('compound splitting', () => {
  const lexicon = new Set(['mielenterveys', 'mielen', 'palvelut']);
  it('splits a compound at the longest known head', () => {
    expect(compoundSplits('mielenterveyspalvelu', (w) => lexicon.has(w))[0]).toEqual(['mielenterveys', 'palvelu']);
  });
  it('offers every possible head for one lookup', () => {
    expect(compoundHeads('abcdefghij')).toEqual(['abcd', 'abcde', 'abcdef']);
  });
});

describe('who may edit', () => {
  it('allows admins and managers of the producing organisation only', () => {
    expect(mayEditService({ role: 'admin', organizationId: 'a' }, 'a')).toBe(true);
    expect(mayEditService({ role: 'manager', organizationId: 'a' }, 'a')).toBe(true);
    expect(mayEditService({ role: 'admin', organizationId: 'a' }, 'b')).toBe(false);
    expect(mayEditService({ role: 'client-counsellor', organizationId: 'a' }, 'a')).toBe(false);
    expect(mayEditService({ role: 'admin', organizationId: 'a' }, null)).toBe(false);
    expect(mayEditService(null, 'a')).toBe(false);
  });
});

describe('service coherence', () => {
  const ok = { ageMin: 0, ageMax: 17, area: { national: false, countyCodes: ['02'], municipalityCodes: [] }, phone: '09 123', email: null, url: null, status: 'active' };
  it('accepts a coherent service', () => expect(validateServiceState(ok)).toEqual([]));
  it('rejects an inverted age range, a missing area and an unreachable published service', () => {
    const codes = validateServiceState({ ...ok, ageMin: 18, ageMax: 12, area: { national: false, countyCodes: [], municipalityCodes: [] }, phone: null }).map((p) => p.code);
    expect(codes).toEqual(['age-range', 'area-missing', 'contact-missing']);
  });
  it('lets a draft wait for its contact details', () => expect(validateServiceState({ ...ok, phone: null, status: 'draft' })).toEqual([]));
});

describe('helpers', () => {
  it('diffs only changed fields', () => {
    expect(diffFields({ a: 1, b: ['x'] }, { a: 1, b: ['y'] })).toEqual({ b: { from: ['x'], to: ['y'] } });
  });
  it('hashes content independent of key order', () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ b: [1, 2], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
  it('derives stable RFC 4122 shaped UUIDs', () => {
    expect(derivedUuid('x')).toBe(derivedUuid('x'));
    expect(derivedUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('coordinatedPairs reads words that share a written-once tail', () => {
  it('pairs the hyphenated word with the next one across ja/tai/och', () => {
    expect(coordinatedPairs('mielenterveys- ja päihdepalvelut')).toEqual([['mielenterveys', 'päihdepalvelut']]);
    expect(coordinatedPairs('Ensi- ja turvakoti Espoo')).toEqual([['ensi', 'turvakoti']]);
    expect(coordinatedPairs('hälso- och sjukvård')).toEqual([['hälso', 'sjukvård']]);
    expect(coordinatedPairs('talous- tai velkaneuvonta, ikä- ja muistiasiat')).toEqual([['talous', 'velkaneuvonta'], ['ikä', 'muistiasiat']]);
  });

  it('leaves ordinary hyphens and plain lists alone', () => {
    expect(coordinatedPairs('ruoka-apu ja vaatteet')).toEqual([]);
    expect(coordinatedPairs('mielenterveys ja päihteet')).toEqual([]);
    expect(coordinatedPairs('-- ja')).toEqual([]);
  });
});

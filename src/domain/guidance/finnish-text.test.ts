import { describe, expect, it } from 'vitest';
import {
  COMPOUND_PARTS,
  baseRoot,
  buildCompoundLexicon,
  contentTokens,
  foldGradation,
  normalizeText,
  rootMatches,
  splitCompound,
  stem,
  tokenize,
  wordRoots,
} from './finnish-text.js';

/** Does an inflected word meet a base form (the way the need matcher compares them)? */
function meets(word: string, base: string): boolean {
  const termRoot = baseRoot(base);
  return wordRoots(word).some((r) => rootMatches(r, termRoot));
}

describe('normalizeText and tokenize', () => {
  it('lower-cases, keeps å ä ö and splits hyphenated words and punctuation', () => {
    expect(normalizeText('Ääni, TE-palvelut!')).toBe('ääni te palvelut');
    expect(tokenize('Liikunta- ja kulttuuripalvelut (0–12 v.)')).toEqual(['liikunta', 'ja', 'kulttuuripalvelut', 'v']);
  });
  it('drops stop words from content tokens', () => {
    expect(contentTokens('Minulla on velkoja ja en jaksa')).toEqual(['velkoja', 'jaksa']);
  });
});

describe('inflected words meet their base forms', () => {
  const cases: [string, string][] = [
    ['velkaneuvontaa', 'velkaneuvonta'], ['kuraattorille', 'kuraattori'], ['kuraattorin', 'kuraattori'],
    ['yksinäinen', 'yksinäisyys'], ['yksinäisyyttä', 'yksinäinen'], ['yksinäisen', 'yksinäinen'],
    ['yksinäisiä', 'yksinäisyys'], ['yksinäisyydestä', 'yksinäisyys'], ['asunnottomuus', 'asunto'],
    ['asunnon', 'asunto'], ['asunnoton', 'asunto'], ['asunnottomuuden', 'asunto'], ['asuntoon', 'asunto'],
    ['velat', 'velka'], ['velkoja', 'velka'], ['velan', 'velka'], ['velkaa', 'velka'], ['ulosotossa', 'ulosotto'],
    ['toimeentulotukea', 'toimeentulotuki'], ['laskuja', 'lasku'], ['vuokrarästejä', 'vuokrarästi'],
    ['häädön', 'häätö'], ['kotona', 'koti'], ['kotiin', 'koti'], ['kodin', 'koti'], ['masennusta', 'masennus'],
    ['päihteitä', 'päihde'], ['alkoholia', 'alkoholi'], ['unettomuus', 'uni'], ['unta', 'uni'],
    ['liikuntaa', 'liikunta'], ['kaatuminen', 'kaatua'], ['kaatumisen', 'kaatuminen'], ['tasapainon', 'tasapaino'],
    ['kuntoutukseen', 'kuntoutus'], ['kuntoutuksen', 'kuntoutus'], ['kuntoutusta', 'kuntoutus'],
    ['kuntoutuksissa', 'kuntoutus'], ['työttömyys', 'työ'], ['työtön', 'työ'], ['työttömänä', 'työ'],
    ['työtä', 'työ'], ['töihin', 'työ'], ['terveyden', 'terveys'], ['terveyttä', 'terveys'],
    ['talouden', 'talous'], ['taloudellinen', 'talous'], ['taloutta', 'talous'], ['vertaistukea', 'vertaistuki'],
    ['kavereita', 'kaveri'], ['ystäviä', 'ystävä'], ['asiakkaan', 'asiakas'], ['neuvonnan', 'neuvonta'],
    ['neuvontaan', 'neuvonta'], ['ohjauksessa', 'ohjaus'], ['perheen', 'perhe'], ['perheessä', 'perhe'],
    ['lapsille', 'lapsi'], ['lasten', 'lapsi'], ['tukea', 'tuki'], ['tuen', 'tuki'], ['avun', 'apu'], ['apua', 'apu'],
    ['mielenterveyden', 'mielenterveys'], ['nuorten', 'nuori'], ['asumisen', 'asuminen'], ['ahdistusta', 'ahdistus'],
    ['rahaa', 'raha'], ['ikäihmisille', 'ikäihminen'], ['vanhemmuuden', 'vanhemmuus'], ['väkivaltaa', 'väkivalta'],
    ['turvakotiin', 'turvakoti'], ['kriisissä', 'kriisi'], ['fysioterapiaan', 'fysioterapia'], ['arjessa', 'arki'],
    ['kotihoidon', 'kotihoito'], ['muistisairauden', 'muistisairaus'], ['hoidon', 'hoito'], ['tiedon', 'tieto'],
    ['köyhyyttä', 'köyhä'], ['palveluissa', 'palvelu'], ['palveluiden', 'palvelu'], ['palvelujen', 'palvelu'],
    ['ystävänsä', 'ystävä'], ['velkansa', 'velka'], ['kotonakin', 'koti'],
  ];
  it.each(cases)('%s ~ %s', (word, base) => {
    expect(meets(word, base)).toBe(true);
  });

  const unrelated: [string, string][] = [
    ['velvollisuus', 'velka'], ['kohta', 'kohtaaminen'], ['palvelu', 'velka'], ['kuntoutus', 'kunta'],
    ['asiakas', 'asia'], ['työpaikka', 'työ'], ['yksinhuoltaja', 'yksinäinen'], ['kuraattori', 'kuraattoripalvelu'],
  ];
  it.each(unrelated)('%s does not meet %s', (word, base) => {
    expect(meets(word, base)).toBe(false);
  });
});

describe('stem', () => {
  it('gives the same stem to forms of one word', () => {
    expect(stem('velkoja')).toBe(stem('velka'));
    expect(stem('asunnon')).toBe(stem('asunto'));
    expect(stem('yksinäisyyttä')).toBe(stem('yksinäinen'));
    expect(stem('kuraattorille')).toBe(stem('kuraattori'));
  });
});

describe('foldGradation', () => {
  it('collapses strong and weak grades', () => {
    expect(foldGradation('asunto')).toBe(foldGradation('asunno'));
    expect(foldGradation('velka')).toBe(foldGradation('vela'));
    expect(foldGradation('apu')).toBe(foldGradation('avu'));
    expect(foldGradation('tieto')).toBe(foldGradation('tiedo'));
  });
});

describe('splitCompound', () => {
  const lex = buildCompoundLexicon([...COMPOUND_PARTS, 'muisti', 'sairaus', 'häätö', 'uhka', 'rästi', 'ongelma', 'mielenterveys']);
  it.each([
    ['velkaneuvontaa', ['velka', 'neuvontaa']],
    ['velkaneuvonta', ['velka', 'neuvonta']],
    ['muistisairaus', ['muisti', 'sairaus']],
    ['häätöuhka', ['häätö', 'uhka']],
    ['vuokrarästejä', ['vuokra', 'rästejä']],
    ['mielenterveysongelmia', ['mielenterveys', 'ongelmia']],
    ['asumispalvelu', ['asumis', 'palvelu']],
    ['perhetyöhön', ['perhe', 'työhön']],
    ['nuorisoasemalle', ['nuoriso', 'asemalle']],
  ])('%s → %j', (word, parts) => {
    expect(splitCompound(word, lex)).toEqual(parts);
  });
  it('leaves words that are not compounds of known parts whole', () => {
    expect(splitCompound('velvollisuus', lex)).toEqual(['velvollisuus']);
    expect(splitCompound('koti', lex)).toEqual(['koti']);
  });
});

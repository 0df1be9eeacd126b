import { describe, expect, it } from 'vitest';
import { thesaurusAlternatives } from './catalog.thesaurus.js';

describe('catalogue thesaurus', () => {
  it('bridges everyday words to the words services use, inflected forms included', () => {
    for (const w of ['vanhus', 'vanhukset', 'vanhuksille', 'vanhusten']) expect(thesaurusAlternatives(w)).toContain('ikäihmi:*');
    expect(thesaurusAlternatives('ikäihmisille')).toContain('vanhus:*');
    expect(thesaurusAlternatives('nuorille')).toContain('nuoris:*');
    expect(thesaurusAlternatives('masentuneille')).toContain('mielentervey:*');
  });

  it('reads a compound with a listed first part as the other words together with its tail', () => {
    expect(thesaurusAlternatives('vanhuspalvelut')).toContain('(ikäihmi:* & palvel:*)');
    expect(thesaurusAlternatives('vanhuspalvelut')).not.toContain('ikäihmi:*');
  });

  it('does not read a listed word as a shorter one plus a tail (rahapeli is not raha)', () => {
    const alts = thesaurusAlternatives('rahapeli');
    expect(alts).toContain('peluur:*');
    expect(alts).not.toContain('velk:*');
    expect(thesaurusAlternatives('rahat')).toContain('velk:*');
  });

  it('finds broader words from a specific one, not the other way round', () => {
    expect(thesaurusAlternatives('masennus')).toContain('mielentervey:*');
    expect(thesaurusAlternatives('mielenterveys')).not.toContain('masennu:*');
  });

  it('adds nothing for words it does not know, or what the word already searches', () => {
    expect(thesaurusAlternatives('palvelu')).toEqual([]);
    expect(thesaurusAlternatives('kotihoito')).toEqual([]);
    expect(thesaurusAlternatives('vanhus', ['ikäihmi:*'])).not.toContain('ikäihmi:*');
    for (const w of ['alkoholi', 'vanhuspalvelut', 'masennus']) expect(thesaurusAlternatives(w).length).toBeLessThanOrEqual(8);
  });
});

describe('catalogue thesaurus: short verbs of a resident\'s sentence', () => {
  it('matches three-letter words only as typed', () => {
    expect(thesaurusAlternatives('juo')).toContain('päihd:*');
    expect(thesaurusAlternatives('lyö')).toContain('väkiv:*');
    expect(thesaurusAlternatives('juoksu')).toEqual([]);
  });
});

describe('catalogue thesaurus: children, work ability and help at home', () => {
  it('finds the services for school absence, placements, work inability and help at home', () => {
    expect(thesaurusAlternatives('koulupoissaolot')).toContain('kuraatto:*');
    expect(thesaurusAlternatives('huostaanotto')).toContain('lastensuoje:*');
    expect(thesaurusAlternatives('työkyvyttömyys')).toContain('työkyk:*');
    expect(thesaurusAlternatives('kotiapua')).toContain('kotipalve:*');
  });
});

import { describe, expect, it } from 'vitest';
import { ANNI, EERO, JAAKKO, MARI, NADINA, PETRI, SAARA, TIINA, makeService, municipalityToCounty, seedCatalogue } from './recommendation.fixtures.js';
import { primeAnalyses, rankServices, type CandidateService, type PersonForRecommendation } from './recommendation.rules.js';

/**
 * The analysis kept under `textKey` (guidance.service passes id + version + updated_at + name) must
 * change nothing in the ranking, and a new key must be analysed afresh.
 */
const opts = { municipalityToCounty };
const PEOPLE: PersonForRecommendation[] = [EERO, ANNI, MARI, SAARA, PETRI, JAAKKO, TIINA, NADINA];
let run = 0;
const keyed = () => {
  run += 1;
  return seedCatalogue().map((s) => ({ ...s, textKey: `test-${s.id}` }));
};

describe('keyed service analyses', () => {
  it('rank exactly like fresh analyses, on the first and on later calls', () => {
    for (const p of PEOPLE) {
      const fresh = rankServices(p, seedCatalogue(), opts);
      const first = rankServices(p, keyed(), opts);
      const again = rankServices(p, keyed(), opts);
      const view = (r: typeof fresh) => r.map((x) => [x.id, x.score, x.reasons, x.cautions]);
      expect(view(first)).toEqual(view(fresh));
      expect(view(again)).toEqual(view(fresh));
    }
    expect(run).toBe(PEOPLE.length * 2);
  });

  it('analyse a service again when its key changes, and only then', () => {
    const person = { ...EERO, needsText: 'Tarvitsen apua kirjansidontaan.' };
    const plain = makeService({ id: 'kurssi', name: 'Harrastuskurssi', area: { national: true, municipalityCodes: [], countyCodes: [] } });
    const bookbinding = { ...plain, summary: 'Kirjansidonnan kurssi.', keywords: ['kirjansidonta'] };
    const score = (s: typeof plain) => rankServices(person, [...seedCatalogue(), s], opts).find((r) => r.id === 'kurssi')?.reasons.join(' ') ?? '';
    expect(score({ ...plain, textKey: 'kurssi:1' })).not.toMatch(/kirjansidon/);
    // Same key, new texts: the kept analysis is used (the key promises the texts are unchanged).
    expect(score({ ...bookbinding, textKey: 'kurssi:1' })).not.toMatch(/kirjansidon/);
    // New key: analysed again.
    expect(score({ ...bookbinding, textKey: 'kurssi:2' })).toMatch(/kirjansidon/);
  });

  it('prime every keyed service once; ranking after priming is unchanged', () => {
    const catalogue = seedCatalogue().map((s) => ({ ...s, textKey: `prime-${s.id}` }));
    expect(primeAnalyses(catalogue)).toBe(catalogue.length);
    expect(primeAnalyses(catalogue)).toBe(0);
    expect(primeAnalyses(seedCatalogue())).toBe(0); // without a key nothing is kept
    const view = (p: PersonForRecommendation, c: readonly CandidateService[]) => rankServices(p, c, opts).map((x) => [x.id, x.score, x.reasons]);
    for (const p of PEOPLE) expect(view(p, catalogue)).toEqual(view(p, seedCatalogue()));
  });
});

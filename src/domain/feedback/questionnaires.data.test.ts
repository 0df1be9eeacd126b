import { describe, expect, it } from 'vitest';
import {
  GROUP_TITLES,
  QUALITY_GROUP_IDS,
  QUESTIONNAIRE_IDS,
  QUESTIONNAIRES,
  RESPONDENTS,
  SCALE_LABELS,
  SEED_CORRECTIONS,
} from './questionnaires.data.js';

const allItems = QUESTIONNAIRES.flatMap((q) => q.groups.flatMap((g) => g.items.map((i) => ({ q, g, i }))));

describe('PAKU quality-criteria questionnaires', () => {
  it('has the four parts of the model, in order', () => {
    expect(QUESTIONNAIRES.map((q) => q.id)).toEqual([...QUESTIONNAIRE_IDS]);
    expect(QUESTIONNAIRES.map((q) => q.title.fi)).toEqual([
      'Ennaltaehkäisevä palveluohjaus ja varhainen tuki',
      'Monialainen intensiivinen palveluohjaus',
      'Järjestölähtöinen palveluohjaus',
      'Digitaalinen palveluohjaus',
    ]);
  });

  it('gives every part all four groups in the seed order, none empty', () => {
    for (const q of QUESTIONNAIRES) {
      expect(q.groups.map((g) => g.id)).toEqual([...QUALITY_GROUP_IDS]);
      for (const g of q.groups) {
        expect(g.items.length).toBeGreaterThan(0);
        expect(g.title).toEqual(GROUP_TITLES[g.id]);
      }
    }
  });

  it('holds every item of the seed: 21 + 20 + 21 + 16', () => {
    expect(QUESTIONNAIRES.map((q) => q.groups.reduce((n, g) => n + g.items.length, 0))).toEqual([21, 20, 21, 16]);
    expect(allItems).toHaveLength(78);
  });

  it('has unique item ids that say where the item lives', () => {
    const ids = allItems.map(({ i }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { q, g, i } of allItems) {
      expect(i.id).toMatch(new RegExp(`^${q.id}\\.${g.id}\\.\\d+$`));
      expect(i.group).toBe(g.id);
    }
  });

  it('keeps the Finnish wording of the seed, differing only by case and the listed typo fixes', () => {
    for (const { i } of allItems) {
      const corrected = SEED_CORRECTIONS.reduce((s, [from, to]) => s.split(from).join(to), i.seedText.toLocaleUpperCase('fi'));
      expect(i.text.fi.toLocaleUpperCase('fi'), i.id).toBe(corrected);
    }
  });

  it('has every correction in use, so the list stays honest', () => {
    for (const [from] of SEED_CORRECTIONS) {
      expect(allItems.some(({ i }) => i.seedText.toLocaleUpperCase('fi').includes(from)), from).toBe(true);
    }
  });

  it('translates every item and starts each text with a capital letter', () => {
    for (const { i } of allItems) {
      for (const lang of ['fi', 'sv', 'en'] as const) {
        expect(i.text[lang].trim(), `${i.id} ${lang}`).not.toBe('');
        expect(i.text[lang][0], `${i.id} ${lang}`).toMatch(/\p{Lu}/u);
      }
      expect(RESPONDENTS).toContain(i.respondent);
    }
  });

  it('lets the client answer the encounter items written in the first person', () => {
    for (const { g, i } of allItems.filter(({ i }) => /^(MINU|MINÄ|MIELIPITEENI|TIEDÄN|TIESIN|TILANTEESTANI|VOIN)/.test(i.seedText))) {
      expect(g.id, i.id).toBe('encounter');
      expect(i.respondent, i.id).toBe('client');
    }
    for (const { i } of allItems.filter(({ i }) => /^(OLEN|OSAAN|MAHDOLLISTAN)/.test(i.seedText))) {
      expect(i.respondent, i.id).toBe('professional');
    }
    expect(allItems.find(({ i }) => i.text.fi.includes('max. 40 asiakasta'))?.i.respondent).toBe('manager');
  });

  it('labels the 1–5 scale as the seed does', () => {
    expect(Object.keys(SCALE_LABELS)).toEqual(['1', '2', '3', '4', '5']);
    expect(SCALE_LABELS[1].fi).toBe('Toteutui erittäin huonosti');
    expect(SCALE_LABELS[3].fi).toBe('Toteutui tyydyttävästi');
    expect(SCALE_LABELS[5].fi).toBe('Toteutui erittäin hyvin');
  });
});

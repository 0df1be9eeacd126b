/**
 * The catalogue's thesaurus: the everyday words people use for a need, and the words the service
 * descriptions use for it. A resident types "vanhus" or "rahat ei riitä"; the producers write
 * "ikäihmisten palvelut" and "talous- ja velkaneuvonta", "toimeentulotuki". Stemming and trigrams
 * cannot bridge that (no shared letters), so a query word that matches an entry here is searched
 * together with the entry's other words (tsquery OR). Direct matches still rank first: the
 * finnish/swedish ranks and the trigram terms see only what was typed.
 *
 * Two kinds of entries:
 * - `same`: words that name the same thing; each finds the others (vanhus ↔ ikäihminen ↔ seniori).
 * - `broader`: a specific word also finds the general service words (masennus → mielenterveys),
 *   not the other way round: "mielenterveys" should not list every depression group first.
 *
 * Words are written in their basic form plus, where the stem changes in inflection, a second form
 * (vanhus, vanhukset). Matching is by finnishRoot, so inflected query words match (vanhuksille).
 * A query word that starts with a listed word and goes on for ≥ 4 letters is a compound
 * (vanhuspalvelut): it finds the other words together with its tail ((ikäihmi:* & palvelu:*)).
 * Pure data and pure functions; no I/O.
 */
import { finnishRoot, tsLexeme } from './catalog.rules.js';

interface Entry {
  /** Forms that trigger the entry (basic form and stem-changing forms). */
  words: string[];
  /** The words this entry adds as alternatives. For `same` entries, the words themselves. */
  finds: string[];
}

const same = (...words: string[]): Entry => ({ words, finds: words });
const broader = (words: string[], finds: string[]): Entry => ({ words, finds });

/**
 * Finnish and Swedish words of the service guidance domain (seeds 000–004: the working-age,
 * older people's, children and families', disability and crisis services). Kept to words whose
 * meaning in a service query is unambiguous; a word that also means something else (ero =
 * divorce / difference) is not here.
 */
const ENTRIES: Entry[] = [
  // older people
  same('vanhus', 'vanhukset', 'ikäihminen', 'ikäihmiset', 'ikääntynyt', 'ikääntyneet', 'seniori'),
  same('äldre', 'åldring', 'seniorer'),
  broader(['muistisairaus', 'muistisairas', 'dementia', 'alzheimer', 'muistiongelma', 'unohtelu'], ['muisti']),
  broader(['demens', 'minnessjukdom'], ['minne']),
  // money
  broader(['raha', 'rahat', 'rahaton', 'rahapula', 'köyhyys', 'vähävarainen', 'pienituloinen'], ['talous', 'toimeentulo', 'velka']),
  broader(['laskut', 'maksaminen', 'maksuvaikeus', 'maksuhäiriö', 'ulosotto', 'pikavippi', 'luottotiedot'], ['velka', 'talous']),
  broader(['pengar', 'skulder'], ['skuld', 'ekonomi']),
  // work
  same('työtön', 'työttömät', 'työttömyys', 'työnhakija', 'työnhakijat'),
  same('arbetslös', 'arbetssökande', 'arbetslöshet'),
  broader(['työpaikka', 'työnhaku', 'töihin'], ['työllisyys', 'työnhaku', 'työhönvalmennus']),
  broader(['työkyvyttömyys', 'työkyvytön', 'sairausloma'], ['työkyky', 'kuntoutus', 'työeläke']),
  // young people and families
  same('nuori', 'nuoret', 'nuoriso', 'teini', 'teinit'),
  same('ungdom', 'unga'),
  same('koditon', 'asunnoton', 'asunnottomuus'),
  broader(['vuokra', 'vuokrarästi', 'vuokranantaja', 'häätö'], ['asumisneuvonta', 'asumisneuvoja', 'asunnottomuus']),
  broader(['kiusaaminen', 'kiusattu', 'koulukiusaaminen'], ['kuraattori', 'koulupsykologi', 'kiusaaminen']),
  broader(['avioero', 'huoltajuus', 'tapaamisoikeus', 'elatusapu'], ['perheasiain', 'perheasioiden', 'sovittelu', 'huolto']),
  broader(['raskaus', 'raskaana', 'vauva'], ['äitiysneuvola', 'neuvola', 'perhevalmennus']),
  broader(['koulupoissaolo', 'poissaolot', 'koulukammo', 'lintsaaminen', 'koulupudokas'], ['kuraattori', 'koulupsykologi', 'opiskeluhuolto', 'oppilashuolto']),
  broader(['huostaanotto', 'sijaisperhe', 'lastenkoti'], ['lastensuojelu', 'sijaishuolto', 'perhehoito']),
  // substances and gambling
  broader(['alkoholi', 'viina', 'juon', 'juo', 'juominen', 'juopottelu', 'humala', 'krapula', 'huume', 'huumeet', 'kannabis', 'riippuvuus', 'addiktio'], ['päihde', 'päihdepalvelu']),
  broader(['alkohol', 'droger', 'beroende'], ['missbruk', 'rusmedel']),
  broader(['peliongelma', 'pelaaminen', 'pelaa', 'uhkapeli', 'rahapeli', 'peliriippuvuus'], ['rahapelaaminen', 'pelihaitta', 'peluuri']),
  // mind and crisis
  same('mielenterveys', 'psyykkinen'),
  broader(['masennus', 'masentunut', 'ahdistus', 'ahdistunut', 'paniikkihäiriö', 'syömishäiriö', 'uupumus', 'burnout',
    'stressi', 'unettomuus', 'psykoosi', 'kaksisuuntainen', 'jaksaminen', 'jaksa', 'väsymys'], ['mielenterveys', 'psykoterapia', 'lyhytterapia']),
  broader(['depression', 'ångest', 'psykisk'], ['mental', 'psykiatri']),
  broader(['itsemurha', 'itsetuhoisuus', 'itsetuhoinen', 'itsetuhoiset'], ['kriisipuhelin', 'kriisi', 'mielenterveys']),
  same('yksinäisyys', 'yksinäinen', 'ystävätoiminta', 'vertaistuki'),
  broader(['väkivalta', 'pahoinpitely', 'perheväkivalta', 'lähisuhdeväkivalta', 'hakkaaminen', 'hakkaa', 'lyö', 'lyönyt', 'uhkailee'], ['väkivalta', 'turvakoti', 'nollalinja']),
  same('våld', 'misshandel'),
  // disability
  same('vammainen', 'vammaisuus', 'vammaiset', 'liikuntarajoitteinen', 'toimintarajoite'),
  broader(['pyörätuoli', 'rollaattori', 'kuulolaite', 'kävelykeppi'], ['apuväline']),
  broader(['autismi', 'adhd', 'asperger', 'neuropsykiatrinen'], ['nepsy', 'neuropsykiatri']),
  same('funktionsnedsättning', 'handikapp'),
  // migration
  same('maahanmuuttaja', 'maahanmuuttajat', 'pakolainen', 'turvapaikanhakija', 'kotoutuminen'),
  same('invandrare', 'flykting', 'integration'),
  // carers
  same('omaishoitaja', 'omaishoito', 'omaishoitajat'),
  same('närståendevårdare', 'närståendevård'),
  // help at home
  broader(['kotiapu', 'siivousapu', 'kauppa-apu', 'asiointiapu'], ['kotipalvelu', 'kotihoito', 'tukipalvelu']),
  // food
  broader(['ruoka', 'nälkä', 'ruokakassi', 'ruokajakelu'], ['ruoka', 'ateria', 'ruokapankki']),
];

export interface ThesaurusMatch {
  /** tsquery fragments for the `simple` word vector, to OR with the word's own alternatives. */
  alternatives: string[];
}

interface Trigger {
  form: string;
  root: string;
  entry: Entry;
}

const TRIGGERS: Trigger[] = ENTRIES.flatMap((entry) =>
  entry.words.map((form) => ({ form, root: finnishRoot(form), entry })),
);

/** Most alternatives one query word may add: a broad word must not turn into the whole catalogue. */
const MAX_ALTERNATIVES = 8;

function prefixOf(word: string): string | null {
  const lexeme = tsLexeme(finnishRoot(word));
  return lexeme && lexeme.length >= 3 ? `${lexeme}:*` : null;
}

/**
 * The query word's root and a listed word's root are the same word: equal, or the query's root cut
 * one letter shorter by its case ending (nuorille → nuor, nuori → nuori). Never two letters apart:
 * rahapeli (rahape) is not raha.
 */
function sameRoot(queryRoot: string, listedRoot: string): boolean {
  if (queryRoot === listedRoot) return true;
  if (queryRoot.length >= 4 && listedRoot.length - queryRoot.length === 1 && listedRoot.startsWith(queryRoot)) return true;
  // …or one letter longer where the stem changes (laskujen → laskuj, laskut → lasku).
  return listedRoot.length >= 5 && queryRoot.length - listedRoot.length === 1 && queryRoot.startsWith(listedRoot);
}

/**
 * The thesaurus alternatives of one query word (already lower-cased by tokenizeQuery).
 * An inflected form matches by its root. Only when nothing matches that way, a compound that
 * begins with a listed word (the longest) matches with its tail as a second condition, so
 * "vanhuspalvelut" finds (ikäihmi:* & palvel:*) while "rahapeli", itself listed, is not read as
 * raha + peli. `own` are the alternatives the word already has, left out.
 */
export function thesaurusAlternatives(token: string, own: Iterable<string> = []): string[] {
  const root = finnishRoot(token);
  const skip = new Set(own);
  skip.add(`${tsLexeme(root)}:*`);
  const out: string[] = [];
  const add = (alt: string | null) => {
    if (alt && !skip.has(alt) && !out.includes(alt) && out.length < MAX_ALTERNATIVES) out.push(alt);
  };
  // Three-letter forms (juo, lyö) only as typed: as roots or compound heads they would match too much.
  const direct = TRIGGERS.filter((t) => t.form === token || (t.form.length >= 4 && sameRoot(root, t.root)));
  if (direct.length > 0) {
    for (const t of direct) for (const w of t.entry.finds) add(prefixOf(w));
    return out;
  }
  let head: Trigger | null = null;
  for (const t of TRIGGERS) {
    if (t.form.length >= 4 && token.startsWith(t.form) && token.length - t.form.length >= 3 && (!head || t.form.length > head.form.length)) head = t;
  }
  const tail = head ? prefixOf(token.slice(head.form.length)) : null;
  if (head && tail) {
    for (const w of head.entry.finds) {
      const p = prefixOf(w);
      if (p && p !== tail) add(`(${p} & ${tail})`);
    }
  }
  return out;
}

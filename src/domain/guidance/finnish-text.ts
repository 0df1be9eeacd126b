/**
 * Light Finnish text normalisation for matching free text against base-form vocabularies.
 *
 * Not a morphological analyser: it turns an inflected word into a few candidate "roots" and a
 * vocabulary base form into one root, so that `velkaneuvontaa`, `kuraattorille`,
 * `yksinäisyyttä` or `asunnottomuus` meet `velkaneuvonta`, `kuraattori`, `yksinäinen`, `asunto`.
 * Both sides go through the same folding (lower case, consonant gradation collapsed, final
 * vowels dropped), so consistency matters more than linguistic truth.
 */

const LETTER = /[a-zåäöéü]/;

/** Function words and filler that never carry a need. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'ja tai sekä mutta kun jos että vaan eli niin myös vain vielä jo nyt kuin koska jotta ' +
    'on ei en et eivät ole olen olet olemme olette ovat oli olin olisi ollut olla ' +
    'minä sinä hän me te he minun sinun hänen meidän teidän heidän minulla sinulla hänellä meillä ' +
    'minulle sinulle hänelle minua sinua häntä minusta sinusta hänestä mitä mikä mitkä miten missä ' +
    'mistä mihin kuka ketkä kenen joka jonka jota jossa josta johon jolle jolla tämä tämän tätä ' +
    'tässä tästä tähän se sen sitä siinä siitä siihen ne niitä niiden nämä näitä kaikki kaikkia ' +
    'paljon vähän hyvin aika kovin todella tosi liian enää aina usein joskus ehkä kanssa ilman ' +
    'yli alle ennen jälkeen mukaan asti saakka kautta luona vuoksi takia osa osin noin n. esim ' +
    'uusi uuden uutta uudet hyvä hyvän hyvää huono iso pieni muu muut muita ' +
    'the and or of for to in on with a an'
  ).split(/\s+/),
);

/** Words too general to tell services apart (they still count inside compounds). */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  'palvelu palvelut asiakas asia tuki apu ohjaus neuvonta toiminta henkilö ihminen tarve tarvita saada voida haluta'.split(
    ' ',
  ),
);

/** Lower-case, NFC, punctuation → space. Keeps å ä ö. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^a-zåäöéü0-9]+/g, ' ')
    .trim();
}

/** Words of a text, hyphenated compounds split (`TE-palvelut` → `te`, `palvelut`), digits dropped. */
export function tokenize(text: string): string[] {
  return normalizeText(text)
    .split(' ')
    .filter((t) => t.length > 0 && LETTER.test(t));
}

/** Content words: tokens minus stop words and one-letter tokens. */
export function contentTokens(text: string): string[] {
  return tokenize(text).filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

/* ------------------------------------------------------------------ roots */

/** Frequent irregular forms (k ↔ ∅, k ↔ v, consonant stems) that folding cannot reach. */
const IRREGULAR: Record<string, string> = {
  tuen: 'tuki', tuet: 'tuki', tueksi: 'tuki', tuessa: 'tuki', tuesta: 'tuki', tuelle: 'tuki', tuella: 'tuki',
  lapsen: 'lapsi', lapset: 'lapsi', lasten: 'lapsi', lapsia: 'lapsi', lapsille: 'lapsi', lapsella: 'lapsi',
  lapsesta: 'lapsi', lapselle: 'lapsi', lasta: 'lapsi', lapsiin: 'lapsi', lapsien: 'lapsi',
  töihin: 'työ', töissä: 'työ', töitä: 'työ', töistä: 'työ', töille: 'työ',
  kyvyn: 'kyky', kyvyt: 'kyky', kykyä: 'kyky', kyvyssä: 'kyky',
  käden: 'käsi', kädet: 'käsi', kättä: 'käsi', käsien: 'käsi', käsiä: 'käsi',
  ruoan: 'ruoka', ruuan: 'ruoka', ruokaa: 'ruoka', ruoasta: 'ruoka',
  jäljen: 'jälki', hengen: 'henki', mielen: 'mieli', veden: 'vesi', vettä: 'vesi',
  naisen: 'nainen', miehen: 'mies', miehet: 'mies', miestä: 'mies',
  ystävyys: 'ystävä', ystävyyden: 'ystävä',
  arjen: 'arki', arjessa: 'arki', arjesta: 'arki', arkeen: 'arki', arjet: 'arki',
};

// Longest first; plural -i- variants included. Single pass: one ending per candidate.
const CASE_ENDINGS = [
  'isiin', 'ineen', 'ihin', 'issa', 'issä', 'ista', 'istä', 'illa', 'illä', 'ilta', 'iltä', 'ille', 'iksi',
  'iden', 'itten', 'seen', 'siin', 'tten', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä',
  'lle', 'ksi', 'tta', 'ttä', 'hin', 'han', 'hen', 'hon', 'hun', 'hyn', 'hän', 'hön', 'jen', 'ten', 'den',
  'aan', 'ään', 'een', 'iin', 'oon', 'uun', 'yyn', 'öön', 'ien', 'na', 'nä', 'ja', 'jä', 'ta', 'tä', 'in',
  'en', 'n', 't', 'a', 'ä', 'i',
];
const CLITICS = ['kaan', 'kään', 'kin', 'han', 'hän'];
const POSSESSIVES = ['nsa', 'nsä', 'mme', 'nne', 'ni', 'si'];

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && 'aeiouyäöå'.includes(ch);
}

/** Collapse consonant gradation so that strong and weak grades meet (asunto/asunnon, velka/velan, apu/avun). */
export function foldGradation(s: string): string {
  return s
    .replace(/([kptsmnlr])\1/g, '$1')
    .replace(/nt|nd/g, 'n')
    .replace(/mp|mm/g, 'm')
    .replace(/lt|ld/g, 'l')
    .replace(/rt|rd/g, 'r')
    .replace(/nk|ng/g, 'n')
    .replace(/ht|hd/g, 'h')
    .replace(/lk/g, 'l')
    .replace(/rk/g, 'r')
    .replace(/hk/g, 'h')
    .replace(/d/g, 't')
    .replace(/([aeiouyäö])v(?=[aeiouyäö])/g, '$1p');
}

// Derivational endings that should not separate a word from its base (-inen, -isuus, -ton, -minen …).
const DERIVATIONS: readonly (readonly [RegExp, number])[] = [
  [/t?t[oö]m(?:uu|yy)?(?:s|de|te|tt?|d)$|t?t[oö]m[aäie]$|t[oö]n$/, 2],
  [/llis(?:uu|yy)(?:s|de|te|tt?|d)?$|lli(?:nen|se|si|s)$/, 3],
  [/is(?:uu|yy)(?:s|de|te|tt?|d)?$|i(?:nen|se|si|s)$/, 4],
  [/m[iy](?:nen|se|si|s)$/, 2],
];

/** Root of a word that is already in a base-like form (after case stripping, or a vocabulary lemma). */
export function baseRoot(form: string): string {
  let w = form;
  for (const [re, minLeft] of DERIVATIONS) {
    const m = re.exec(w);
    if (m && m.index >= minLeft) {
      w = w.slice(0, m.index);
      break;
    }
  }
  if (w.length > 4) {
    w = w.replace(/([aeiouyäö])ks[ei]?$/, '$1s'); // kuntoutukse(n) → kuntoutus
    w = w.replace(/([uy])(?:de|te|tt?)$/, '$1s'); // terveyde(n), terveyttä, taloutta → terveys, talous
  }
  if (w.length > 4) w = w.replace(/(?:uu|yy)s$/, '').replace(/([^aeiouyäö])[aä]s$/, '$1'); // köyhyys, asiakas
  w = foldGradation(w);
  while (w.length > 2 && isVowel(w[w.length - 1])) w = w.slice(0, -1);
  return w;
}

function stripOne(w: string, endings: readonly string[], minLeft: number): string | null {
  for (const e of endings) {
    if (w.endsWith(e) && w.length - e.length >= minLeft) return w.slice(0, -e.length);
  }
  return null;
}

/** Plausible uninflected forms of a word (the word itself first). */
export function inflectionCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return [irregular];
  const heads = [w];
  const noClitic = w.length > 6 ? stripOne(w, CLITICS, 4) : null;
  if (noClitic) heads.push(noClitic);
  for (const h of [...heads]) {
    const noPoss = stripOne(h, POSSESSIVES, 4);
    if (noPoss && !noPoss.endsWith('k')) heads.push(noPoss); // not translative -ksi
  }
  const out = new Set<string>(heads);
  for (const h of heads) {
    for (const e of CASE_ENDINGS) {
      if (!h.endsWith(e) || h.length - e.length < 2) continue;
      const stem = h.slice(0, -e.length);
      // partitive -ta/-tä only after a vowel or s (neuvonta is not neuvon + ta)
      if ((e === 'ta' || e === 'tä') && !isVowel(stem.at(-1)) && stem.at(-1) !== 's') continue;
      out.add(stem);
      if (/^[aeiouyäö]{2}n$/.test(e)) out.add(stem + e[0]); // illative: kotiin → koti, taloon → talo
    }
  }
  return [...out];
}

const rootCache = new Map<string, readonly string[]>();

/** Roots of an inflected word: baseRoot of each inflection candidate, de-duplicated. */
export function wordRoots(word: string): readonly string[] {
  const key = word.toLowerCase();
  const hit = rootCache.get(key);
  if (hit) return hit;
  const roots = [...new Set(inflectionCandidates(key).map(baseRoot))].filter((r) => r.length >= 2);
  if (rootCache.size > 50_000) rootCache.clear();
  rootCache.set(key, roots);
  return roots;
}

/** One deterministic stem for display and grouping: the root of the most-stripped sensible candidate. */
export function stem(word: string): string {
  const roots = wordRoots(word);
  return roots.reduce((best, r) => (r.length >= 3 && r.length < best.length ? r : best), roots[0] ?? word);
}

/**
 * Does a word (any inflection) match a vocabulary root? Equal roots, or the vocabulary root is a
 * prefix of the word's root with a short tail (derivations the rules above missed).
 */
export function rootMatches(wordRoot: string, termRoot: string): boolean {
  if (wordRoot === termRoot) return true;
  return termRoot.length >= 4 && wordRoot.startsWith(termRoot) && wordRoot.length - termRoot.length <= 3;
}

/* -------------------------------------------------------------- compounds */

/** Heads and modifiers that build service and need compounds; extended by each vocabulary. */
export const COMPOUND_PARTS: readonly string[] = [
  'palvelu', 'neuvonta', 'ohjaus', 'tuki', 'apu', 'työ', 'toiminta', 'ryhmä', 'keskus', 'koti', 'hoito',
  'kuntoutus', 'terapia', 'asema', 'valmennus', 'arviointi', 'kokeilu', 'tarkastus', 'sosiaali',
  'terveys', 'mieli', 'perhe', 'lapsi', 'nuori', 'nuoriso', 'vanhus', 'ikä', 'päivä', 'ilta', 'yö',
  'velka', 'raha', 'talous', 'asunto', 'asuminen', 'vuokra', 'kunta', 'kuljetus', 'henkilö', 'kaveri',
  'ystävä', 'vertainen', 'vertais', 'kriisi', 'päihde', 'liikunta', 'kulttuuri', 'kieli', 'koulu',
  'opiskelu', 'ura', 'kyky', 'elämä', 'arki', 'hallinta', 'taito', 'paikka', 'kohtaaminen', 'piste',
];

export interface CompoundLexicon {
  roots: ReadonlySet<string>;
  surfaces: ReadonlySet<string>;
}

/** Index base forms for compound splitting. */
export function buildCompoundLexicon(baseForms: Iterable<string>): CompoundLexicon {
  const roots = new Set<string>();
  const surfaces = new Set<string>();
  for (const f of baseForms) {
    for (const word of tokenize(f)) {
      if (word.length < 3) continue;
      surfaces.add(word);
      roots.add(baseRoot(word));
    }
  }
  return { roots, surfaces };
}

function knownPart(part: string, lex: CompoundLexicon): boolean {
  if (lex.surfaces.has(part)) return true;
  return wordRoots(part).some((r) => r.length >= 3 && lex.roots.has(r));
}

/**
 * Split a compound against a lexicon: `velkaneuvontaa` → [`velka`, `neuvontaa`]. Parts keep their
 * surface form (the last one its inflection). Prefers splits where every part is known, then the
 * longest known first part. Returns [word] when no split is found.
 */
export function splitCompound(word: string, lex: CompoundLexicon, depth = 0): string[] {
  const w = word.toLowerCase();
  if (w.length < 6 || depth > 3) return [w];
  let leftOnly: string[] | null = null;
  for (let i = w.length - 3; i >= 3; i--) {
    const left = w.slice(0, i);
    const right = w.slice(i);
    if (!knownPart(left, lex)) continue;
    if (knownPart(right, lex)) return [left, right];
    const rest = splitCompound(right, lex, depth + 1);
    if (rest.length > 1) return [left, ...rest];
    if (!leftOnly && lex.surfaces.has(left) && right.length >= 5) leftOnly = [left, right];
  }
  return leftOnly ?? [w];
}

/** Roots of a word and of its compound parts (the whole word first). */
export function wordAndPartRoots(word: string, lex?: CompoundLexicon): string[] {
  const roots = new Set(wordRoots(word));
  if (lex) {
    const parts = splitCompound(word, lex);
    if (parts.length > 1) for (const p of parts) for (const r of wordRoots(p)) roots.add(r);
  }
  return [...roots];
}

/**
 * Need vocabularies (Finnish base forms and synonyms) that turn free text into need tags, and the
 * catalogue keyword base forms each tag stands for. Everything is matched through
 * `finnish-text.ts`, so inflected text (`velkaneuvontaa`, `yksinäisyyttä`) finds these forms.
 */
import type { Segment } from '../catalog/catalog.types.js';
import {
  COMPOUND_PARTS,
  buildCompoundLexicon,
  splitCompound,
  tokenize,
  wordRoots,
  baseRoot,
  STOPWORDS,
  type CompoundLexicon,
} from './finnish-text.js';

export const NEED_TAGS = [
  'velat', 'toimeentulo', 'asuminen', 'yksinaisyys', 'mielenterveys', 'paihteet', 'terveys', 'liikkuminen',
  'uni', 'muisti', 'tyo', 'opiskelu', 'tyokyky', 'perhe', 'vakivalta', 'arki', 'osaaminen', 'itsetunto',
  'kieli', 'digi', 'kriisi', 'ikaantyminen', 'vamma', 'oikeudet', 'hyvinvointi',
] as const;
export type NeedTag = (typeof NEED_TAGS)[number];

export interface NeedDefinition {
  tag: NeedTag;
  /** Plain Finnish label used in reasons: "vastaa tarpeeseen: velat". */
  label: { fi: string; sv: string; en: string };
  /** Base forms and synonyms; multi-word terms must appear as consecutive words. */
  terms: readonly string[];
  /** Base forms to write into a service's `keywords` (the catalogue's own vocabulary). */
  catalogKeywords: readonly string[];
}

const n = (
  tag: NeedTag,
  fi: string,
  sv: string,
  en: string,
  catalogKeywords: string[],
  terms: string[],
): NeedDefinition => ({ tag, label: { fi, sv, en }, catalogKeywords, terms: [...catalogKeywords, ...terms] });

export const NEEDS: readonly NeedDefinition[] = [
  n('velat', 'velat', 'skulder', 'debts', ['velka', 'ulosotto', 'velkaneuvonta'], [
    'talousneuvonta', 'maksuhäiriö', 'maksuhäiriömerkintä', 'luottotieto', 'perintä', 'laina', 'pikavippi', 'vippi',
    'velkajärjestely', 'vuokrarästi', 'rästi', 'takuusäätiö', 'velkaantuminen', 'velallinen', 'maksuvaikeus',
    'maksamaton', 'karhukirje', 'velkakierre',
  ]),
  n('toimeentulo', 'toimeentulo ja raha-asiat', 'försörjning och pengar', 'income and money',
    ['toimeentulo', 'toimeentulotuki', 'raha', 'talous'], [
      'rahapula', 'rahaton', 'lasku', 'laskut', 'etuus', 'etuudet', 'kela', 'asumistuki', 'työttömyysturva',
      'työmarkkinatuki', 'peruspäiväraha', 'ruoka-apu', 'ruoka', 'köyhyys', 'köyhä', 'budjetti', 'sosiaaliturva',
      'eläke', 'taloudellinen', 'talousasia', 'raha-asia', 'vuokra', 'vuokranmaksu', 'vähävarainen',
      'ehkäisevä toimeentulotuki', 'taloudellinen tuki',
    ]),
  n('asuminen', 'asuminen', 'boende', 'housing', ['asunto', 'asuminen', 'asunnottomuus'], [
    'asunnoton', 'häätö', 'häätöuhka', 'kotona asuminen', 'asumispalvelu', 'tuettu asuminen', 'asumisneuvonta',
    'vuokra-asunto', 'vuokranantaja', 'koti', 'kodin muutostyö', 'asunnon muutostyö',
    'asumisturva', 'palveluasuminen', 'asuntola', 'ensisuoja', 'yömaja', 'kotiutus', 'asumistuki',
  ]),
  n('yksinaisyys', 'yksinäisyys ja ihmissuhteet', 'ensamhet och relationer', 'loneliness and relationships',
    ['yksinäisyys', 'vertaistuki', 'ystävä'], [
      'yksinäinen', 'yksin', 'kaveri', 'ystävyys', 'juttuseura', 'kohtaamispaikka', 'vertaisryhmä',
      'ystäväpalvelu', 'ystävätoiminta', 'kerho', 'sosiaalinen kontakti', 'sosiaaliset suhteet', 'ihmissuhde',
      'vapaaehtoinen', 'tukihenkilö', 'eristäytyminen', 'syrjäytyminen', 'leski', 'olohuone', 'kahvila', 'ryhmätoiminta', 'seniorikerho', 'ulkoiluystävä',
    ]),
  n('mielenterveys', 'mieliala ja mielenterveys', 'psykisk hälsa', 'mood and mental health',
    ['mielenterveys', 'masennus', 'ahdistus'], [
      'mieliala', 'masentunut', 'ahdistunut', 'alakulo', 'alakuloinen', 'uupumus', 'uupunut', 'stressi', 'psyykkinen',
      'psykiatria', 'psykiatrinen', 'psykologi', 'terapia', 'psykoterapia', 'nettiterapia', 'itsetuhoisuus',
      'itsemurha', 'paniikki', 'pelkotila', 'mielenterveyspalvelu', 'miepä', 'psykososiaalinen', 'jaksaminen',
      'keskusteluapu', 'burnout',
    ]),
  n('paihteet', 'päihteet ja riippuvuudet', 'missbruk och beroende', 'substances and addiction',
    ['päihde', 'alkoholi', 'riippuvuus'], [
      'päihteet', 'huume', 'huumeet', 'juominen', 'juoda', 'humala', 'kännissä', 'peliriippuvuus', 'rahapeli',
      'a-klinikka', 'katkaisuhoito', 'nuorisoasema', 'päihdepalvelu', 'kannabis', 'lääkeriippuvuus', 'tupakka',
      'nikotiini', 'viina', 'olut', 'korvaushoito',
    ]),
  n('terveys', 'terveys', 'hälsa', 'health', ['terveys', 'sairaus'], [
    'sairas', 'kipu', 'kivut', 'selkäkipu', 'selkä', 'diabetes', 'lääkäri', 'hoitaja', 'terveydenhoitaja',
    'terveyskeskus', 'terveysasema', 'lääke', 'lääkitys', 'migreeni', 'ylipaino', 'terveystarkastus',
    'hammas', 'hammashoito', 'sairaala', 'sydän', 'verenpaine', 'astma', 'allergia', 'oire', 'vaiva',
    'tules', 'elintapa', 'elintapaohjaus', 'painonhallinta', 'ravitsemus', 'laihtuminen', 'paino',
  ]),
  n('liikkuminen', 'liikkuminen ja tasapaino', 'rörlighet och balans', 'mobility and balance',
    ['liikunta', 'kaatuminen', 'tasapaino'], [
      'kaatua', 'kaatuilu', 'kaatumisvaara', 'liikkuminen', 'liikkua', 'fysioterapia', 'fysioterapeutti', 'jumppa',
      'tasapainoryhmä', 'kuntosali', 'apuväline', 'rollaattori', 'kävely', 'ulkoilu', 'lihaskunto', 'toimintakyky',
      'kuntoutus fyysinen', 'liikuntaneuvonta', 'voimistelu', 'liikuntaryhmä', 'murtuma', 'loukkaantua',
    ]),
  n('uni', 'uni ja väsymys', 'sömn och trötthet', 'sleep and tiredness', ['uni'], [
    'unettomuus', 'nukkuminen', 'nukkua', 'väsymys', 'väsynyt', 'univaikeus', 'uniongelma', 'yöuni',
  ]),
  n('muisti', 'muisti', 'minne', 'memory', ['muisti', 'muistisairaus'], [
    'dementia', 'alzheimer', 'unohtelu', 'unohtaa', 'muistihoitaja', 'muistitesti', 'muistiongelma', 'muistiyhdistys',
  ]),
  n('tyo', 'työ ja työllistyminen', 'arbete och sysselsättning', 'work and employment', ['työ', 'työllistyminen'], [
    'työttömyys', 'työtön', 'pitkäaikaistyötön', 'työnhaku', 'työnhakija', 'työpaikka', 'palkkatuki', 'työkokeilu',
    'työtoiminta', 'kuntouttava työtoiminta', 'uravalmennus', 'uraohjaus', 'työllisyyspalvelu', 'te-palvelu',
    'te-toimisto', 'työvalmennus', 'työhönvalmennus', 'työvalmentaja', 'omavalmentaja', 'työpaja', 'irtisanominen',
    'lomautus', 'työsuhde', 'työnantaja', 'työelämä', 'työllisyys', 'ammatti', 'ammatinvalinta', 'yrittäjä',
    'työmarkkinat', 'oppisopimus', 'työllisyyspalvelut', 'kuntakokeilu',
  ]),
  n('opiskelu', 'opiskelu ja koulutus', 'studier och utbildning', 'studies and education', ['opiskelu', 'koulutus'], [
    'koulu', 'koulunkäynti', 'tutkinto', 'oppilaitos', 'ammattikoulu', 'kurssi', 'opinnot', 'opiskelija', 'oppilas',
    'poissaolo', 'valma', 'koulutuskokeilu', 'lukio', 'ammatillinen koulutus', 'opiskeluhuolto', 'kuraattori',
    'opinto-ohjaus', 'läksy', 'oppimisvaikeus', 'lukivaikeus', 'perusopetus', 'aikuiskoulutus',
  ]),
  n('tyokyky', 'työkyky ja kuntoutus', 'arbetsförmåga och rehabilitering', 'work ability and rehabilitation',
    ['työkyky', 'kuntoutus'], [
      'työkyvyn arviointi', 'ammatillinen kuntoutus', 'kuntoutuskurssi', 'sairausloma', 'sairauspäiväraha',
      'työkykykoordinaattori', 'kuntoutusselvitys', 'teak', 'kuntoutustutkimus', 'työkyvyttömyys', 'eläke',
      'työterveys', 'työterveyshuolto', 'kuntoutusohjaus', 'toimintakyky', 'tules-kuntoutus', 'sosiaalinen kuntoutus',
    ]),
  n('perhe', 'perhe ja vanhemmuus', 'familj och föräldraskap', 'family and parenting', ['perhe', 'vanhemmuus', 'lapsi'], [
    'vanhempi', 'äiti', 'isä', 'avioero', 'erotilanne', 'eroperhe', 'parisuhde', 'kasvatus', 'neuvola', 'perhetyö', 'raskaus',
    'vauva', 'huoltajuus', 'lapsiperhe', 'lastenvalvoja', 'perheneuvonta', 'lapsiperheiden kotipalvelu',
    'murrosikä', 'yksinhuoltaja', 'sijaisperhe', 'tukiperhe', 'lastensuojelu', 'perheasiainsovittelu', 'elatus',
    'tapaamisoikeus', 'omainen', 'omaishoito', 'omaishoitaja', 'läheinen', 'puoliso',
  ]),
  n('vakivalta', 'väkivalta ja turvallisuus', 'våld och trygghet', 'violence and safety', ['väkivalta', 'turvakoti'], [
    'lähisuhdeväkivalta', 'perheväkivalta', 'uhka', 'uhkailu', 'kaltoinkohtelu', 'hyväksikäyttö',
    'rikos', 'rikosuhri', 'rikosuhripäivystys', 'turvallisuus', 'turvaton', 'vaino', 'kiusaaminen', 'ahdistelu',
    'seksuaalinen väkivalta', 'lähestymiskielto',
  ]),
  n('arki', 'arjessa selviytyminen', 'att klara vardagen', 'coping with everyday life', ['arki', 'kotiapu', 'kotihoito'], [
    'arjenhallinta', 'elämänhallinta', 'kotipalvelu', 'siivous', 'ruoanlaitto', 'kauppa', 'kauppa-asiointi', 'asiointi',
    'peseytyminen', 'hygienia', 'päivärytmi', 'kotikäynti', 'kotiin annettava apu', 'turvapuhelin', 'ateriapalvelu',
    'arjen tuki', 'arkiapu', 'selviytyminen', 'asioiden hoitaminen', 'sosiaaliohjaus', 'kotihoidon arviointijakso',
  ]),
  n('osaaminen', 'vahvuudet, osaaminen ja harrastukset', 'styrkor och fritid', 'strengths, skills and hobbies',
    ['osaaminen', 'harrastus'], [
      'vapaa-aika', 'kulttuuri', 'taide', 'musiikki', 'vapaaehtoistyö', 'kehittyminen', 'vahvuus', 'taito',
      'osaamiskartoitus', 'kurssi', 'kansalaisopisto', 'kirjasto', 'kulttuuriluotsi', 'mielekäs tekeminen',
      'liikuntaharrastus',
    ]),
  n('itsetunto', 'itsetunto ja motivaatio', 'självkänsla och motivation', 'self-esteem and motivation',
    ['itsetunto', 'motivaatio'], ['itseluottamus', 'minäkuva', 'arvostus', 'häpeä', 'epävarmuus', 'voimaantuminen', 'motivoituminen', 'saamattomuus'],
  ),
  n('kieli', 'kielitaito ja kotoutuminen', 'språk och integration', 'language and integration', ['kieli', 'kotoutuminen'], [
    'suomen kieli', 'kielitaito', 'kielikurssi', 'maahanmuuttaja', 'maahanmuutto', 'tulkkaus', 'tulkkipalvelu', 's2',
    'kotoutumiskoulutus', 'kotoutumissuunnitelma', 'pakolainen', 'turvapaikanhakija', 'oleskelulupa', 'monikulttuurinen',
  ]),
  n('digi', 'digitaidot ja sähköinen asiointi', 'digital kompetens', 'digital skills', ['digituki'], [
    'digitaito', 'tietokone', 'älypuhelin', 'sähköinen asiointi', 'verkkoasiointi', 'pankkitunnus', 'tunnistautuminen',
    'omakanta', 'omaolo', 'digiapuri', 'nettiasiointi', 'internet',
  ]),
  n('kriisi', 'kriisi ja suru', 'kris och sorg', 'crisis and grief', ['kriisi', 'kriisiapu'], [
    'suru', 'menetys', 'kuolema', 'leskeytyminen', 'hätä', 'akuutti', 'kriisikeskus', 'sosiaalipäivystys',
    'onnettomuus', 'trauma', 'itsemurha', 'kriisipuhelin', 'päivystys',
  ]),
  n('ikaantyminen', 'ikääntyminen', 'åldrande', 'ageing', ['ikääntynyt', 'ikäihminen'], [
    'vanhus', 'seniori', 'eläkeläinen', 'ikääntyminen', 'vanhuspalvelu', 'palvelutalo', 'ympärivuorokautinen hoiva',
    'hoiva', 'lähitori', 'seniorineuvonta', 'vanhusneuvosto',
  ]),
  n('vamma', 'vammaisuus ja erityinen tuki', 'funktionsnedsättning', 'disability and special support',
    ['vammaispalvelu', 'kehitysvamma'], [
      'vamma', 'vammainen', 'kehitysvammainen', 'henkilökohtainen apu', 'kuljetuspalvelu', 'nepsy', 'adhd', 'autismi',
      'erityinen tuki', 'erityisen tuen tarve', 'sopeutumisvalmennus', 'päivätoiminta', 'tuettu työllistyminen',
      'kehitysvammapoliklinikka', 'aistivamma', 'näkövamma', 'kuulovamma', 'liikuntavamma', 'neuropsykiatrinen',
    ]),
  n('oikeudet', 'oikeudet ja oikeusapu', 'rättigheter och rättshjälp', 'rights and legal aid', ['oikeusapu', 'edunvalvonta'], [
    'sosiaaliasiamies', 'potilasasiamies', 'valitus', 'muistutus', 'oikeusaputoimisto', 'juristi', 'lakimies',
    'edunvalvoja', 'oikeusedustus', 'sovittelutoimisto',
  ]),
  n('hyvinvointi', 'hyvinvointi ja tyytyväisyys elämään', 'välmående', 'wellbeing and life satisfaction', ['hyvinvointi'], [
    'elämänlaatu', 'tyytyväisyys', 'onnellisuus', 'elämänilo', 'merkityksellisyys', 'tulevaisuus', 'toivo', 'voimavara',
  ]),
];

export const NEED_BY_TAG: ReadonlyMap<NeedTag, NeedDefinition> = new Map(NEEDS.map((d) => [d.tag, d]));

/**
 * Words that suggest which segment (004) a service is built for, used when a service has no
 * explicit `segments` (e.g. imported PTV services). Drawn from the 004 cards and service lists.
 */
export const SEGMENT_VOCABULARY: Readonly<Record<Segment, readonly string[]>> = {
  omatoimi: [
    'neuvonta', 'itsehoito', 'omahoito', 'digiapuri', 'sähköinen asiointi', 'verkkopalvelu', 'chat', 'avoin',
    'kohtaamispaikka', 'ohjaamo', 'nuorisopalvelu', 'liikuntapalvelu', 'kulttuuripalvelu', 'neuvola',
    'ennaltaehkäisy', 'opas', 'harrastus', 'kerho', 'maksuton', 'elintapaohjaus',
    'varhaiskasvatus', 'terveysneuvonta', 'kirjasto', 'ilman ajanvarausta',
  ],
  yhteiso: [
    'vertaistuki', 'vertaisryhmä', 'ryhmä', 'tukihenkilö', 'tukiperhe', 'vapaaehtoinen', 'kuraattori', 'psykologi',
    'perhetyö', 'sosiaaliohjaus', 'nuorisoasema', 'turvakoti', 'ruoka-apu', 'ystävätoiminta', 'kuntouttava työtoiminta',
    'työpaja', 'sosiaalinen kuntoutus', 'velkaneuvonta', 'talousneuvonta', 'kasvatus- ja perheneuvonta', 'ankkuri',
    'etsivä nuorisotyö', 'päiväkeskus', 'kotipalvelu',
  ],
  yhteistyo: [
    'lääkäri', 'terapia', 'fysioterapia', 'puheterapia', 'toimintaterapia', 'psykoterapia', 'nettiterapia', 'kuntoutus',
    'psykiatria', 'poliklinikka', 'neurologia', 'nepsy', 'sovittelu', 'työkyky', 'kuntoutuskurssi',
    'erikoissairaanhoito', 'ammatillinen kuntoutus', 'hoitosuunnitelma', 'kuntoutusohjaus', 'omahoitaja',
  ],
  verkosto: [
    'lastensuojelu', 'sijaishuolto', 'jälkihuolto', 'tehostettu', 'intensiivinen', 'ympärivuorokautinen',
    'perhekuntoutus', 'ensikoti', 'laitos', 'laitoshoito', 'asumispalvelu', 'tuettu asuminen', 'palveluohjaus',
    'monialainen', 'yhteispalvelu', 'erityinen tuki', 'valvottu tapaaminen', 'tuettu tapaaminen', 'kriisi',
    'katkaisuhoito', 'päivystys', 'vastaanotto ja arviointi', 'asiakasvastaava',
  ],
};

/* --------------------------------------------------------------- matching */

// Service-type heads: as the last part of a compound they name the kind of service, not the need
// (perhetyö is family work, not employment; velkaneuvonta is about debt, not advice).
const GENERIC_HEADS = [
  'työ', 'palvelu', 'neuvonta', 'ohjaus', 'tuki', 'apu', 'toiminta', 'ryhmä', 'keskus', 'hoito', 'asema', 'piste',
  'paikka', 'valmennus', 'arviointi', 'kokeilu', 'koulutus', 'kurssi', 'jakso', 'käynti', 'tarkastus', 'ilta',
];

interface CompiledTerm<T> {
  roots: readonly string[]; // one per word
  value: T;
  term: string;
}

export interface TermHit<T> {
  value: T;
  term: string;
  /** The word(s) of the text that matched, as written. */
  matched: string;
}

/** A reusable matcher from base-form terms to values (need tags, segments, …). */
export interface TermMatcher<T> {
  find(text: string): TermHit<T>[];
  lexicon: CompoundLexicon;
}

/** Build a matcher. `extraParts` feed compound splitting only (they never match by themselves). */
export function createTermMatcher<T>(
  entries: readonly { term: string; value: T }[],
  extraParts: readonly string[] = COMPOUND_PARTS,
): TermMatcher<T> {
  const compiled: CompiledTerm<T>[] = [];
  const firstRoot = new Map<string, CompiledTerm<T>[]>();
  for (const { term, value } of entries) {
    const words = tokenize(term);
    if (words.length === 0 || (words.length === 1 && STOPWORDS.has(words[0]!))) continue;
    const c: CompiledTerm<T> = { roots: words.map(baseRoot), value, term };
    compiled.push(c);
    const list = firstRoot.get(c.roots[0]!) ?? [];
    list.push(c);
    firstRoot.set(c.roots[0]!, list);
  }
  const lexicon = buildCompoundLexicon([...entries.map((e) => e.term), ...extraParts]);
  const genericHeadRoots = new Set(GENERIC_HEADS.map(baseRoot));

  const lookup = (root: string): CompiledTerm<T>[] => {
    const out = [...(firstRoot.get(root) ?? [])];
    for (let k = Math.max(4, root.length - 3); k < root.length; k++) out.push(...(firstRoot.get(root.slice(0, k)) ?? []));
    return out;
  };
  const tokenRootsCache = new Map<string, readonly string[]>();
  const rootsOf = (token: string): readonly string[] => {
    const hit = tokenRootsCache.get(token);
    if (hit) return hit;
    const roots = new Set(wordRoots(token));
    const parts = splitCompound(token, lexicon);
    if (parts.length > 1) {
      parts.forEach((p, i) => {
        const isHead = i === parts.length - 1;
        for (const r of wordRoots(p)) if (r.length >= 3 && !(isHead && genericHeadRoots.has(r))) roots.add(r);
      });
    }
    const list = [...roots];
    if (tokenRootsCache.size > 20_000) tokenRootsCache.clear();
    tokenRootsCache.set(token, list);
    return list;
  };
  const wordHas = (roots: readonly string[], termRoot: string) =>
    roots.some((r) => r === termRoot || (termRoot.length >= 4 && r.startsWith(termRoot) && r.length - termRoot.length <= 3));

  return {
    lexicon,
    find(text: string): TermHit<T>[] {
      const tokens = tokenize(text);
      const skip = tokens.map((t) => STOPWORDS.has(t));
      const tokenRoots = tokens.map(rootsOf);
      const hits: TermHit<T>[] = [];
      const seen = new Set<string>();
      tokenRoots.forEach((roots, i) => {
        if (skip[i]) return;
        for (const root of roots) {
          for (const c of lookup(root)) {
            const key = `${c.term}@${i}`;
            if (seen.has(key)) continue;
            const span = c.roots.length;
            if (i + span > tokens.length) continue;
            if (!c.roots.every((tr, j) => wordHas(tokenRoots[i + j]!, tr))) continue;
            seen.add(key);
            hits.push({ value: c.value, term: c.term, matched: tokens.slice(i, i + span).join(' ') });
          }
        }
      });
      return hits;
    },
  };
}

export interface NeedHit {
  tag: NeedTag;
  terms: string[];
  matched: string[];
}

/** Build a need matcher for a (possibly configured) list of needs. */
export function createNeedMatcher(needs: readonly NeedDefinition[] = NEEDS) {
  const matcher = createTermMatcher(needs.flatMap((d) => d.terms.map((term) => ({ term, value: d.tag }))));
  return {
    detect(text: string): NeedHit[] {
      const byTag = new Map<NeedTag, NeedHit>();
      for (const h of matcher.find(text)) {
        const hit = byTag.get(h.value) ?? { tag: h.value, terms: [], matched: [] };
        if (!hit.terms.includes(h.term)) hit.terms.push(h.term);
        if (!hit.matched.includes(h.matched)) hit.matched.push(h.matched);
        byTag.set(h.value, hit);
      }
      return [...byTag.values()].sort((a, b) => NEED_TAGS.indexOf(a.tag) - NEED_TAGS.indexOf(b.tag));
    },
    lexicon: matcher.lexicon,
  };
}

export type NeedMatcher = ReturnType<typeof createNeedMatcher>;
let defaultNeedMatcher: NeedMatcher | null = null;

/** The matcher over the default NEEDS (built once). */
export function getDefaultNeedMatcher(): NeedMatcher {
  defaultNeedMatcher ??= createNeedMatcher();
  return defaultNeedMatcher;
}

/** Need tags found in free text with the default vocabulary, in NEED_TAGS order. */
export function detectNeeds(text: string): NeedHit[] {
  return getDefaultNeedMatcher().detect(text);
}

/** Catalogue keyword base forms for need tags (to suggest `keywords` or search the catalogue). */
export function catalogKeywordsFor(tags: Iterable<NeedTag>): string[] {
  const out = new Set<string>();
  for (const t of tags) for (const k of NEED_BY_TAG.get(t)?.catalogKeywords ?? []) out.add(k);
  return [...out];
}

/** Free text → catalogue keyword base forms: "velkaneuvontaa ja yksinäisyyttä" → velka, …, yksinäisyys, … */
export function textToCatalogKeywords(text: string): string[] {
  return catalogKeywordsFor(detectNeeds(text).map((h) => h.tag));
}

let defaultSegmentMatcher: TermMatcher<Segment> | null = null;

/** How many segment cue words (004) a text contains, per segment. */
export function segmentCues(text: string): Record<Segment, number> {
  defaultSegmentMatcher ??= createTermMatcher(
    (Object.entries(SEGMENT_VOCABULARY) as [Segment, readonly string[]][]).flatMap(([segment, terms]) =>
      terms.map((term) => ({ term, value: segment })),
    ),
  );
  const counts: Record<Segment, number> = { omatoimi: 0, yhteiso: 0, yhteistyo: 0, verkosto: 0 };
  const seen = new Set<string>();
  for (const h of defaultSegmentMatcher.find(text)) {
    if (seen.has(h.term)) continue;
    seen.add(h.term);
    counts[h.value] += 1;
  }
  return counts;
}

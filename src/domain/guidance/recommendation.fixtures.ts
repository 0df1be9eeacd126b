/**
 * Small typed builders for recommendation tests, modelled on the seed clients (000, 001).
 * Test-only: not exported from index.ts.
 */
import type { CandidateService, PersonForRecommendation } from './recommendation.rules.js';

export const JARVENPAA = '186';
export const TUUSULA = '858';
export const KERAVA = '245';
export const KEUSOTE = 'keski-uusimaa';
export const VAKE = 'vantaa-kerava';

export const COUNTY_OF: Record<string, string> = { [JARVENPAA]: KEUSOTE, [TUUSULA]: KEUSOTE, [KERAVA]: VAKE };
export const municipalityToCounty = (code: string) => COUNTY_OF[code];

export function makeService(overrides: Partial<CandidateService> & { id: string; name: string }): CandidateService {
  return {
    summary: '',
    description: '',
    keywords: [],
    segments: [],
    clientGroups: [],
    ageMin: null,
    ageMax: null,
    area: { national: false, municipalityCodes: [], countyCodes: [KEUSOTE] },
    lowThreshold: false,
    accessRoute: 'booking',
    channels: ['in-person'],
    provider: { name: 'Keusote', sector: 'wellbeing-county' },
    ...overrides,
  };
}

export const national = { national: true, municipalityCodes: [], countyCodes: [] };
export const inJarvenpaa = { national: false, municipalityCodes: [JARVENPAA], countyCodes: [] };
export const inTuusula = { national: false, municipalityCodes: [TUUSULA], countyCodes: [] };
export const inKeusote = { national: false, municipalityCodes: [], countyCodes: [KEUSOTE] };
export const inVake = { national: false, municipalityCodes: [], countyCodes: [VAKE] };

/** A catalogue of curated (keywords, segments) and PTV-like (text only) services. */
export function seedCatalogue(): CandidateService[] {
  return [
    makeService({
      id: 'velkaneuvonta', name: 'Talous- ja velkaneuvonta',
      summary: 'Maksutonta apua velkojen ja raha-asioiden järjestelyyn.',
      description: 'Talous- ja velkaneuvoja auttaa tekemään budjetin, neuvottelemaan velkojien kanssa ja hakemaan velkajärjestelyä.',
      keywords: ['velka', 'ulosotto', 'talous'], segments: ['omatoimi', 'yhteiso'], ageMin: 18, area: national,
      lowThreshold: true, provider: { name: 'Oikeusaputoimisto', sector: 'state' },
    }),
    makeService({
      id: 'ptv-takuusaatio', name: 'Takuusäätiön neuvontapuhelin', keywords: [], segments: [],
      summary: 'Neuvoja velkaantuneille ja maksuvaikeuksissa oleville.',
      description: 'Soita, jos laskut ovat kasautuneet, sinulla on maksuhäiriömerkintä tai ulosottoon on mennyt velkoja.',
      area: national, channels: ['phone', 'chat'], provider: { name: 'Takuusäätiö', sector: 'ngo' }, ptvId: 'ptv-1',
    }),
    makeService({
      id: 'uravalmennus', name: 'Uravalmennus', clientGroups: ['working-age'], ageMin: 18, ageMax: 67,
      summary: 'Ryhmävalmennus uuden alan, työn tai koulutuksen löytämiseen.',
      keywords: ['työ', 'ura', 'koulutus'], segments: ['omatoimi'], area: national, channels: ['in-person', 'e-service'],
      provider: { name: 'TE-palvelut', sector: 'state' },
    }),
    makeService({
      id: 'kuntouttava', name: 'Kuntouttava työtoiminta', clientGroups: ['working-age'], ageMin: 17, ageMax: 64,
      summary: 'Työtoimintaa pitkään työttömänä olleille arjen ja elämänhallinnan vahvistamiseksi.',
      keywords: ['työ', 'arki', 'elämänhallinta'], segments: ['yhteiso'], accessRoute: 'decision',
    }),
    makeService({
      id: 'tyokokeilu', name: 'Työkokeilu', clientGroups: ['working-age'], ageMin: 17, ageMax: 67,
      summary: 'Kokeile työtä tai alaa työpaikalla ennen työllistymistä.',
      keywords: ['työ', 'työllistyminen'], segments: ['omatoimi', 'yhteiso', 'yhteistyo'], area: national,
      provider: { name: 'TE-palvelut', sector: 'state' },
    }),
    makeService({
      id: 'lahitori', name: 'Lähitori – kohtaamispaikka ikäihmisille', clientGroups: ['older-people'], ageMin: 60,
      summary: 'Avoin olohuone, juttuseuraa ja vertaistukea yksinäisyyteen.',
      keywords: ['yksinäisyys', 'vertaistuki', 'ystävä'], segments: ['omatoimi', 'yhteiso'], area: inJarvenpaa,
      lowThreshold: true, accessRoute: 'open', provider: { name: 'Lähitori ry', sector: 'ngo' },
    }),
    makeService({
      id: 'tasapaino', name: 'Tasapaino- ja kuntosaliryhmä', clientGroups: ['older-people'], ageMin: 65,
      summary: 'Ohjattu ryhmä kaatumisten ehkäisyyn ja liikkumisen tueksi.',
      keywords: ['kaatuminen', 'tasapaino', 'liikunta'], segments: ['omatoimi', 'yhteiso'], area: inJarvenpaa,
      lowThreshold: true, provider: { name: 'Järvenpään liikuntapalvelut', sector: 'municipality' },
    }),
    makeService({
      id: 'kotihoito-arviointi', name: 'Kotihoidon kuntouttava arviointijakso', clientGroups: ['older-people'], ageMin: 65,
      summary: 'Muutaman viikon arviointijakso kotona kotiutumisen tai toimintakyvyn heikkenemisen jälkeen.',
      keywords: ['kotihoito', 'toimintakyky', 'kotona asuminen'], segments: ['yhteistyo', 'verkosto'],
      accessRoute: 'decision', channels: ['home-visit'],
    }),
    makeService({
      id: 'tuusula-seniorit', name: 'Tuusulan seniorikerho', clientGroups: ['older-people'], ageMin: 60,
      summary: 'Kerho yksinäisille ikäihmisille.', keywords: ['yksinäisyys'], segments: ['omatoimi'], area: inTuusula,
      lowThreshold: true, accessRoute: 'open',
    }),
    makeService({
      id: 'ohjaamo', name: 'Ohjaamo', clientGroups: ['children-youth-families', 'working-age'], ageMin: 15, ageMax: 29,
      summary: 'Alle 30-vuotiaiden matalan kynnyksen ohjaus työhön, opiskeluun ja arjen asioihin.',
      keywords: ['työ', 'opiskelu', 'asuminen', 'nuori'], segments: ['omatoimi'], area: inJarvenpaa,
      lowThreshold: true, accessRoute: 'open', channels: ['in-person', 'chat'], provider: { name: 'Järvenpää', sector: 'municipality' },
    }),
    makeService({
      id: 'etsiva', name: 'Etsivä nuorisotyö', clientGroups: ['children-youth-families', 'working-age'], ageMin: 15, ageMax: 28,
      summary: 'Nuorisotyöntekijä tulee rinnalle, kun koulu tai työ ei ole löytynyt.',
      keywords: ['nuori', 'työ', 'opiskelu', 'yksinäisyys'], segments: ['omatoimi', 'yhteiso'], area: inJarvenpaa,
      lowThreshold: true, accessRoute: 'open', provider: { name: 'Järvenpään nuorisopalvelut', sector: 'municipality' },
    }),
    makeService({
      id: 'nuorisoasema', name: 'Nuorisoasema', clientGroups: ['children-youth-families'], ageMin: 13, ageMax: 17,
      summary: 'Päihde- ja mielenterveystyötä nuorille.', keywords: ['päihde', 'mielenterveys'], segments: ['yhteiso'],
    }),
    makeService({
      id: 'lastensuojelu', name: 'Lastensuojelun sosiaalityö', clientGroups: ['children-youth-families'], ageMax: 17,
      summary: 'Lapsen ja perheen tukeminen, kun huoli lapsen kasvusta on suuri.', keywords: ['lapsi', 'perhe'],
      segments: ['verkosto'], accessRoute: 'decision',
    }),
    makeService({
      id: 'ptv-asumisneuvonta', name: 'Asumisneuvonta', summary: 'Apua, jos vuokra on rästissä tai häätö uhkaa.',
      description: 'Asumisneuvoja selvittää kanssasi asunnon ongelmat ja neuvottelee vuokranantajan kanssa.',
      area: inJarvenpaa, provider: { name: 'Järvenpää', sector: 'municipality' }, ptvId: 'ptv-2',
    }),
    makeService({
      id: 'miepa', name: 'Mielenterveys- ja päihdepalvelut', clientGroups: ['working-age'], ageMin: 18,
      summary: 'Apua masennukseen, ahdistukseen ja alkoholin tai huumeiden käytön vähentämiseen.',
      keywords: ['mielenterveys', 'päihde', 'masennus'], segments: ['yhteiso', 'yhteistyo'],
    }),
    makeService({
      id: 'tules', name: 'TULES-kuntoutus', clientGroups: ['working-age'], ageMin: 18, ageMax: 67,
      summary: 'Kuntoutusta selkä- ja niskavaivoihin työkyvyn tueksi.', keywords: ['työkyky', 'kuntoutus', 'selkä'],
      segments: ['yhteistyo'], accessRoute: 'referral',
    }),
    makeService({
      id: 'ptv-kielikoulutus', name: 'Suomen kielen koulutus maahanmuuttajille',
      summary: 'Kotoutumiskoulutus ja suomen kielen kurssit aikuisille maahanmuuttajille.',
      description: 'Koulutuksessa opitaan suomea ja digitaitoja sekä tutustutaan ammatilliseen koulutukseen.',
      ageMin: 17, area: inJarvenpaa, provider: { name: 'Järvenpään opisto', sector: 'municipality' }, ptvId: 'ptv-3',
    }),
    makeService({
      id: 'vake-velka', name: 'Vantaan ja Keravan velkaneuvonta', summary: 'Velkaneuvontaa alueen asukkaille.',
      keywords: ['velka'], area: inVake,
    }),
    makeService({
      id: 'ptv-kirjasto', name: 'Kirjaston lukupiiri', summary: 'Kirjallisuutta ja keskustelua kerran kuussa.',
      area: inJarvenpaa, lowThreshold: true, accessRoute: 'open',
    }),
  ];
}

export const EERO: PersonForRecommendation = {
  age: 45, clientGroup: 'working-age', municipalityCode: JARVENPAA, segment: 'yhteiso', level: 'asiakasohjaus',
  needsText: 'Pitkäaikaistyötön, velkoja ja ulosotto, alkoholin käyttö lisääntynyt ja mieliala alakuloinen.',
  lifeSituation: { finance: 0, working_studying: 2.5, health: 5, self_esteem: 2.5, housing: 7.5 },
};

export const ANNI: PersonForRecommendation = {
  age: 80, clientGroup: 'older-people', municipalityCode: JARVENPAA, segment: 'yhteiso', level: 'asiakasohjaus',
  needsText: 'Asuu yksin, yksinäisyys lisääntynyt leskeksi jäämisen jälkeen. Kaatui kotona, tasapaino heikentynyt.',
  lifeSituation: { friends: 2.5, health: 2.5, resilience: 5, finance: 7.5 },
};

export const MARI: PersonForRecommendation = {
  age: 20, clientGroup: 'working-age', municipalityCode: JARVENPAA, segment: 'yhteiso',
  needsText: 'Ei työtä eikä opiskelupaikkaa, ei juuri tukiverkostoa, ei osaa hakea palveluita.',
};

export const SAARA: PersonForRecommendation = {
  age: 23, clientGroup: 'working-age', municipalityCode: JARVENPAA, segment: 'yhteistyo',
  needsText: 'Työllistymisen tuki ja työkokeilu, sosiaalisten taitojen vahvistaminen, talousneuvonta.',
};

export const PETRI: PersonForRecommendation = {
  age: 53, clientGroup: 'working-age', municipalityCode: JARVENPAA, segment: 'yhteistyo',
  needsText: 'Selkävaivoja ja käden oireilua, työkyky heikentynyt, ajoittaista alkoholin käyttöä.',
};

export const JAAKKO: PersonForRecommendation = {
  age: 45, clientGroup: 'working-age', municipalityCode: JARVENPAA, segment: 'yhteistyo',
  needsText: 'Masennus, diabetes ja tuki- ja liikuntaelinsairaus; kuntoutus ja työkyvyn tuki.',
};

export const TIINA: PersonForRecommendation = {
  age: 55, clientGroup: 'working-age', municipalityCode: JARVENPAA, segment: 'omatoimi',
  needsText: 'Irtisanottu, haluaa uuden alan työn tai koulutuksen; ylipaino ja tules-vaivat.',
};

export const NADINA: PersonForRecommendation = {
  age: 35, clientGroup: 'working-age', municipalityCode: JARVENPAA, segment: 'yhteiso',
  needsText: 'Suomen kielen ja digitaitojen koulutus, ammatillinen tutkinto, migreeni ja alaselkäkipu.',
};

/**
 * The four Keusote customer profile cards (asiakasprofiilikortit, seed 004), as data.
 *
 * Card texts are the seed's Finnish with OCR damage repaired (e.g. "Sdhkéisten" → "Sähköisten");
 * the omatoimi basic strategy is cut off in the seed after "Perheen kokonaistilanteen" and is kept so.
 *
 * SCALE POSITIONS — how they were read. Each card draws six sliders (0–9, 0 = left end). The seed
 * text is an OCR of the slides: the empty end circle survives as "0"/"."/"'"/"®", the filled marker as
 * "9"/"g", and the track between them as "—" (long) or "_" (short or none). Read the same way on every
 * card (re-checked against seed 004; the first reading was not consistent with itself):
 * - marker–track–end ("9—0", "0—9"): the marker a step in from the end → 8 on the right, 1 on the left;
 * - marker at the end ("9_.", "9_'", "9‘", "'_9"): 9 on the right, 0 on the left.
 * - omatoimi: "Arki sujuu 0—9", "Voimavaroja on paljon 0—9", "Sähköiset palvelut 0—9" and
 *   "Yhteensovitettujen 0—9" → 1; health "Terveydentila on hyvä '_9" mirrors verkosto's "9_." → 0
 *   (was read as "a step in", 2); the network row "-- @ 9" has no track left, so the text decides: the
 *   card stresses "läheisten oman vastuunoton sekä verkostojen tukeminen" → 3.
 * - yhteiso: no glyph hints survive; from the description: everyday coping is hard (6), resources
 *   limited/weakened (7), measured health only moderately affected ("ristiriita mitattavissa olevan
 *   terveydentilan ja koetun tuen tarpeen välillä", 4), mixed channels (5), the close network is a main
 *   resource ("hyödynnetään perheiden läheisverkostoja", 6), service integration "kohtalainen" (4).
 * - yhteistyo: copes well in everyday life (3) with good resources (2), many care needs (health 7),
 *   "haluaa hoitaa osan asioistaan sähköisesti, haastavammissa … tavata kasvotusten" and the row
 *   "Sähköiset palvelut ®—— 9" (marker some way in) → 4, network: client and close one together (4),
 *   "palveluintegraation merkitys kasvaa" (6).
 * - verkosto: everyday life "9_." → 9 ("kotona asuminen on vaarantunut"), resources "9—0" → 8, health
 *   "9—\"" → 8, in-person "9_' Läsnä-palvelut" → 9 (the same glyphs as everyday life; was 8),
 *   network "g ®" → 9, coordination "9‘" → 9 ("palveluintegraation merkitys korostuu").
 * Each card's own positions classify to its own segment (see segmentation.rules.test.ts).
 */
import type { Segment } from '../catalog/catalog.types.js';

export const PROFILE_SCALES = ['everydayLife', 'resources', 'health', 'channel', 'network', 'coordination'] as const;
export type ProfileScale = (typeof PROFILE_SCALES)[number];
/** Positions 0–9 on the six card scales; 0 = left end. */
export type ProfileScales = Record<ProfileScale, number>;

/** The ends of each scale as the cards name them (left = 0, right = 9). */
export const SCALE_ENDS: Readonly<Record<ProfileScale, { left: string; right: string }>> = {
  everydayLife: { left: 'Arki sujuu', right: 'Arjessa haasteita' },
  resources: { left: 'Voimavaroja on paljon', right: 'Voimavaroja on vähän' },
  health: { left: 'Terveydentila on hyvä', right: 'Terveydentila on huono' },
  channel: { left: 'Sähköiset palvelut', right: 'Läsnä-palvelut' },
  network: { left: 'Verkoston merkitys −−', right: 'Verkoston merkitys ++' },
  coordination: { left: 'Yhteensovitettujen palvelujen tarve −−', right: 'Yhteensovitettujen palvelujen tarve ++' },
};

export interface ServiceGroup {
  /** The card's own heading, e.g. "Perhekeskuspalvelut". */
  group: string;
  names: readonly string[];
}

export interface ProfileCard {
  segment: Segment;
  name: { fi: string; sv: string; en: string };
  /** Short name used in sentences: "sopii omatoimiasiakkuuteen". */
  illative: string;
  scales: ProfileScales;
  basicStrategy: string;
  goal: string;
  mostImportantInClientExperience: string;
  description: string;
  differences: readonly { to: Segment; text: string }[];
  /** Segments whose services this card says it uses as well ("… palveluiden lisäksi"). */
  alsoUsesServicesOf: readonly Segment[];
  services: readonly ServiceGroup[];
  notes: readonly string[];
}

const OMATOIMI: ProfileCard = {
  segment: 'omatoimi',
  name: { fi: 'Omatoimiasiakkuus', sv: 'Självständig kundrelation', en: 'Self-reliant client' },
  illative: 'omatoimiasiakkuuteen',
  scales: { everydayLife: 1, resources: 1, health: 0, channel: 1, network: 3, coordination: 1 },
  basicStrategy:
    'Lapsia, nuoria ja perheitä pyritään auttamaan heidän omatoimisuuttaan tukien toimijayhteistyön ja ennaltaehkäisyn avulla. ' +
    'Hyödynnetään myös teknologisia mahdollisuuksia ja ihmisten osaamisen kehittymistä. Sähköisten palvelujen ja verkkosivujen ' +
    'sisällön merkitys korostuu. Haasteiden tunnistaminen, hallinta ja niiden uusiutumisen esto. Perheen kokonaistilanteen',
  goal:
    'Voimavarojen tunnistaminen, ylläpitäminen ja vahvistaminen. Kiinnitettävä huomiota muutosten varhaiseen tunnistamiseen ja ' +
    'reagointiin sekä toimintakyvyn edistämiseen ja ylläpitämiseen.',
  mostImportantInClientExperience:
    'Omatoiminen ja pärjäävä asiakas osaa hyvin etsiä tietoa itse. Hän asioi mieluiten sähköisesti tai puhelimitse ja arvostaa ' +
    'saadessaan vastauksen pulmaansa nopeasti ja vaivattomasti. Työntekijä ja asiakas ja/tai perhe arvioivat yhteistyössä palvelujen ' +
    'tarpeen sekä mahdollisen ohjauksen tarvitsemansa avun pariin. Asiakas ja/tai perhe saa tarvitsemansa palvelut sujuvasti osana omaa arkeaan.',
  description:
    'Moninainen joukko ihmisiä, joille kaikille yhteistä on pärjääminen omien haasteiden kanssa (haasteet lieviä). Asiakkaalla ja/tai ' +
    'perheellä on hyvät voimavarat asioiden hoitamiseen ja avun hakemiseen ja arki sujuu. Asiakas pystyy ja on motivoitunut ottamaan ' +
    'vastuuta. Avun/tuen tarve rajatulla osa-alueella. Selkeästi rajattavissa oleva kertaluonteinen tai satunnainen avun tai tuen tarve ' +
    'tai ennaltaehkäisevien palveluiden käyttö. Yhteensovitettujen palvelujen tarve vähäinen.',
  differences: [
    { to: 'yhteiso', text: 'Motivoitunut ja kykenevä ottamaan vastuuta. Pystyvyyden tunne, pärjäämisen kokemus sekä asiakkaalla että ammattilaisella. Kykenee tunnistamaan lisääntyvän tuen tarpeen ja tarvittaessa toimimaan tuen saamiseksi.' },
    { to: 'yhteistyo', text: 'Avun tai tuen tarve on kevyt tai rajatulla osa-alueella.' },
  ],
  alsoUsesServicesOf: [],
  services: [
    { group: 'Sähköiset palvelut', names: ['Keusoten digiapuri', 'Itsehoidon palvelut', 'Sähköiset asiointipalvelut'] },
    { group: 'Terveyspalvelut', names: ['Kuntoutuspalvelujen neuvonta', 'Hoidon tarpeen arviointi (avosairaanhoito ja perhekeskuspalvelut)', 'Lääkärin tai hoitajan kontakti', 'Hammaslääkärin tai suuhygienistin kontakti'] },
    { group: 'Lapsiperheiden asiakasohjaus', names: ['Neuvonta ja ohjaus', 'Ensiarviointi', 'Palvelutarpeen arviointi'] },
    { group: 'Perhekeskuspalvelut', names: ['Lastenneuvola', 'Varhaisen tuen perhetyö', 'Ehkäisy- ja äitiysneuvola', 'Koulu- ja opiskeluterveydenhuolto', 'Kuraattorien ja koulupsykologien yhteisölliset palvelut', 'Lapsiperheiden kotipalvelu', 'Lastenvalvojapalvelut'] },
    { group: 'Erikoissairaanhoito (HUS)', names: ['Konsultaatio', 'Somaattinen erikoissairaanhoito'] },
    { group: 'Kuntien sekä 3. ja 4. sektorin palvelut', names: ['Kotiin ostettava apu', 'Avoimet kohtaamispaikat', 'Liikunta- ja kulttuuripalvelut', 'Elintapaohjaus', 'Varhaiskasvatus', 'Koulut', 'Ohjaamo', 'Nuorisopalvelut kunnissa', 'Etsivä nuorisotyö'] },
  ],
  notes: ['Asiakas saa tarvittaessa ohjausta ja neuvontaa mm. asiakasohjaajalta, itsehoidon palveluista, koulu- ja opiskeluterveydenhuollosta, opiskeluhuollosta ja neuvolan terveydenhoitajalta.'],
};

const YHTEISO: ProfileCard = {
  segment: 'yhteiso',
  name: { fi: 'Yhteisöasiakkuus', sv: 'Gemenskapskundrelation', en: 'Community client' },
  illative: 'yhteisöasiakkuuteen',
  scales: { everydayLife: 6, resources: 7, health: 4, channel: 5, network: 6, coordination: 4 },
  basicStrategy:
    'Lapsia, nuoria ja perheitä ohjataan oikean palvelun tai tuen äärelle ja autetaan heitä tavoitteen mukaisesti rajatussa tuen ' +
    'tarpeessa. Hyödynnetään perheiden läheisverkostoja, palveluiden yhteistyötä, asiakasohjausta ja rajattuja palvelukokonaisuuksia. ' +
    'Palveluintegraation merkitys kohtalainen.',
  goal:
    'Voimavarojen tunnistaminen ja vahvistaminen. Kuormittumisen keventäminen ja oman vastuunoton tukeminen sekä motivointi. Asiakkaan ' +
    'ja läheisten osallistaminen ja tukeminen. Sairauksien hyvä hoitotasapaino. Toimintakyvyn, elämänhallinnan ja arjen sekä riittävän ' +
    'vanhemmuuden sujuvuus. Palveluiden riittävät tuen keinot ja oikea-aikaisuus ja nopea pääsy tuen äärelle.',
  mostImportantInClientExperience:
    'Asiakas saa tarvitsemansa palvelut helposti, nopeasti ja sujuvasti. Yhteistyö eri palveluiden välillä on sujuvaa ja toimivaa. ' +
    'Työntekijä ja asiakas arvioivat yhteistyössä palvelujen tarpeen. Asiakkuus päätetään yhteistyössä, kun asiakkuudelle asetetut ' +
    'tavoitteet on saavutettu. Asiakas saa tietoa muista palveluista ja yhteistyötahoista, joihin olla tarvittaessa yhteydessä ja kenen ' +
    'kanssa jatkossa asioi. Tarvittaessa asiakas ohjataan riittäviin tukipalveluihin.',
  description:
    'Asiakkaan / läheisten voimavarat ovat rajalliset/heikentyneet tai voimavarojen hyödyntäminen on vaikeaa joko pysyvästi tai ' +
    'tilapäisesti (esim. ulkoiset tekijät, kriisitilanteet, sosiaaliset suhteet). Asiakkaalla elämänhallinnan vaikeuksia, joihin liittyy ' +
    'usein mielenterveys-/päihdeongelmia. Asiakkaalla arjessa pärjäämisen vaikeus henkisen tai fyysisen ongelman vuoksi ja hänellä on ' +
    'syrjäytymisen uhka. Säännöllinen, rajattavissa oleva ja selkeä palvelujen tai avuntarve yhdellä tai useammalla osa-alueella. ' +
    'Ristiriita mitattavissa olevan toimintakyvyn/terveydentilan ja havaitun/koetun tuen tarpeen välillä. Palvelun/hoidon toteutus on ' +
    'selkeä ja usein yksiselitteinen kokonaisuus. Työotteessa korostuu asiakkaan oman sekä verkostojen vastuunoton tukeminen, ennalta ' +
    'ehkäisevä ohjaus ja neuvonta.',
  differences: [
    { to: 'yhteistyo', text: 'Tarvitsee yhteistyöasiakasta enemmän rinnalla kulkemista ja muuttuvaan tilanteeseen reagointia.' },
    { to: 'verkosto', text: 'Avun ja tuen tarpeet ovat määriteltävissä ja niihin voidaan vastata olemassa olevilla palveluilla.' },
  ],
  alsoUsesServicesOf: ['omatoimi'],
  services: [
    { group: 'Sähköiset palvelut', names: ['Keusoten digiapuri', 'Itsehoidon palvelut', 'Sähköiset asiointipalvelut'] },
    { group: 'Terveyspalvelut', names: ['Neuvolapsykologin palvelut (0–5 v.)', 'Koulupsykologin palvelut (6–17 v.)'] },
    { group: 'Lapsiperheiden asiakasohjaus', names: ['Neuvonta ja ohjaus', 'Ensiarviointi', 'Palvelutarpeen arviointi', 'Ankkuritoiminta', 'Nuorten oikeusedustus'] },
    { group: 'Perhekeskuspalvelut', names: ['Kuraattoripalvelut (esikouluikä–17 v.)', 'Kasvatus- ja perheneuvonta (0–12 v.)', 'Nuorisoasema (13–17 v.)', 'Perhesosiaalityö ja -sosiaaliohjaus', 'Perhetyö', 'Tukihenkilö- ja tukiperhepalvelut'] },
    { group: 'Kuntien ja 3. sektorin palvelut', names: ['Koulun tukitoimi', 'Turvakodit'] },
  ],
  notes: ['Yksiköiden työntekijät ja tarvittaessa asiakkaalla on mahdollisuus sosiaalityöhön.'],
};

const YHTEISTYO: ProfileCard = {
  segment: 'yhteistyo',
  name: { fi: 'Yhteistyöasiakkuus', sv: 'Samarbetskundrelation', en: 'Cooperative client' },
  illative: 'yhteistyöasiakkuuteen',
  scales: { everydayLife: 3, resources: 2, health: 7, channel: 4, network: 4, coordination: 6 },
  basicStrategy:
    'Lapsi, nuori ja perhe ovat mukana hyvinvoinnin, hoivan ja hoidon tuottamisessa ja heille siirretään oppimisen/kuntoutumisen myötä ' +
    'enemmän vastuuta. Vastuunottamista tuetaan mahdollistamalla pääsy omiin tietoihin ja rakentamalla toimintamalleja, joissa ' +
    'asiakas/perhe tallentaa tietoa itsestään. Palveluintegraation merkitys kasvaa.',
  goal:
    'Voimavarojen tunnistaminen, ylläpitäminen ja vahvistaminen, sairauksien hyvä hoitotasapaino, kokonaisvaltainen toimintakyvyn ' +
    'edistäminen tai kuntoutus. Hoidon ja tuen tarve sekä kuntoutuminen arvioitava tavoitteena vahvistuva pärjääminen, osallisuuden ja ' +
    'suoriutumisen parantuminen ja/tai hoitoon sitoutuminen. Lähiympäristölle riittävä ohjaus ja tuki. Selkeä palvelukokonaisuus ja vastuiden määrittely.',
  mostImportantInClientExperience:
    'Lapsi, nuori ja perhe eivät tarvitse palveluiden käyttämiseen tai arkeensa merkittävästi tukea. Lapsi, nuori ja perhe saa kokemuksen ' +
    'hyvästä ja sujuvasta palvelusta ja tarvitsemansa hoitokontaktit. Vaikka palveluita olisi useampiakin käynnissä samaan aikaan, ' +
    'asiakkaalla/perheellä on voimavaroja ja kykyä viedä asioita eteenpäin. Asiakas haluaa hoitaa osan asioistaan sähköisesti, ' +
    'haastavammissa tuen tarpeissaan haluaa lähiohjausta/tavata kasvotusten.',
  description:
    'Lapsella, nuorella ja perheellä on hyvin voimavaroja asioiden hoitamiseen ja avun hakemiseen. He pärjäävät prosessin aikana arjessa ' +
    'hyvin, vaikka avun tarpeita on paljon. Heillä on riittävät fyysiset ja henkiset voimavarat ja oppimisvalmiudet hoidon edetessä. ' +
    'Asiakas tai asiakas ja omainen yhdessä pystyvät vastuunottoon ja yhteistyöhön. He toimivat tavoitteellisesti tilanteen edistämiseksi ' +
    'ja käyttävät itsenäisesti palveluja. Hoito ja tuen tarve on monitahoista ja/tai vaativaa. Enemmän terveys- ja kuntoutuspalveluita.',
  differences: [
    { to: 'omatoimi', text: 'Hoidon/avun tarve runsas tai monella osa-alueella. Käytössä säännöllisiä palveluja.' },
    { to: 'verkosto', text: 'Molemminpuolinen kokemus pärjäämisestä. Tilanne ei herätä suurta huolta. Asiakkaalla ja/tai läheisillä voimavaroja jäljellä. Asiakkaalle on löydettävissä tarpeisiin vastaavat palveluratkaisut tai palvelujen kokonaisuus.' },
  ],
  alsoUsesServicesOf: ['omatoimi', 'yhteiso'],
  services: [
    { group: 'Sähköiset palvelut', names: ['Sähköiset asiointipalvelut', 'Omahoidon palvelut (ammattilaisen ohjaamana)'] },
    { group: 'Terveyspalvelut', names: ['Lääkärikontakti', 'Puheterapia lapsille', 'Fysioterapia lapsille ja nuorille', 'Toimintaterapia lapsille ja nuorille'] },
    { group: 'Lapsiperheiden asiakasohjaus', names: ['Neuvonta ja ohjaus', 'Ensiarviointi', 'Palvelutarpeen arviointi'] },
    { group: 'Perhekeskuspalvelut', names: ['Perhesosiaalityö ja -sosiaaliohjaus', 'Nepsyvalmennus ja nepsyryhmät', 'Perheasiainsovittelu', 'Olosuhdeselvitykset', 'Täytäntöönpanosovittelu'] },
    { group: 'Erikoissairaanhoito (HUS)', names: ['Nettiterapiat', 'Psykoterapia', 'Lasten neurologinen moniammatillinen tiimi (Keusote-konsultaatio)', 'Lastenneurologia', 'Lasten- ja nuorisopsykiatrian poliklinikat'] },
  ],
  notes: ['Omatyöntekijänä toimii ensisijaisesti terveydenhoitaja.', 'Kortin otsikossa: yhteistyöasiakas (= ppt-asiakas).'],
};

const VERKOSTO: ProfileCard = {
  segment: 'verkosto',
  name: { fi: 'Verkostoasiakkuus', sv: 'Nätverkskundrelation', en: 'Network client' },
  illative: 'verkostoasiakkuuteen',
  scales: { everydayLife: 9, resources: 8, health: 8, channel: 9, network: 9, coordination: 9 },
  basicStrategy:
    'Yhteinen hoito- ja asiakassuunnitelma. Vastuutyöntekijä on laatimassa suunnitelmaa ja seuraa, että suunnitelma toteutuu. ' +
    'Palvelukokonaisuutta koordinoi asiakkaan vastuutyöntekijä. Palveluintegraation merkitys korostuu.',
  goal:
    'Asiakas saa moniammatillista tukea. Monialaisen palvelukokonaisuuden ja asiakkaan palveluketjujen yhteensovittaminen on tärkeää. ' +
    'Työskentelyn tavoitteena on asiakkaan toimintakyvyn ylläpitäminen/vahvistaminen ja sairauksien hyvä hoitotasapaino. Vähennetään ' +
    'tai ehkäistään syrjäytymistä ja lapsen kasvuympäristössä olevia vaaratekijöitä.',
  mostImportantInClientExperience:
    'Asiakkailla on paljon tarpeita, mutta ne hoituvat "yhdeltä luukulta", ammattilaisten yhteistyö on saumatonta ja aktiivista. ' +
    'Usea päällekkäinen ongelma vie asiakkaan voimavaroja, jonka vuoksi asiakas tarvitsee tutun työntekijän rinnalleen. Omatyöntekijä ' +
    'asiakkaan rinnalla on priorisoimassa "vyyhdin purkamista". Asiakkaalle annetaan aikaa, asiakkaan voimavaraistuminen korostuu.',
  description:
    'Avun ja tuen tarve on runsasta ja usealla osa-alueella, eikä asiakas pärjää ongelmiensa tai hoidon kanssa itsenäisesti. Asiakkaan ' +
    'ja/tai läheisen voimavarat ovat heikot tai voimavarojen hyödyntäminen on vaikeaa. Asiakkaan arki on epäsäännöllistä ja kotona ' +
    'asuminen on vaarantunut tai uhkaa vaarantua. Huoltajan/läheisen vanhemmuustaidoissa on puutteita tai vanhemman roolin omaksumisessa ' +
    'on vaikeuksia. Huoltajan/vanhemman antama apu ei ole tilanteen/tarpeen mukaista. Suuri huoli asiakkaan tilanteesta. Asiakkaalla on ' +
    'moniammatillisen tuen tarve ja se vaatii pitkäaikaista intensiivistä toimintaa. Ammattilaisen ja asiakkaan näkemys palvelutarpeesta ' +
    'ja palveluista voivat erota merkittävästi.',
  differences: [
    // The seed reads "Ero yhteistasiakkuuteen"; the text mirrors yhteisö's own difference to verkosto, so it means yhteisö.
    { to: 'yhteiso', text: 'Avun ja tuen tarpeet eivät välttämättä ole selkeästi määriteltävissä ja niihin ei voida vastata pelkästään olemassa olevin palveluin.' },
    { to: 'yhteistyo', text: 'Asiakkaan ja/tai läheisten voimavarat ovat oleellisesti heikentyneet ja elämänhallinnassa on suuria ongelmia. Osa palveluista voi olla viranomaisen velvoittavia palveluita, kuten sijaishuollon palvelut ja osa lastensuojelun palveluista.' },
  ],
  alsoUsesServicesOf: [],
  services: [
    { group: 'Sähköiset palvelut', names: ['Sähköisen asioinnin palvelut'] },
    { group: 'Lapsiperheiden asiakasohjaus', names: ['Neuvonta ja ohjaus', 'Ensiarviointi', 'Palvelutarpeen arviointi'] },
    { group: 'Lastensuojelun palvelut', names: ['Lastensuojelun sosiaalityö ja -ohjaus', 'Lastensuojelun jälkihuolto (0–17 v.)', 'Tehostettu perhetyö', 'Ammatillinen tukihenkilöpalvelu', 'Tuetut ja valvotut tapaamiset', 'Perhekuntoutus (avo ja laitos)', 'Lastensuojelun vastaanotto ja arviointi', 'Lastensuojelun sijaishuolto', 'Lastensuojelulaitosten kuntouttava sijaishuolto', 'Valtion sijaishuoltopalvelut'] },
    { group: 'Erikoissairaanhoito (HUS)', names: ['Lasten- ja nuorisopsykiatrian poliklinikat', 'Ympärivuorokautinen lasten- ja nuorisopsykiatria'] },
    { group: 'Yksityiset palveluntuottajat', names: ['Avo- ja sijaishuollon ostopalvelut', 'Ensikodit'] },
  ],
  notes: ['Kortin otsikossa: verkostoasiakkuus (= ppT-asiakas).', 'Osa palveluista voi olla viranomaisen velvoittavia (sijaishuolto, lastensuojelu).'],
};

export const PROFILE_CARDS: Readonly<Record<Segment, ProfileCard>> = {
  omatoimi: OMATOIMI,
  yhteiso: YHTEISO,
  yhteistyo: YHTEISTYO,
  verkosto: VERKOSTO,
};

/** Disability services of 004 (slide 8): listed, deliberately not segmented. */
export const DISABILITY_SERVICES: readonly string[] = [
  'Omaishoidon tuki alle 65-vuotiaille', 'Asumispalvelut kehitysvammaisille', 'Asunnon muutostyöt vammaisille',
  'Henkilökohtainen apu', 'Kuntoutusohjaus', 'Sosiaaliohjaus ja vammaisten sosiaalityö', 'Päivätoiminta', 'Sijaishoito',
  'Sopeutumisvalmennus', 'Vammaisten asumispalvelut', 'Vammaisen henkilön perhehoito', 'Vammaisen henkilön työhön valmennus',
  'Vammaisen henkilön työtoiminta', 'Vammaisen henkilön työllistymistä tukeva toiminta', 'Vammaispalvelujen neuvonta ja ohjaus',
];

/** Service names of a segment's own list. */
export function ownServiceNames(segment: Segment): string[] {
  return PROFILE_CARDS[segment].services.flatMap((g) => g.names);
}

/** Segments whose lists a segment's clients also use, itself first. */
export function segmentsServing(segment: Segment): Segment[] {
  return [segment, ...PROFILE_CARDS[segment].alsoUsesServicesOf];
}

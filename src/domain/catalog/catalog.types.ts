/**
 * Shared vocabulary of the service catalogue (palvelutarjotin).
 * String unions, not enums: they travel unchanged through SQL, JSON and zod.
 */
export const SECTORS = [
  'municipality', // K  – kunta
  'wellbeing-county', // M  – maakunta / hyvinvointialue
  'ngo', // KS – kolmas sektori
  'private', // YS – yksityinen sektori
  'kela', // KE – Kela
  'state', // valtio: TE-palvelut, national bodies
  'specialist-care', // ESH – erikoissairaanhoito (HUS)
] as const;
export type Sector = (typeof SECTORS)[number];

/** The letters the seed `000` uses in its legend. */
export const SECTOR_LETTERS: Record<Sector, string> = {
  municipality: 'K',
  'wellbeing-county': 'M',
  ngo: 'KS',
  private: 'YS',
  kela: 'KE',
  state: 'V',
  'specialist-care': 'ESH',
};

export const CLIENT_GROUPS = ['children-youth-families', 'working-age', 'older-people', 'disability'] as const;
export type ClientGroup = (typeof CLIENT_GROUPS)[number];

/** Keusote customer segments (seed 004). */
export const SEGMENTS = ['omatoimi', 'yhteiso', 'yhteistyo', 'verkosto'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const CHANNELS = ['e-service', 'phone', 'in-person', 'home-visit', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a person gets the service: open door, booking, referral (lähete) or official decision (päätös). */
export const ACCESS_ROUTES = ['open', 'booking', 'referral', 'decision'] as const;
export type AccessRoute = (typeof ACCESS_ROUTES)[number];

export type Localized = { fi: string; sv?: string; en?: string };

/**
 * One service as written in the seed catalogue (demo data) before it gets a database id.
 * `providerKey` points to an organisation in the demo organisations (see src/db/demo/organizations.ts).
 */
export interface CatalogServiceSeed {
  key: string; // stable slug, unique within the seed catalogue
  name: Localized;
  summary: Localized; // one plain-Finnish sentence
  description: Localized; // plain Finnish, 2–5 sentences
  providerKey: string;
  clientGroups: ClientGroup[];
  segments: Segment[]; // empty when the seed lists it unsegmented (e.g. disability services)
  ageMin: number | null;
  ageMax: number | null;
  channels: Channel[];
  accessRoute: AccessRoute;
  lowThreshold: boolean;
  cost: string | null; // e.g. 'Maksuton', 'Asiakasmaksu 12 €/käynti'
  languages: string[]; // ISO 639-1
  legalBasis: string | null; // e.g. 'Sosiaalihuoltolaki 1301/2014 27 §'
  area: { national: boolean; countyCodes: string[]; municipalityCodes: string[] };
  phone: string | null;
  email: string | null;
  url: string | null;
  openingHours: string | null;
  keywords: string[]; // needs it answers, in Finnish base forms (velka, asunto, yksinäisyys …)
}

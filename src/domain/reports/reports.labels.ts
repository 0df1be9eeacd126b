import type { Lang } from '../shared/errors.js';

type L = Record<Lang, string>;
export const SEGMENT_LABELS: Record<string, L> = {
  omatoimi: { fi: 'Omatoimiasiakkuus', sv: 'Självständigt klientskap', en: 'Self-reliant' },
  yhteiso: { fi: 'Yhteisöasiakkuus', sv: 'Gemenskapsklientskap', en: 'Community' },
  yhteistyo: { fi: 'Yhteistyöasiakkuus', sv: 'Samarbetsklientskap', en: 'Cooperative' },
  verkosto: { fi: 'Verkostoasiakkuus', sv: 'Nätverksklientskap', en: 'Network' },
};
export const LEVEL_LABELS: Record<string, L> = {
  'neuvonta-ja-ohjaus': { fi: 'Neuvonta ja ohjaus', sv: 'Rådgivning och handledning', en: 'Advice and guidance' },
  asiakasohjaus: { fi: 'Asiakasohjaus', sv: 'Klientstyrning', en: 'Client guidance' },
  'intensiivinen-palveluohjaus': { fi: 'Intensiivinen palveluohjaus', sv: 'Intensiv servicehandledning', en: 'Intensive case management' },
};
export const SECTOR_ORDER = ['municipality', 'wellbeing-county', 'ngo', 'private', 'kela', 'state', 'specialist-care'];
export const label = (table: Record<string, L>, key: string, lang: Lang) => table[key]?.[lang] ?? key;

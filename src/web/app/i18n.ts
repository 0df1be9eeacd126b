import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage, type ApiLanguage } from '../api/client.js';
import { commonLocales } from './locales.js';

export const LANGUAGES = ['fi', 'sv', 'en'] as const satisfies readonly ApiLanguage[];
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';

const STORAGE_KEY = 'polku.language';

type LocaleModule = { fi: object; sv: object; en: object };

// Each feature folder owns its texts; the namespace is the folder name (features/<ns>/locales.ts).
const featureLocales = import.meta.glob<LocaleModule>('../features/*/locales.ts', { eager: true });

function namespaceOf(path: string): string {
  const match = /\/features\/([^/]+)\/locales\.ts$/.exec(path);
  if (!match?.[1]) throw new Error(`Unexpected locale file ${path}`);
  return match[1];
}

function buildResources(): Resource {
  const resources: Resource = { fi: { common: commonLocales.fi }, sv: { common: commonLocales.sv }, en: { common: commonLocales.en } };
  for (const [path, module] of Object.entries(featureLocales)) {
    const namespace = namespaceOf(path);
    for (const language of LANGUAGES) resources[language]![namespace] = module[language] as Resource[string][string];
  }
  return resources;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage can be blocked; Finnish is the default then
  }
}

function applyLanguage(language: string): void {
  const lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  document.documentElement.lang = lang;
  setApiLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // The choice then lasts only for this visit.
  }
}

export function setupI18n(): typeof i18next {
  const language = storedLanguage();
  i18next.on('languageChanged', applyLanguage);
  void i18next.use(initReactI18next).init({
    resources: buildResources(),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    ns: ['common', ...Object.keys(featureLocales).map(namespaceOf)],
    defaultNS: 'common',
    fallbackNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    react: { useSuspense: false },
    returnNull: false,
  });
  applyLanguage(language);
  return i18next;
}

/** Texts of the catalog-public feature (namespace `catalog-public`). Plain language, Finnish first. */
export const fi = {
  title: 'Palvelut',
  description: 'Etsi apua ja palveluja omalta alueeltasi ilman kirjautumista.',
  emergency: 'Hätätilanteessa soita 112. Kriisipuhelin päivystää numerossa 09 2525 0111.',
};

export const sv: typeof fi = {
  title: 'Tjänster',
  description: 'Sök hjälp och tjänster i ditt område utan att logga in.',
  emergency: 'I nödsituationer, ring 112. Kristelefonen på svenska: 09 2525 0112.',
};

export const en: typeof fi = {
  title: 'Services',
  description: 'Find help and services in your area without logging in.',
  emergency: 'In an emergency call 112. Crisis helpline: 09 2525 0116 (in English).',
};

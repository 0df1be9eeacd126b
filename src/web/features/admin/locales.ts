/** Texts of the admin feature (namespace `admin`). Plain language, Finnish first. */
export const fi = {
  title: 'Ylläpito',
  description: 'Käyttäjät, organisaatiot ja järjestelmän asetukset.',
};

export const sv: typeof fi = {
  title: 'Administration',
  description: 'Användare, organisationer och systemets inställningar.',
};

export const en: typeof fi = {
  title: 'Administration',
  description: 'Users, organisations and system settings.',
};

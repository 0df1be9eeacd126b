/** Texts of the referrals feature (namespace `referrals`). Plain language, Finnish first. */
export const fi = {
  title: 'Lähetteet',
  description: 'Lähetä asiakas toiseen palveluun ja seuraa, että hän pääsee perille.',
};

export const sv: typeof fi = {
  title: 'Remisser',
  description: 'Remittera klienten till en annan tjänst och följ upp att hen kommer fram.',
};

export const en: typeof fi = {
  title: 'Referrals',
  description: 'Refer a client to another service and follow that they get there.',
};

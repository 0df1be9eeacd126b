/**
 * The seed clients as person records (foundation level). Their paths, plans and services
 * are loaded by the module seeds from src/domain/paths/demo-clients.data.ts.
 */
export interface FoundationClient {
  key: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  municipalityCode: string;
  language: string;
  interpreterNeeded: boolean;
  plainLanguage: boolean;
  preferredChannel: 'digital' | 'in-person';
  phone: string | null;
  registeredByOrg: string;
  relationships: {
    organizationKey: string;
    unitKey?: string;
    level: 'neuvonta-ja-ohjaus' | 'asiakasohjaus' | 'intensiivinen-palveluohjaus';
    responsible?: string;
    backup?: string;
    coordinationNote?: string;
    startedAt: string;
  }[];
}

export const FOUNDATION_CLIENTS: FoundationClient[] = [
  {
    key: 'eero', firstName: 'Eero', lastName: 'Mäkinen', birthDate: '1981-03-14', municipalityCode: '186', language: 'fi',
    interpreterNeeded: false, plainLanguage: false, preferredChannel: 'in-person', phone: '040 555 0101', registeredByOrg: 'tyollisyysalue',
    relationships: [
      { organizationKey: 'tyollisyysalue', unitKey: 'tyollisyyspalvelut', level: 'asiakasohjaus', responsible: 'valmentaja', startedAt: '2026-03-02' },
      { organizationKey: 'keusote', unitKey: 'tyokykypalvelut', level: 'asiakasohjaus', responsible: 'tyokyky', backup: 'ohjaaja', startedAt: '2026-04-15' },
    ],
  },
  {
    key: 'anni', firstName: 'Anni', lastName: 'Virtanen', birthDate: '1946-06-02', municipalityCode: '186', language: 'fi',
    interpreterNeeded: false, plainLanguage: true, preferredChannel: 'in-person', phone: '09 555 0102', registeredByOrg: 'keusote',
    relationships: [
      { organizationKey: 'keusote', unitKey: 'asiakasohjaus', level: 'asiakasohjaus', responsible: 'ohjaaja', backup: 'asiakasvastaava', startedAt: '2026-05-11' },
      { organizationKey: 'lahitori', unitKey: 'palveluneuvonta', level: 'neuvonta-ja-ohjaus', responsible: 'jarjesto', startedAt: '2026-06-01' },
    ],
  },
  {
    key: 'mohammed', firstName: 'Mohammed', lastName: 'Al-Hassan', birthDate: '2011-09-20', municipalityCode: '186', language: 'ar',
    interpreterNeeded: false, plainLanguage: true, preferredChannel: 'in-person', phone: null, registeredByOrg: 'jarvenpaa',
    relationships: [
      { organizationKey: 'jarvenpaa', unitKey: 'kartanon-koulu', level: 'neuvonta-ja-ohjaus', responsible: 'opettaja', startedAt: '2026-08-12' },
      { organizationKey: 'keusote', unitKey: 'opiskeluhuolto', level: 'asiakasohjaus', responsible: 'kuraattori', backup: 'terveydenhoitaja', startedAt: '2026-09-28' },
    ],
  },
  {
    key: 'amal', firstName: 'Amal', lastName: 'Al-Hassan', birthDate: '1984-01-09', municipalityCode: '186', language: 'ar',
    interpreterNeeded: true, plainLanguage: true, preferredChannel: 'in-person', phone: '044 555 0103', registeredByOrg: 'keusote',
    relationships: [{ organizationKey: 'keusote', unitKey: 'perhekeskus', level: 'neuvonta-ja-ohjaus', responsible: 'sosiaaliohjaaja', startedAt: '2026-10-05' }],
  },
  {
    key: 'saara', firstName: 'Saara', lastName: 'Laine', birthDate: '2003-02-17', municipalityCode: '858', language: 'fi',
    interpreterNeeded: false, plainLanguage: false, preferredChannel: 'digital', phone: '050 555 0104', registeredByOrg: 'keusote',
    relationships: [{ organizationKey: 'keusote', unitKey: 'asiakasohjaus', level: 'intensiivinen-palveluohjaus', responsible: 'asiakasvastaava', backup: 'ohjaaja', startedAt: '2026-02-09' }],
  },
  {
    key: 'petri', firstName: 'Petri', lastName: 'Koskinen', birthDate: '1973-07-30', municipalityCode: '106', language: 'fi',
    interpreterNeeded: false, plainLanguage: false, preferredChannel: 'in-person', phone: '040 555 0105', registeredByOrg: 'keusote',
    relationships: [{ organizationKey: 'keusote', unitKey: 'asiakasohjaus', level: 'intensiivinen-palveluohjaus', responsible: 'asiakasvastaava', backup: 'sosiaalityo', startedAt: '2026-01-19' }],
  },
  {
    key: 'mari', firstName: 'Mari', lastName: 'Nieminen', birthDate: '2006-05-05', municipalityCode: '186', language: 'fi',
    interpreterNeeded: false, plainLanguage: false, preferredChannel: 'digital', phone: '045 555 0106', registeredByOrg: 'keusote',
    relationships: [{ organizationKey: 'keusote', unitKey: 'asiakasohjaus', level: 'intensiivinen-palveluohjaus', responsible: 'asiakasvastaava', startedAt: '2026-04-06' }],
  },
  {
    key: 'jaakko', firstName: 'Jaakko', lastName: 'Heikkinen', birthDate: '1981-11-11', municipalityCode: '186', language: 'fi',
    interpreterNeeded: false, plainLanguage: false, preferredChannel: 'in-person', phone: '040 555 0107', registeredByOrg: 'keusote',
    relationships: [{ organizationKey: 'keusote', unitKey: 'asiakasohjaus', level: 'asiakasohjaus', responsible: 'asiakasvastaava', backup: 'tyokyky', startedAt: '2026-05-25' }],
  },
  {
    key: 'tiina', firstName: 'Tiina', lastName: 'Salo', birthDate: '1971-08-23', municipalityCode: '858', language: 'fi',
    interpreterNeeded: false, plainLanguage: false, preferredChannel: 'in-person', phone: '050 555 0108', registeredByOrg: 'keusote',
    relationships: [{ organizationKey: 'keusote', unitKey: 'asiakasohjaus', level: 'asiakasohjaus', responsible: 'asiakasvastaava', startedAt: '2026-03-16' }],
  },
  {
    key: 'nadina', firstName: 'Nadina', lastName: 'Petrova', birthDate: '1991-04-12', municipalityCode: '186', language: 'ru',
    interpreterNeeded: false, plainLanguage: false, preferredChannel: 'digital', phone: '044 555 0109', registeredByOrg: 'keusote',
    relationships: [{ organizationKey: 'keusote', unitKey: 'asiakasohjaus', level: 'asiakasohjaus', responsible: 'asiakasvastaava', backup: 'ohjaaja', startedAt: '2026-06-22' }],
  },
];

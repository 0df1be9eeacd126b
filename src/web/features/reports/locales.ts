/** Texts of the reports feature (namespace `reports`). Plain language, Finnish first. */
export const fi = {
  title: 'Raportit',
  description: 'Tilastot asiakkaiden poluista, palveluiden saatavuudesta ja palautteesta. Ei henkilötietoja.',
  filters: { legend: 'Rajaa', from: 'Alkaen', to: 'Päättyen', unit: 'Yksikkö', allUnits: 'Kaikki yksiköt', group: 'Asiakasryhmä', allGroups: 'Kaikki asiakasryhmät', apply: 'Päivitä' },
  groups: { 'children-youth-families': 'Lapset, nuoret ja perheet', 'working-age': 'Työikäiset', 'older-people': 'Ikääntyneet' },
  csv: 'Lataa CSV',
  csvOf: 'Lataa CSV: {{name}}',
  table: 'Taulukko',
  none: 'Ei tietoja valitulta ajalta.',
  clients: 'Asiakkaita',
  segments: { title: 'Asiakassegmentit', movements: 'Siirtymät segmentistä toiseen', from: 'Mistä', to: 'Mihin', segment: 'Segmentti', total: 'Yhteensä {{count}} asiakasta' },
  caseloads: {
    title: 'Työntekijöiden asiakasmäärät', limit: 'Raja 40 asiakasta', worker: 'Työntekijä', unit: 'Yksikkö', intensive: 'Intensiivisiä', over: 'Yli rajan',
    durations: 'Asiakkuuksien kesto tasoittain', level: 'Taso', ended: 'Päättyneitä', medianEnded: 'Kesto, mediaani pv (päättyneet)', open: 'Avoimia', medianOpen: 'Kesto, mediaani pv (avoimet)',
    lost: 'Yhteys katkennut (ei tapahtumia {{days}} päivään)', yes: 'Kyllä', no: 'Ei',
  },
  referrals: {
    title: 'Lähetteiden kulku', pair: 'Sektorit', count: 'Lähetteitä', receive: 'Vastaanottoon, pv', accept: 'Hyväksymiseen, pv', complete: 'Valmistumiseen, pv',
    rejected: 'Hylättyjä', failed: 'Epäonnistuneita', reasons: 'Hylkäysten syyt', reason: 'Syy', stuck: 'Jumissa nyt', notReceived: 'Ei vastaanotettu {{days}} päivässä', notAccepted: 'Ei päätetty {{days}} päivässä', median: 'Mediaani päivinä',
  },
  interfaces: { title: 'Yhdyspinnat: sektorilta toiselle', from: 'Mistä', to: 'Mihin', handoffs: 'Ylityksiä polulla', referrals: 'Lähetteitä', failed: 'Epäonnistui', rate: 'Epäonnistumis­osuus' },
  gaps: {
    title: 'Palveluaukot', intro: 'Elämänalueet, joilla asiakkaat kertovat vaikeuksista (1–2), ja palvelut alueella.', municipality: 'Kunta', area: 'Elämänalue',
    low: 'Asiakkaita, joilla vaikeuksia', services: 'Palveluja', gap: 'Aukko', needs: 'Tarpeet, joihin ei löydy palvelua', unused: 'Palveluja, joita ei ole käytetty: {{count}}',
  },
  feedback: { title: 'Laatukriteeripalaute', part: 'Osa', group: 'Ryhmä', mean: 'Keskiarvo (1–5)', n: 'Vastaajia', hidden: 'Piilotettu (alle {{min}} vastaajaa)', note: 'Alle {{min}} vastaajan ryhmiä ei näytetä, jotta ketään ei voi tunnistaa.' },
  sectors: { municipality: 'Kunta', 'wellbeing-county': 'Hyvinvointialue', ngo: 'Järjestöt', private: 'Yksityinen', kela: 'Kela', state: 'Valtio', 'specialist-care': 'Erikoissairaanhoito', unknown: 'Tuntematon' },
  forbidden: 'Raportit ovat esihenkilöiden käytössä.',
};

export const sv: typeof fi = {
  title: 'Rapporter',
  description: 'Statistik om klienternas stigar, tjänsternas tillgänglighet och respons. Inga personuppgifter.',
  filters: { legend: 'Avgränsa', from: 'Från', to: 'Till', unit: 'Enhet', allUnits: 'Alla enheter', group: 'Klientgrupp', allGroups: 'Alla klientgrupper', apply: 'Uppdatera' },
  groups: { 'children-youth-families': 'Barn, unga och familjer', 'working-age': 'Personer i arbetsför ålder', 'older-people': 'Äldre' },
  csv: 'Ladda ner CSV',
  csvOf: 'Ladda ner CSV: {{name}}',
  table: 'Tabell',
  none: 'Inga uppgifter för vald tid.',
  clients: 'Klienter',
  segments: { title: 'Klientsegment', movements: 'Övergångar mellan segment', from: 'Från', to: 'Till', segment: 'Segment', total: 'Sammanlagt {{count}} klienter' },
  caseloads: {
    title: 'Antal klienter per anställd', limit: 'Gräns 40 klienter', worker: 'Anställd', unit: 'Enhet', intensive: 'Intensiva', over: 'Över gränsen',
    durations: 'Klientskapens längd per nivå', level: 'Nivå', ended: 'Avslutade', medianEnded: 'Längd, median dgr (avslutade)', open: 'Öppna', medianOpen: 'Längd, median dgr (öppna)',
    lost: 'Kontakten bruten (inga händelser på {{days}} dagar)', yes: 'Ja', no: 'Nej',
  },
  referrals: {
    title: 'Remissernas gång', pair: 'Sektorer', count: 'Remisser', receive: 'Till mottagning, dgr', accept: 'Till godkännande, dgr', complete: 'Till slutförande, dgr',
    rejected: 'Avslagna', failed: 'Misslyckade', reasons: 'Orsaker till avslag', reason: 'Orsak', stuck: 'Fast just nu', notReceived: 'Inte mottagen inom {{days}} dagar', notAccepted: 'Inget beslut inom {{days}} dagar', median: 'Median i dagar',
  },
  interfaces: { title: 'Gränsytor: från sektor till sektor', from: 'Från', to: 'Till', handoffs: 'Övergångar på stigen', referrals: 'Remisser', failed: 'Misslyckades', rate: 'Andel misslyckade' },
  gaps: {
    title: 'Luckor i tjänsterna', intro: 'Livsområden där klienter berättar om svårigheter (1–2) och tjänster i området.', municipality: 'Kommun', area: 'Livsområde',
    low: 'Klienter med svårigheter', services: 'Tjänster', gap: 'Lucka', needs: 'Behov utan tjänst', unused: 'Tjänster som inte har använts: {{count}}',
  },
  feedback: { title: 'Respons på kvalitetskriterier', part: 'Del', group: 'Grupp', mean: 'Medeltal (1–5)', n: 'Svarande', hidden: 'Dold (under {{min}} svarande)', note: 'Grupper under {{min}} svarande visas inte, så att ingen kan identifieras.' },
  sectors: { municipality: 'Kommun', 'wellbeing-county': 'Välfärdsområde', ngo: 'Organisationer', private: 'Privat', kela: 'FPA', state: 'Staten', 'specialist-care': 'Specialsjukvård', unknown: 'Okänd' },
  forbidden: 'Rapporterna används av chefer.',
};

export const en: typeof fi = {
  title: 'Reports',
  description: 'Statistics on client paths, access to services and feedback. No personal data.',
  filters: { legend: 'Filter', from: 'From', to: 'To', unit: 'Unit', allUnits: 'All units', group: 'Client group', allGroups: 'All client groups', apply: 'Update' },
  groups: { 'children-youth-families': 'Children, young people and families', 'working-age': 'Working age', 'older-people': 'Older people' },
  csv: 'Download CSV',
  csvOf: 'Download CSV: {{name}}',
  table: 'Table',
  none: 'No data for the chosen period.',
  clients: 'Clients',
  segments: { title: 'Client segments', movements: 'Movements between segments', from: 'From', to: 'To', segment: 'Segment', total: '{{count}} clients in all' },
  caseloads: {
    title: 'Caseloads per worker', limit: 'Limit 40 clients', worker: 'Worker', unit: 'Unit', intensive: 'Intensive', over: 'Over the limit',
    durations: 'Length of client relationships by level', level: 'Level', ended: 'Ended', medianEnded: 'Length, median days (ended)', open: 'Open', medianOpen: 'Length, median days (open)',
    lost: 'Lost contact (no events in {{days}} days)', yes: 'Yes', no: 'No',
  },
  referrals: {
    title: 'Referral loop', pair: 'Sectors', count: 'Referrals', receive: 'To receive, days', accept: 'To accept, days', complete: 'To complete, days',
    rejected: 'Rejected', failed: 'Failed', reasons: 'Reasons for rejection', reason: 'Reason', stuck: 'Stuck now', notReceived: 'Not received within {{days}} days', notAccepted: 'No decision within {{days}} days', median: 'Median in days',
  },
  interfaces: { title: 'Interfaces: from sector to sector', from: 'From', to: 'To', handoffs: 'Crossings on the path', referrals: 'Referrals', failed: 'Failed', rate: 'Failure rate' },
  gaps: {
    title: 'Service gaps', intro: 'Life areas where clients report difficulties (1–2), and the services in the area.', municipality: 'Municipality', area: 'Life area',
    low: 'Clients with difficulties', services: 'Services', gap: 'Gap', needs: 'Needs without a service', unused: 'Services never used: {{count}}',
  },
  feedback: { title: 'Quality-criteria feedback', part: 'Part', group: 'Group', mean: 'Mean (1–5)', n: 'Respondents', hidden: 'Hidden (under {{min}} respondents)', note: 'Groups under {{min}} respondents are not shown, so nobody can be identified.' },
  sectors: { municipality: 'Municipality', 'wellbeing-county': 'Wellbeing county', ngo: 'NGOs', private: 'Private', kela: 'Kela', state: 'State', 'specialist-care': 'Specialist care', unknown: 'Unknown' },
  forbidden: 'Reports are for managers.',
};

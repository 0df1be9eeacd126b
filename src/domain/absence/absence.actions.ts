import type { AbsenceLevel, LocalizedText, RequiredActionCode, ResponsibleRole } from './absence.types.js';

/** What has to be agreed before a step counts as done. */
export type StepAgreement = 'followUpMeetingDate' | 'responsiblePerson';

export interface ActionDefinition {
  code: RequiredActionCode;
  /** The lowest level at which the step is required. */
  level: Exclude<AbsenceLevel, 'none'>;
  responsibleRole: ResponsibleRole;
  agreements: readonly StepAgreement[];
  description: LocalizedText;
}

/**
 * The steps of the seed's drawing, texts in plain language. Who carries them follows the seed:
 * the class teacher talks and calls the first meeting ("opettaja kutsuu koolle palaverin");
 * from 50 h on, student welfare staff (kuraattori, psykologi) usually bring in the actors outside
 * school and make the contact; the seed asks every meeting step to agree "seurantapalaverin
 * ajankohta ja vastuuhenkilö oppilaan asioissa".
 */
export const ACTIONS: readonly ActionDefinition[] = [
  {
    code: 'discuss-with-guardians',
    level: 'concern',
    responsibleRole: 'teacher',
    agreements: [],
    description: {
      fi: 'Luokanopettaja tai luokanvalvoja ottaa huolen puheeksi oppilaan kanssa, on yhteydessä huoltajiin ja sopii, otetaanko yhteyttä oppilashuollon työntekijään. Oppilashuoltoa voi konsultoida matalalla kynnyksellä.',
      sv: 'Klassläraren eller klassföreståndaren tar upp oron med eleven, kontaktar vårdnadshavarna och kommer överens om man ska kontakta elevhälsans personal. Elevhälsan kan konsulteras med låg tröskel.',
      en: 'The class teacher raises the concern with the pupil, contacts the guardians and agrees whether to contact student welfare staff. Student welfare staff can be consulted at any time.',
    },
  },
  {
    code: 'school-meeting',
    level: 'over30',
    responsibleRole: 'teacher',
    agreements: ['followUpMeetingDate', 'responsiblePerson'],
    description: {
      fi: 'Opettaja kutsuu koolle palaverin. Mukaan kutsutaan ne, joita oppilas ja huoltajat pitävät tarpeellisina, yleensä myös oppilashuollon työntekijä. Mietitään koulun tukitoimet ja selvitetään poissaolojen syyt ja kokonaistilanne. Tarvittaessa muodostetaan monialainen asiantuntijaryhmä. Sovitaan seurantapalaverin aika ja vastuuhenkilö.',
      sv: 'Läraren sammankallar ett möte. Till mötet bjuds de som eleven och vårdnadshavarna anser behövs, oftast också någon från elevhälsan. Skolans stödåtgärder planeras och orsakerna till frånvaron och helhetssituationen utreds. Vid behov bildas en sektorsövergripande expertgrupp. Tidpunkt för ett uppföljningsmöte och en ansvarsperson avtalas.',
      en: 'The teacher calls a meeting with the people the pupil and guardians find necessary, usually including student welfare staff. The school plans its support measures and looks into the reasons for the absences and the overall situation. A multi-agency expert group may be formed. A follow-up meeting date and a responsible person are agreed.',
    },
  },
  {
    code: 'multi-agency-meeting',
    level: 'over50',
    responsibleRole: 'student-welfare',
    agreements: ['followUpMeetingDate', 'responsiblePerson'],
    description: {
      fi: 'Kutsutaan mukaan koulun ulkopuolisia toimijoita monitoimijaiseen yhteistyöhön ja pohditaan yhdessä, miten poissaoloihin puututaan. Sovitaan, miten oppilaan tilannetta seurataan ja kuka vastaa mistäkin, sekä seurantapalaverin aika ja vastuuhenkilö. Harkitaan sosiaalihuoltolain mukaista yhteydenottoa.',
      sv: 'Aktörer utanför skolan bjuds in till sektorsövergripande samarbete och man funderar tillsammans på hur man ska ingripa i frånvaron. Man kommer överens om hur elevens situation följs upp och vem som ansvarar för vad, samt om tidpunkt för uppföljningsmöte och ansvarsperson. En kontakt enligt socialvårdslagen övervägs.',
      en: 'People from outside the school are invited into multi-agency cooperation to decide together how to act on the absences. It is agreed how the pupil’s situation is followed and who is responsible for what, along with a follow-up meeting date and a responsible person. A contact under the Social Welfare Act is considered.',
    },
  },
  {
    code: 'social-welfare-notification',
    level: 'over70',
    responsibleRole: 'student-welfare',
    agreements: ['followUpMeetingDate', 'responsiblePerson'],
    description: {
      fi: 'Jos tukitoimet ja seurantapalaverit eivät auta, tehdään konsultaation pohjalta ensisijaisesti sosiaalihuoltolain 35 §:n mukainen yhteydenotto tai lastensuojeluilmoitus. Siinä kerrotaan koulussa jo tehdyt kartoitukset, tukitoimet ja yhteistyö huoltajien kanssa. Sovitaan seurantapalaverin aika ja vastuuhenkilö.',
      sv: 'Om stödåtgärderna och uppföljningsmötena inte hjälper görs, efter konsultation, i första hand en kontakt enligt 35 § i socialvårdslagen eller en barnskyddsanmälan. I den beskrivs de kartläggningar och stödåtgärder som skolan redan har gjort och samarbetet med vårdnadshavarna. Tidpunkt för uppföljningsmöte och ansvarsperson avtalas.',
      en: 'If support measures and follow-up meetings have not helped, the school, after consultation, primarily makes a contact under section 35 of the Social Welfare Act or a child welfare notification. It states the assessments and support measures the school has already carried out and its cooperation with the guardians. A follow-up meeting date and a responsible person are agreed.',
    },
  },
];

/**
 * The seed recommends the Kearney school absence survey after 30 hours ("suositus Kearneyn
 * koulupoissaolokyselyn toteuttamisesta 30 poissaolotunnin jälkeen"); it is optional.
 */
export const ABSENCE_SURVEY = {
  code: 'absence-survey',
  name: 'School Refusal Assessment Scale-Revised (SRAS-R, Kearney)',
  description: {
    fi: 'Suositus: tehdään Kearneyn koulupoissaolokysely osana poissaolojen syiden kartoitusta.',
    sv: 'Rekommendation: gör Kearneys enkät om skolfrånvaro som en del av kartläggningen av orsakerna till frånvaron.',
    en: 'Recommended: use the Kearney school absence survey (SRAS-R) as part of finding out the reasons for the absences.',
  } satisfies LocalizedText,
} as const;

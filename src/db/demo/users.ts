import type { Role } from '../../domain/identity/roles.js';

/** Demo accounts (password `demo`), created only in demo mode. Keys refer to DEMO_ORGANIZATIONS. */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  organizationKey: string;
  unitKey: string | null;
  title: string; // ammattinimike, shown to clients
  phone: string | null;
  email: string | null;
  clientKey?: string; // for role 'client': the demo client this login belongs to
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'ohjaaja', displayName: 'Olli Ohjaaja', role: 'client-counsellor', organizationKey: 'keusote', unitKey: 'asiakasohjaus', title: 'Asiakasohjaaja', phone: '040 100 0001', email: 'olli.ohjaaja@keusote.example' },
  { username: 'sosiaalityo', displayName: 'Sanna Sosiaalityöntekijä', role: 'social-worker', organizationKey: 'keusote', unitKey: 'aikuissosiaalityo', title: 'Sosiaalityöntekijä', phone: '040 100 0002', email: 'sanna.sosiaalityontekija@keusote.example' },
  { username: 'sosiaaliohjaaja', displayName: 'Sami Sosiaaliohjaaja', role: 'social-instructor', organizationKey: 'keusote', unitKey: 'aikuissosiaalityo', title: 'Sosiaaliohjaaja', phone: '040 100 0003', email: 'sami.sosiaaliohjaaja@keusote.example' },
  { username: 'asiakasvastaava', displayName: 'Aino Asiakasvastaava', role: 'case-manager', organizationKey: 'keusote', unitKey: 'asiakasohjaus', title: 'Asiakasvastaava', phone: '040 100 0004', email: 'aino.asiakasvastaava@keusote.example' },
  { username: 'tyokyky', displayName: 'Tuomas Työkykykoordinaattori', role: 'work-ability-coordinator', organizationKey: 'keusote', unitKey: 'tyokykypalvelut', title: 'Työkykykoordinaattori', phone: '040 100 0005', email: 'tuomas.tyokyky@keusote.example' },
  { username: 'terveydenhoitaja', displayName: 'Helmi Terveydenhoitaja', role: 'school-nurse', organizationKey: 'keusote', unitKey: 'opiskeluhuolto', title: 'Kouluterveydenhoitaja', phone: '040 100 0006', email: 'helmi.terveydenhoitaja@keusote.example' },
  { username: 'kuraattori', displayName: 'Kaisa Kuraattori', role: 'student-welfare', organizationKey: 'keusote', unitKey: 'opiskeluhuolto', title: 'Koulukuraattori', phone: '040 100 0007', email: 'kaisa.kuraattori@keusote.example' },
  { username: 'esihenkilo', displayName: 'Eija Esihenkilö', role: 'manager', organizationKey: 'keusote', unitKey: 'asiakasohjaus', title: 'Palveluohjauksen esihenkilö', phone: '040 100 0008', email: 'eija.esihenkilo@keusote.example' },
  { username: 'admin', displayName: 'Pääkäyttäjä', role: 'admin', organizationKey: 'keusote', unitKey: null, title: 'Pääkäyttäjä', phone: null, email: 'admin@keusote.example' },
  { username: 'valmentaja', displayName: 'Ville Valmentaja', role: 'employment-coach', organizationKey: 'tyollisyysalue', unitKey: 'tyollisyyspalvelut', title: 'Omavalmentaja', phone: '040 200 0001', email: 'ville.valmentaja@tyollisyys.example' },
  { username: 'opettaja', displayName: 'Outi Opettaja', role: 'teacher', organizationKey: 'jarvenpaa', unitKey: 'kartanon-koulu', title: 'Luokanvalvoja', phone: '040 300 0001', email: 'outi.opettaja@jarvenpaa.example' },
  { username: 'nuoriso', displayName: 'Niko Nuorisotyöntekijä', role: 'ngo-worker', organizationKey: 'jarvenpaa', unitKey: 'nuorisopalvelut', title: 'Nuorisotyöntekijä', phone: '040 300 0002', email: 'niko.nuoriso@jarvenpaa.example' },
  { username: 'jarjesto', displayName: 'Leena Lähitori', role: 'ngo-worker', organizationKey: 'lahitori', unitKey: 'palveluneuvonta', title: 'Palveluneuvoja', phone: '040 400 0001', email: 'leena@lahitori.example' },
  { username: 'kriisi', displayName: 'Kalle Kriisityöntekijä', role: 'ngo-worker', organizationKey: 'kriisikeskus', unitKey: null, title: 'Kriisityöntekijä', phone: '040 400 0002', email: 'kalle@kriisikeskus.example' },
  { username: 'kela', displayName: 'Kirsi Kela', role: 'case-manager', organizationKey: 'kela', unitKey: 'kela-jarvenpaa', title: 'Kelan asiantuntija', phone: '020 692 210', email: null },
  { username: 'anni', displayName: 'Anni Virtanen', role: 'client', organizationKey: 'keusote', unitKey: null, title: 'Asiakas', phone: null, email: null, clientKey: 'anni' },
  { username: 'eero', displayName: 'Eero Mäkinen', role: 'client', organizationKey: 'keusote', unitKey: null, title: 'Asiakas', phone: null, email: null, clientKey: 'eero' },
];

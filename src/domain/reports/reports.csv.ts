import type {
  CaseloadsReport, CouncilReport, FeedbackReport, InterfacesReport, PathBreaksReport, ReferralsReport, SegmentsReport, ServiceGapsReport,
} from '../../contracts/reports.contracts.js';
import { councilCsvRows } from './reports.council.js';
import { toCsv } from './reports.rules.js';

/** One flat table per report for the CSV download (column names in Finnish, the users' language). */
export const CSV: {
  segments: (r: SegmentsReport) => string;
  caseloads: (r: CaseloadsReport) => string;
  referrals: (r: ReferralsReport) => string;
  interfaces: (r: InterfacesReport) => string;
  'service-gaps': (r: ServiceGapsReport) => string;
  feedback: (r: FeedbackReport) => string;
  'path-breaks': (r: PathBreaksReport) => string;
} = {
  segments: (r) =>
    toCsv(['osio', 'segmentti', 'mihin', 'asiakkaita'], [
      ...r.distribution.map((d) => ['jakauma', d.label, '', d.clients]),
      ...r.movements.map((m) => ['siirtymä', m.from, m.to, m.clients]),
    ]),
  caseloads: (r) =>
    toCsv(['osio', 'nimi', 'yksikkö', 'asiakkaita', 'intensiivisiä', 'yli 40', 'päättyneitä', 'mediaanikesto pv (päättyneet)', 'avoimia', 'mediaanikesto pv (avoimet)'], [
      ...r.workers.map((w) => ['työntekijä', w.name, w.unitName, w.clients, w.intensive, w.overLimit, null, null, null, null]),
      ...r.durations.map((d) => ['asiakkuuden kesto', d.label, null, null, null, null, d.ended, d.medianDaysEnded, d.open, d.medianDaysOpen]),
      ...r.lostContact.map((l) => [`ei yhteyttä ${r.lostContactDays} pv`, null, l.unitName, l.clients, null, null, null, null, null, null]),
    ]),
  referrals: (r) =>
    toCsv(['lähettäjän sektori', 'vastaanottajan sektori', 'lähetteitä', 'mediaani pv vastaanottoon', 'mediaani pv hyväksymiseen', 'mediaani pv valmistumiseen', 'hylätty', 'epäonnistunut'], [
      ...r.loop.map((l) => [l.fromSector, l.toSector, l.referrals, l.medianDaysToReceive, l.medianDaysToAccept, l.medianDaysToComplete, l.rejected, l.failed]),
      ...r.rejectionReasons.map((x) => ['hylkäyksen syy', x.reason, x.count, null, null, null, null, null]),
      ['jumissa: ei vastaanotettu', null, r.stuck.notReceived, null, null, null, null, null],
      ['jumissa: ei päätetty', null, r.stuck.notAccepted, null, null, null, null, null],
    ]),
  interfaces: (r) =>
    toCsv(['mistä sektorista', 'mihin sektoriin', 'ylityksiä polulla', 'lähetteitä', 'epäonnistuneita', 'epäonnistumisosuus'], r.cells.map((c) => [c.from, c.to, c.handoffs, c.referrals, c.failed, c.failureRate])),
  'service-gaps': (r) =>
    toCsv(['osio', 'kunta', 'alue tai tarve', 'asiakkaita heikolla alueella', 'palveluja', 'aukko'], [
      ...r.areas.map((a) => ['elämänalue', a.municipality, a.label, a.lowClients, a.services, a.gap]),
      ...r.needs.map((n) => ['tarve', null, n.label, null, n.services, n.services === 0]),
      ...r.unusedServices.items.map((s) => ['käyttämätön palvelu', null, s.name, null, null, null]),
    ]),
  feedback: (r) =>
    toCsv(['osa', 'ryhmä', 'vastaajia', 'keskiarvo', 'piilotettu (alle 5)'], r.parts.flatMap((p) => [
      [p.title, '', p.n, p.mean, p.suppressed],
      ...p.groups.map((g) => [p.title, g.title, g.n, g.mean, g.suppressed]),
    ])),
  'path-breaks': (r) =>
    toCsv(['osio', 'vastaanottaja tai yksikkö', 'ei vastaanotettu', 'ei päätetty', 'raja pv (vastaanotto)', 'raja pv (päätös)', 'oma raja', 'asiakkaita'], [
      ...r.stuck.byReceiver.map((s) => ['jumissa oleva lähete', s.organization, s.notReceived, s.notAccepted, s.notReceivedDays, s.notAcceptedDays, s.ownLimits, null]),
      ['jumissa yhteensä', null, r.stuck.notReceived, r.stuck.notAccepted, r.stuck.defaultNotReceivedDays, r.stuck.defaultNotAcceptedDays, null, null],
      ...r.lostContact.map((l) => [`ei yhteyttä ${r.lostContactDays} pv`, l.unitName, null, null, null, null, null, l.clients]),
      [`ei yhteyttä ${r.lostContactDays} pv yhteensä`, null, null, null, null, null, null, r.lostContactTotal],
    ]),
};

/** The council version of any report as CSV (tables one under another; "<5" and ".." kept). */
export function councilCsv(r: CouncilReport): string {
  const { header, rows } = councilCsvRows(r);
  return toCsv(header, rows);
}

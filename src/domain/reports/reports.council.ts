/**
 * The council version (`?audience=council`) of the management reports: the same aggregates as tables
 * of counts, without any person's data (no workers' names), every count 1–4 shown as "<5" and totals
 * protected by secondary suppression (reports.council.rules.ts). Reports that cannot be shown safely
 * this way (interfaces, service gaps, feedback) answer 400 for the council audience.
 */
import type { CaseloadsReport, CouncilReport, PathBreaksReport, ReferralsReport, SegmentsReport } from '../../contracts/reports.contracts.js';
import { badRequest, type Lang } from '../shared/errors.js';
import { COUNCIL_MIN_COUNT, councilTable, type CouncilColumn } from './reports.council.rules.js';
import type { ReportName } from './reports.service.js';

type L = Record<Lang, string>;
const T = {
  total: { fi: 'Yhteensä', sv: 'Totalt', en: 'Total' },
  clients: { fi: 'Asiakkaita', sv: 'Klienter', en: 'Clients' },
  note: {
    fi: 'Valtuustoversio: ei henkilötietoja. Luvut 1–4 näytetään muodossa "<5". Merkintä ".." on piilotettu, jotta pientä lukua ei voi laskea summasta. Alle 5 tapauksen mediaanit on piilotettu.',
    sv: 'Version för fullmäktige: inga personuppgifter. Talen 1–4 visas som "<5". Markeringen ".." är dold så att ett litet tal inte kan räknas ut ur summan. Medianer av färre än 5 fall är dolda.',
    en: 'Council version: no personal data. Counts 1–4 are shown as "<5". ".." is hidden so that a small count cannot be calculated from the total. Medians of fewer than 5 cases are hidden.',
  },
  segments: { fi: 'Asiakassegmentit', sv: 'Klientsegment', en: 'Client segments' },
  segment: { fi: 'Segmentti', sv: 'Segment', en: 'Segment' },
  movements: { fi: 'Siirtymät segmentistä toiseen', sv: 'Övergångar mellan segment', en: 'Moves between segments' },
  from: { fi: 'Mistä', sv: 'Från', en: 'From' },
  to: { fi: 'Mihin', sv: 'Till', en: 'To' },
  caseloads: { fi: 'Asiakkuudet', sv: 'Klientskap', en: 'Client relationships' },
  durations: { fi: 'Asiakkuuksien kesto tasoittain', sv: 'Klientskapens längd per nivå', en: 'Relationship durations by level' },
  level: { fi: 'Taso', sv: 'Nivå', en: 'Level' },
  ended: { fi: 'Päättyneitä', sv: 'Avslutade', en: 'Ended' },
  medianEnded: { fi: 'Kesto, mediaani pv (päättyneet)', sv: 'Längd, median dgr (avslutade)', en: 'Duration, median days (ended)' },
  open: { fi: 'Avoimia', sv: 'Öppna', en: 'Open' },
  medianOpen: { fi: 'Kesto, mediaani pv (avoimet)', sv: 'Längd, median dgr (öppna)', en: 'Duration, median days (open)' },
  lost: { fi: 'Yhteys katkennut', sv: 'Kontakten bruten', en: 'Contact lost' },
  unit: { fi: 'Yksikkö', sv: 'Enhet', en: 'Unit' },
  referrals: { fi: 'Lähetteiden kulku', sv: 'Remissernas gång', en: 'Referral loop' },
  fromSector: { fi: 'Lähettäjän sektori', sv: 'Avsändarens sektor', en: "Sender's sector" },
  toSector: { fi: 'Vastaanottajan sektori', sv: 'Mottagarens sektor', en: "Receiver's sector" },
  count: { fi: 'Lähetteitä', sv: 'Remisser', en: 'Referrals' },
  medianReceive: { fi: 'Vastaanottoon, mediaani pv', sv: 'Till mottagning, median dgr', en: 'To receipt, median days' },
  medianAccept: { fi: 'Hyväksymiseen, mediaani pv', sv: 'Till godkännande, median dgr', en: 'To acceptance, median days' },
  rejected: { fi: 'Hylättyjä', sv: 'Avslagna', en: 'Rejected' },
  failed: { fi: 'Epäonnistuneita', sv: 'Misslyckade', en: 'Failed' },
  pathBreaks: { fi: 'Polun katkokset', sv: 'Avbrott på stigen', en: 'Path breaks' },
  stuck: { fi: 'Jumissa olevat lähetteet vastaanottajittain', sv: 'Fastnade remisser per mottagare', en: 'Stuck referrals by receiver' },
  receiver: { fi: 'Vastaanottaja', sv: 'Mottagare', en: 'Receiver' },
  notReceived: { fi: 'Ei vastaanotettu määräajassa', sv: 'Inte mottagna inom tidsgränsen', en: 'Not received in time' },
  notAccepted: { fi: 'Ei päätetty määräajassa', sv: 'Inte avgjorda inom tidsgränsen', en: 'Not decided in time' },
} satisfies Record<string, L>;

const SECTORS: Record<string, L> = {
  municipality: { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' },
  'wellbeing-county': { fi: 'Hyvinvointialue', sv: 'Välfärdsområde', en: 'Wellbeing services county' },
  ngo: { fi: 'Järjestöt', sv: 'Organisationer', en: 'NGOs' },
  private: { fi: 'Yksityinen', sv: 'Privat', en: 'Private' },
  kela: { fi: 'Kela', sv: 'FPA', en: 'Kela' },
  state: { fi: 'Valtio', sv: 'Staten', en: 'State' },
  'specialist-care': { fi: 'Erikoissairaanhoito', sv: 'Specialiserad sjukvård', en: 'Specialist care' },
  unknown: { fi: 'Tuntematon', sv: 'Okänd', en: 'Unknown' },
};
const sector = (s: string, lang: Lang) => SECTORS[s]?.[lang] ?? s;

export const COUNCIL_REPORTS = ['segments', 'caseloads', 'referrals', 'path-breaks'] as const;
export type CouncilReportName = (typeof COUNCIL_REPORTS)[number];

export function assertCouncilAvailable(name: ReportName): asserts name is CouncilReportName {
  if ((COUNCIL_REPORTS as readonly string[]).includes(name)) return;
  throw badRequest('council_unavailable', {
    fi: 'Tästä raportista ei ole valtuustoversiota. Valtuustoversio on saatavilla raporteista: asiakassegmentit, asiakkuudet, lähetteiden kulku ja polun katkokset.',
    sv: 'Den här rapporten finns inte i en version för fullmäktige. Versionen finns för: klientsegment, klientskap, remissernas gång och avbrott på stigen.',
    en: 'This report has no council version. The council version exists for: client segments, client relationships, referral loop and path breaks.',
  });
}

const col = (key: string, label: L, kind: CouncilColumn['kind'], lang: Lang, casesKey?: string) => ({ key, label: label[lang], kind, casesKey });

function wrap(report: CouncilReportName, title: L, filter: CouncilReport['filter'], lang: Lang, tables: CouncilReport['tables']): CouncilReport {
  return { audience: 'council', report, title: title[lang], filter, minCount: COUNCIL_MIN_COUNT, notes: [T.note[lang]], tables };
}

export function councilSegments(r: SegmentsReport, lang: Lang): CouncilReport {
  const label = (seg: string) => r.distribution.find((d) => d.segment === seg)?.label ?? seg;
  return wrap('segments', T.segments, r.filter, lang, [
    {
      key: 'distribution',
      title: T.segments[lang],
      ...councilTable([col('segment', T.segment, 'label', lang), col('clients', T.clients, 'count', lang)], r.distribution.map((d) => ({ segment: d.label, clients: d.clients })), { withTotal: true, totalLabel: T.total[lang] }),
    },
    {
      key: 'movements',
      title: T.movements[lang],
      ...councilTable(
        [col('from', T.from, 'label', lang), col('to', T.to, 'label', lang), col('clients', T.clients, 'count', lang)],
        r.movements.map((m) => ({ from: label(m.from), to: label(m.to), clients: m.clients })),
        { withTotal: true, totalLabel: T.total[lang] },
      ),
    },
  ]);
}

/** Durations by level and lost contact per unit; the workers' caseloads (names) are left out. */
export function councilCaseloads(r: CaseloadsReport, lang: Lang): CouncilReport {
  return wrap('caseloads', T.caseloads, r.filter, lang, [
    {
      key: 'durations',
      title: T.durations[lang],
      ...councilTable(
        [
          col('level', T.level, 'label', lang),
          col('ended', T.ended, 'count', lang),
          col('medianEnded', T.medianEnded, 'statistic', lang, 'ended'),
          col('open', T.open, 'count', lang),
          col('medianOpen', T.medianOpen, 'statistic', lang, 'open'),
        ],
        r.durations.map((d) => ({ level: d.label, ended: d.ended, medianEnded: d.medianDaysEnded, open: d.open, medianOpen: d.medianDaysOpen })),
        { withTotal: true, totalLabel: T.total[lang] },
      ),
    },
    lostContactTable(r.lostContact, r.lostContactDays, lang),
  ]);
}

function lostContactTable(rows: { unitName: string; clients: number }[], days: number, lang: Lang): CouncilReport['tables'][number] {
  const title = { fi: `${T.lost.fi} (ei tapahtumia ${days} päivään)`, sv: `${T.lost.sv} (inga händelser på ${days} dagar)`, en: `${T.lost.en} (no events in ${days} days)` };
  return {
    key: 'lostContact',
    title: title[lang],
    ...councilTable([col('unit', T.unit, 'label', lang), col('clients', T.clients, 'count', lang)], rows.map((l) => ({ unit: l.unitName, clients: l.clients })), { withTotal: true, totalLabel: T.total[lang] }),
  };
}

function stuckTable(rows: { organization: string; notReceived: number; notAccepted: number }[], lang: Lang): CouncilReport['tables'][number] {
  return {
    key: 'stuck',
    title: T.stuck[lang],
    ...councilTable(
      [col('receiver', T.receiver, 'label', lang), col('notReceived', T.notReceived, 'count', lang), col('notAccepted', T.notAccepted, 'count', lang)],
      rows.map((s) => ({ receiver: s.organization, notReceived: s.notReceived, notAccepted: s.notAccepted })),
      { withTotal: true, totalLabel: T.total[lang] },
    ),
  };
}

export function councilReferrals(r: ReferralsReport, lang: Lang): CouncilReport {
  return wrap('referrals', T.referrals, r.filter, lang, [
    {
      key: 'loop',
      title: T.referrals[lang],
      ...councilTable(
        [
          col('from', T.fromSector, 'label', lang),
          col('to', T.toSector, 'label', lang),
          col('referrals', T.count, 'count', lang),
          col('receive', T.medianReceive, 'statistic', lang, 'referrals'),
          col('accept', T.medianAccept, 'statistic', lang, 'referrals'),
          col('rejected', T.rejected, 'count', lang),
          col('failed', T.failed, 'count', lang),
        ],
        r.loop.map((l) => ({ from: sector(l.fromSector, lang), to: sector(l.toSector, lang), referrals: l.referrals, receive: l.medianDaysToReceive, accept: l.medianDaysToAccept, rejected: l.rejected, failed: l.failed })),
        { withTotal: true, totalLabel: T.total[lang] },
      ),
    },
    stuckTable(r.stuck.byReceiver, lang),
  ]);
}

export function councilPathBreaks(r: PathBreaksReport, lang: Lang): CouncilReport {
  return wrap('path-breaks', T.pathBreaks, r.filter, lang, [stuckTable(r.stuck.byReceiver, lang), lostContactTable(r.lostContact, r.lostContactDays, lang)]);
}

/** A council report as CSV: each table under its title, "<5" and ".." kept as text. */
export function councilCsvRows(r: CouncilReport): { header: string[]; rows: (string | number | null)[][] } {
  const width = Math.max(1, ...r.tables.map((t) => t.columns.length));
  const pad = (row: (string | number | null)[]) => [...row, ...Array(width - row.length).fill(null)];
  const rows: (string | number | null)[][] = [];
  for (const t of r.tables) {
    rows.push(pad([t.title]));
    rows.push(pad(t.columns.map((c) => c.label)));
    rows.push(...t.rows.map(pad));
    if (t.total) rows.push(pad(t.total));
    rows.push(pad([]));
  }
  rows.push(pad(r.notes));
  return { header: pad([r.title, `${r.filter.from} – ${r.filter.to}`]).map((c) => (c === null ? '' : String(c))), rows };
}

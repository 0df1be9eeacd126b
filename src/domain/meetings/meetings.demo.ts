import type { Tx } from '../../db/schema.js';
import type { DemoContext } from '../../db/demo/context.js';
import { DEMO_USERS } from '../../db/demo/users.js';
import { DEMO_CLIENTS, DEMO_TODAY, type DemoClient, type DemoMeeting } from '../paths/demo-clients.data.js';
import { addDays, daysBetween, finnishDate, insertContact, insertTask } from '../followup/index.js';
import * as repo from './meetings.repository.js';
import { clientChecklist, DEFAULT_AGENDA } from './meetings.rules.js';

const METHOD: Record<DemoMeeting['method'], string> = {
  verkostopalaveri: 'network-meeting',
  perheneuvonpito: 'family-group-conference',
  'avoin dialogi': 'open-dialogue',
  asiantuntijaryhmä: 'expert-group',
  arviointitapaaminen: 'assessment-meeting',
};

/**
 * Meetings, decisions-as-tasks, tasks and contacts of the nine seed clients, moved so that the
 * data's "today" (DEMO_TODAY) falls on the demo world's today; plus a few extra open, due-today
 * and overdue items so that the today view of ohjaaja, asiakasvastaava and valmentaja is alive.
 */
export async function seedMeetingsAndFollowup(tx: Tx, ctx: DemoContext) {
  const today = finnishDate(ctx.today);
  const shift = daysBetween(DEMO_TODAY, today);
  const day = (iso: string) => addDays(iso, shift);
  const at = (isoDateTime: string) => new Date(`${day(isoDateTime.slice(0, 10))}T${isoDateTime.slice(11, 16) || '10:00'}:00+02:00`);
  const user = (u?: string) => (u ? ctx.users.get(u) : undefined);

  for (const c of DEMO_CLIENTS) {
    const clientId = ctx.clients.get(c.key);
    if (!clientId) continue;
    const home = ctx.orgs.get(c.relationships[0]?.organizationKey ?? 'keusote')!.id;
    for (const m of c.meetings) await seedMeeting(tx, ctx, c, clientId, home, m, day, at, user);
    for (const t of c.tasks) {
      const owner = user(t.ownerUsername)!;
      await insertTask(tx, {
        countyCode: ctx.countyCode,
        organizationId: owner.organizationId,
        clientId,
        title: t.title,
        ownerUserId: owner.id,
        ownerName: displayName(ctx, t.ownerUsername),
        ownerOrganizationId: owner.organizationId,
        due: day(t.due),
        source: 'follow-up',
        createdBy: owner.id,
        status: t.status,
        completedAt: t.status === 'open' ? null : at(`${t.due}T15:00`),
        outcomeNote: t.status === 'not-done' ? 'Ei toteutunut sovitusti; sovitaan uusi aika seuraavassa tapaamisessa.' : null,
      });
    }
    await seedContacts(tx, ctx, c, clientId, day, at);
  }
  await seedExtras(tx, ctx, today);
}

function displayName(_ctx: DemoContext, username: string): string {
  return DEMO_USERS.find((u) => u.username === username)?.displayName ?? username;
}

async function seedMeeting(
  tx: Tx,
  ctx: DemoContext,
  c: DemoClient,
  clientId: string,
  home: string,
  m: DemoMeeting,
  day: (iso: string) => string,
  at: (iso: string) => Date,
  user: (u?: string) => { id: string; organizationId: string } | undefined,
) {
  const caller = m.participants.map((p) => user(p.username)).find((u) => u && u.organizationId);
  const organizationId = caller?.organizationId ?? home;
  const startsAt = at(m.at);
  const id = await repo.insertMeeting(tx, {
    countyCode: ctx.countyCode,
    organizationId,
    clientId,
    startsAt,
    durationMinutes: 90,
    place: m.place,
    method: METHOD[m.method],
    purpose: m.agenda[0] ?? '',
    // The seed's opening and closing around the case's own topics.
    agenda: [...DEFAULT_AGENDA.fi.slice(0, 3), ...m.agenda, ...DEFAULT_AGENDA.fi.slice(5)],
    clientQuestions: [],
    networkMap: [
      ...c.person.closeOnes.map((o) => ({ name: o.name, relation: o.relation, group: 'close-one' as const, organizationId: null, note: null })),
      ...m.participants
        .filter((p) => p.organizationKey)
        .map((p) => ({ name: p.name, relation: p.role, group: (ctx.orgs.get(p.organizationKey!)?.sector === 'ngo' ? 'ngo-worker' : 'professional') as 'ngo-worker' | 'professional', organizationId: ctx.orgs.get(p.organizationKey!)?.id ?? null, note: null })),
    ],
    chairName: m.participants.find((p) => p.username && p.personKey === undefined)?.name ?? null,
    noteTakerName: m.participants.find((p) => p.username && p.personKey === undefined)?.name ?? null,
    createdBy: caller?.id ?? null,
    status: m.status,
  });
  await repo.insertParticipants(
    tx,
    id,
    clientId,
    ctx.countyCode,
    m.participants.map((p) => {
      const isPerson = p.personKey !== undefined;
      const u = isPerson ? undefined : user(p.username);
      return {
        name: p.name,
        role: p.role,
        kind: p.personKey === c.key ? 'client' : isPerson ? 'close-one' : p.role.startsWith('tulkki') ? 'interpreter' : p.organizationKey && ctx.orgs.get(p.organizationKey)?.sector === 'ngo' ? 'ngo-worker' : p.organizationKey ? 'professional' : 'other',
        userId: u?.id ?? null,
        organizationId: p.organizationKey ? (ctx.orgs.get(p.organizationKey)?.id ?? null) : null,
      };
    }),
  );
  if (m.status !== 'held') return;
  const tasks = [];
  for (const [i, d] of m.decisions.entries()) {
    const owner = user(d.responsibleUsername);
    const ownerName = d.responsibleName ?? displayName(ctx, d.responsibleUsername ?? '');
    await insertTask(tx, {
      countyCode: ctx.countyCode,
      organizationId,
      clientId,
      title: d.what,
      ownerUserId: owner?.id ?? null,
      ownerName,
      ownerOrganizationId: owner?.organizationId ?? null,
      due: day(d.due),
      source: 'meeting',
      meetingId: id,
      position: i,
      createdBy: caller?.id ?? null,
      status: d.done ? 'done' : 'open',
      completedAt: d.done ? at(`${d.due}T15:00`) : null,
    });
    tasks.push({ what: d.what, ownerName, due: day(d.due), isClient: ownerName === `${c.person.firstName} ${c.person.lastName}` });
  }
  await repo.saveMinutes(tx, id, {
    summary: m.minutesSummary,
    feedbackRound: 'Loppukierroksella jokainen kertoi, mikä palaverissa auttoi. Asiakas koki tulleensa kuulluksi ja tietää, kuka tekee mitä ja milloin.',
    checklist: clientChecklist(tasks, ['Jos jokin muuttuu tai huolestuttaa, soita omatyöntekijälle.']),
    chairName: null,
    noteTakerName: null,
    recordedBy: caller?.id ?? null,
    at: startsAt,
  });
  await repo.approveMinutes(tx, id, new Date(startsAt.getTime() + 2 * 3_600_000), 'Hyväksytty palaverin lopussa');
  await insertContact(tx, { countyCode: ctx.countyCode, organizationId, clientId, userId: caller?.id ?? null, at: startsAt, channel: 'meeting', note: null });
}

/**
 * A recent contact per responsible worker, except one intensive client whose last contact is
 * three weeks old – the no-contact alert shows how the path is kept from breaking.
 */
async function seedContacts(tx: Tx, ctx: DemoContext, c: DemoClient, clientId: string, day: (iso: string) => string, at: (iso: string) => Date) {
  for (const [i, r] of c.relationships.entries()) {
    if (r.endedAt) continue;
    const worker = ctx.users.get(r.responsibleUsername);
    if (!worker) continue;
    const stale = c.key === 'mari' && r.level === 'intensiivinen-palveluohjaus';
    const daysAgo = stale ? 21 : 2 + ((i * 3 + c.key.length) % 6);
    await insertContact(tx, {
      countyCode: ctx.countyCode,
      organizationId: worker.organizationId,
      clientId,
      userId: worker.id,
      at: at(`${addDays(DEMO_TODAY, -daysAgo)}T${10 + (i % 5)}:00`),
      channel: i % 2 === 0 ? 'phone' : 'visit',
      note: stale ? 'Sovittu seuraava yhteydenotto kahden viikon päähän.' : null,
    });
  }
  void day;
}

/** Extra follow-up items for the three workers whose today view is shown first. */
async function seedExtras(tx: Tx, ctx: DemoContext, today: string) {
  const extras: { user: string; name: string; client: string; title: string; days: number }[] = [
    { user: 'ohjaaja', name: 'Olli Ohjaaja', client: 'anni', title: 'Soita Annille: onko turvapuhelinasia mietitty lasten kanssa', days: 0 },
    { user: 'ohjaaja', name: 'Olli Ohjaaja', client: 'anni', title: 'Valmistele 2.12. verkostopalaveri: kysy Annin omat kysymykset', days: 3 },
    { user: 'ohjaaja', name: 'Olli Ohjaaja', client: 'eero', title: 'Varmista, että Eeron päihdehoitajan käynnit jatkuvat', days: -4 },
    { user: 'asiakasvastaava', name: 'Aino Asiakasvastaava', client: 'saara', title: 'Seurantasoitto Saaralle työkokeilun sujumisesta', days: 0 },
    { user: 'asiakasvastaava', name: 'Aino Asiakasvastaava', client: 'nadina', title: 'Lähetä Nadinalle selkokielinen muistilista tulkin kanssa', days: -2 },
    { user: 'valmentaja', name: 'Ville Valmentaja', client: 'eero', title: 'Kirjaa työkokeilun viikkopalaute Eeron kanssa', days: 0 },
    { user: 'valmentaja', name: 'Ville Valmentaja', client: 'mari', title: 'Tavoita Mari: kolme viikkoa ilman yhteyttä', days: -1 },
  ];
  for (const e of extras) {
    const owner = ctx.users.get(e.user);
    const clientId = ctx.clients.get(e.client);
    if (!owner || !clientId) continue;
    await insertTask(tx, {
      countyCode: ctx.countyCode,
      organizationId: owner.organizationId,
      clientId,
      title: e.title,
      ownerUserId: owner.id,
      ownerName: e.name,
      ownerOrganizationId: owner.organizationId,
      due: addDays(today, e.days),
      source: 'follow-up',
      createdBy: owner.id,
    });
  }
}

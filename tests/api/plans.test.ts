import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/contracts/plans.contracts.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { makeConsent, makeReferral, orgId, serviceOf } from './referrals.fixtures.js';

let t: TestApp;
let ohjaaja: string; // Keusote client counsellor
let valmentaja: string; // employment area coach (another organisation)
let jarjesto: string; // Lähitori NGO worker
const ids = { anni: '', eero: '', keusote: '' };

async function clientIdOf(first: string, last: string) {
  const row = await t.db.selectFrom('clients').select('id').where('first_name', '=', first).where('last_name', '=', last).executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  [ohjaaja, valmentaja, jarjesto] = [await t.login('ohjaaja'), await t.login('valmentaja'), await t.login('jarjesto')];
  ids.anni = await clientIdOf('Anni', 'Virtanen');
  ids.eero = await clientIdOf('Eero', 'Mäkinen');
  ids.keusote = (await t.db.selectFrom('organizations').select('id').where('key', '=', 'keusote').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

describe(`shared client plan on ${process.env.POLKU_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, () => {
  it("returns Anni's seeded plan in the public shape, with goals, actions, linked plans and commitments", async () => {
    const res = await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ id: expect.any(String), version: 2, reviewDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(plan.goals.length).toBeGreaterThan(0);
    expect(plan.actions[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), responsible: { kind: expect.any(String) }, status: expect.any(String) });
    expect(plan.actions[0]).toHaveProperty('due');
    expect(plan.linkedPlans.length).toBeGreaterThan(0);
    expect(plan.commitments.map((c: { participantKey: string }) => c.participantKey)).toContain('client');
    const versions = await t.call('GET', `/api/v1/clients/${ids.anni}/plan/versions`, { cookie: ohjaaja });
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('shows per plan action what is linked to it elsewhere: tasks, meeting decisions, absence steps, referrals; only this client’s', async () => {
    const before = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json() as Plan;
    const [first, second] = before.actions;
    expect(first && second).toBeTruthy();
    expect(first!.links).toEqual(expect.any(Array));
    // An agreed task through the follow-up API.
    const task = await t.call('POST', `/api/v1/clients/${ids.anni}/tasks`, { cookie: ohjaaja, body: { title: 'Soita työkokeilupaikkaan', due: '2027-01-15', planActionId: first!.id } });
    expect(task.statusCode, task.body).toBe(201);
    // A network meeting decision: a task made in the minutes of anni's meeting.
    const anni = await t.db.selectFrom('clients').select(['county_code', 'organization_id']).where('id', '=', ids.anni).executeTakeFirstOrThrow();
    const meeting = await t.db.insertInto('meetings').values({
      county_code: anni.county_code, organization_id: ids.keusote, client_id: ids.anni, starts_at: new Date('2026-11-02T10:00:00Z'),
      network_map: JSON.stringify([]) as never, status: 'held',
    }).returning('id').executeTakeFirstOrThrow();
    const decision = await t.db.insertInto('followup_tasks').values({
      county_code: anni.county_code, organization_id: ids.keusote, client_id: ids.anni, title: 'Päätös: haetaan kuntouttavaan työtoimintaan',
      owner_name: 'Olli Ohjaaja', owner_user_id: null, owner_organization_id: ids.keusote, due: '2026-12-01', outcome_note: null, meeting_id: meeting.id,
      plan_action_id: second!.id, referral_id: null, completed_at: null, completed_by: null, created_by: null, source: 'meeting',
    }).returning('id').executeTakeFirstOrThrow();
    // A school-absence step linked to the action (0831).
    const step = await t.db.insertInto('absence_steps').values({
      client_id: ids.anni, county_code: anni.county_code, organization_id: ids.keusote, unit_id: null, school_year: '2026-2027', code: 'school-meeting',
      done_on: '2026-11-10', follow_up_date: null, responsible_person: null, participants: null, agreed: null, support_measures: null,
      meeting_id: null, concern_id: null, plan_action_id: first!.id, recorded_by: null,
    }).returning('id').executeTakeFirstOrThrow();
    // A referral made from the action.
    await makeConsent(t, ohjaaja, ids.anni, [await orgId(t, 'lahitori')]); // jarjesto's NGO: it already works with anni
    const referralId = await makeReferral(t, ohjaaja, ids.anni, await serviceOf(t, 'lahitori'), { planActionId: second!.id });
    // Another client's task pointing at anni's action must not show on anni's plan.
    const eero = await t.db.selectFrom('clients').select(['county_code', 'organization_id']).where('id', '=', ids.eero).executeTakeFirstOrThrow();
    await t.db.insertInto('followup_tasks').values({
      county_code: eero.county_code, organization_id: eero.organization_id, client_id: ids.eero, title: 'Eeron oma tehtävä', owner_name: 'Eero',
      owner_user_id: null, owner_organization_id: null, due: '2026-12-24', outcome_note: null, meeting_id: null, plan_action_id: first!.id,
      referral_id: null, completed_at: null, completed_by: null, created_by: null,
    }).execute();

    const res = await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja });
    expect(res.statusCode).toBe(200);
    const plan = res.json() as Plan;
    const linksOf = (id: string) => plan.actions.find((a) => a.id === id)!.links!;
    expect(linksOf(first!.id)).toEqual(expect.arrayContaining([
      { kind: 'task', id: task.json().id, title: 'Soita työkokeilupaikkaan', status: 'open', date: '2027-01-15', meetingId: null },
      { kind: 'absence-step', id: step.id, title: 'school-meeting', status: 'done', date: '2026-11-10', meetingId: null },
    ]));
    expect(linksOf(first!.id).map((l) => l.title)).not.toContain('Eeron oma tehtävä');
    expect(linksOf(second!.id)).toContainEqual(expect.objectContaining({ kind: 'referral', id: referralId, status: expect.any(String), title: expect.any(String) }));
    expect(linksOf(second!.id)).toContainEqual({
      kind: 'meeting-decision', id: decision.id, title: 'Päätös: haetaan kuntouttavaan työtoimintaan', status: 'open', date: '2026-12-01', meetingId: meeting.id,
    });
    // Saving the plan keeps the actions' identity, so the links survive a new version.
    const saved = await t.call('PUT', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja, body: { ...editable(plan), version: plan.version } });
    expect(saved.statusCode, saved.body).toBe(200);
    const again = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json() as Plan;
    expect(again.actions.find((a) => a.id === first!.id)!.links!.map((l) => l.id)).toEqual(expect.arrayContaining([task.json().id, step.id]));
    expect(again.actions.find((a) => a.id === second!.id)!.links!.map((l) => l.id)).toContain(decision.id);
    // The read was audited as a plan read, and a refused organisation still gets 404 with no links.
    const audit = await t.db.selectFrom('audit_log').select('action').where('client_id', '=', ids.anni).where('action', '=', 'plan.read').where('allowed', '=', true).execute();
    expect(audit.length).toBeGreaterThan(0);
    expect((await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: valmentaja })).statusCode).toBe(404);
  });

  it('refuses another organisation without a relationship with 404 and audits the refusal', async () => {
    const res = await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: valmentaja });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    const pdf = await t.call('GET', `/api/v1/clients/${ids.anni}/plan.pdf`, { cookie: valmentaja });
    expect(pdf.statusCode).toBe(404);
    const put = await t.call('PUT', `/api/v1/clients/${ids.anni}/plan`, { cookie: valmentaja, body: { version: 1 } });
    expect(put.statusCode).toBe(404);
    const denied = await t.db.selectFrom('audit_log').select('action').where('client_id', '=', ids.anni).where('allowed', '=', false).execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['plan.read', 'plan.pdf', 'plan.update']));
  });

  it('saves a new version, records who changed what, appends a path step and tells the client', async () => {
    const before = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json();
    const body = {
      ...editable(before),
      version: before.version,
      clientView: 'Haluan asua kotona mahdollisimman pitkään.',
      actions: [
        ...editable(before).actions,
        { title: 'Tasapainoryhmä kahdesti viikossa', responsible: { kind: 'client' }, startsAt: '2026-12-01', due: '2027-02-28', status: 'planned', indicator: 'Käynnit kirjattu' },
      ],
    };
    const res = await t.call('PUT', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja, body });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    expect(after.version).toBe(before.version + 1);
    expect(after.actions).toHaveLength(before.actions.length + 1);
    // Kept actions keep their ids so their history reads right.
    expect(after.actions[0].id).toBe(before.actions[0].id);
    const versions = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan/versions`, { cookie: ohjaaja })).json().items;
    expect(versions[0]).toMatchObject({ version: after.version, changedBy: 'Olli Ohjaaja', changes: ['actions', 'clientView'] });
    const snapshot = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan/versions/${before.version}`, { cookie: ohjaaja })).json();
    expect(snapshot.snapshot.actions).toHaveLength(before.actions.length);
    const steps = await t.db.selectFrom('path_events').select(['kind', 'phase']).where('client_id', '=', ids.anni).where('kind', '=', 'plan-version').execute();
    expect(steps).toEqual([{ kind: 'plan-version', phase: 'follow-up' }]);
    const told = await t.db.selectFrom('client_notifications').select('kind').where('client_id', '=', ids.anni).where('kind', '=', 'plan-updated').execute();
    expect(told).toHaveLength(1);
  });

  it('answers a stale edit with 409 and the current version, writing nothing', async () => {
    const current = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json();
    const stale = await t.call('PUT', `/api/v1/clients/${ids.anni}/plan`, {
      cookie: ohjaaja,
      body: { ...editable(current), version: current.version - 1, situationSummary: 'Vanha' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale_version', details: { currentVersion: current.version } });
    expect(stale.json().error.message).toContain('Joku muu');
    const action = current.actions[0];
    const staleStatus = await t.call('PATCH', `/api/v1/clients/${ids.anni}/plan/actions/${action.id}`, { cookie: ohjaaja, body: { version: 1, status: 'done' } });
    expect(staleStatus.statusCode).toBe(409);
    const again = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json();
    expect(again.version).toBe(current.version);
    expect(again.situationSummary).toBe(current.situationSummary);
  });

  it('rejects an unknown responsible organisation with 400 in the asked language and keeps the plan', async () => {
    const current = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json();
    const res = await t.call('PUT', `/api/v1/clients/${ids.anni}/plan`, {
      cookie: ohjaaja,
      lang: 'sv',
      body: { ...editable(current), version: current.version, actions: [{ title: 'X', responsible: { kind: 'organization', organizationId: '00000000-0000-4000-8000-000000000000' } }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('unknown_responsible');
    expect(res.json().error.message).toContain('organisationen');
    expect((await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json().version).toBe(current.version);
  });

  it('changes one action status as a new version and lets participants confirm their commitment', async () => {
    const current = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja })).json();
    const open = current.actions.find((a: { status: string }) => a.status !== 'done');
    const res = await t.call('PATCH', `/api/v1/clients/${ids.anni}/plan/actions/${open.id}`, { cookie: ohjaaja, body: { version: current.version, status: 'done' } });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.version).toBe(current.version + 1);
    expect(plan.actions.find((a: { id: string }) => a.id === open.id).status).toBe('done');
    const mine = `org:${ids.keusote}`;
    const ok = await t.call('POST', `/api/v1/clients/${ids.anni}/plan/commitments`, { cookie: ohjaaja, body: { version: plan.version, participantKey: mine } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().commitments.find((c: { participantKey: string }) => c.participantKey === mine)).toMatchObject({ state: 'confirmed', confirmedByName: 'Olli Ohjaaja' });
    // Lähitori takes part but cannot confirm for Keusote.
    const other = await t.call('POST', `/api/v1/clients/${ids.anni}/plan/commitments`, { cookie: jarjesto, body: { version: plan.version, participantKey: mine } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.code).toBe('not_a_participant');
  });

  it('lets the client read their own plan and confirm for themself, but not edit it', async () => {
    const anni = await t.login('anni');
    const plan = (await t.call('GET', `/api/v1/clients/${ids.anni}/plan`, { cookie: anni })).json();
    const confirm = await t.call('POST', `/api/v1/clients/${ids.anni}/plan/commitments`, { cookie: anni, body: { version: plan.version, participantKey: 'client' } });
    expect(confirm.statusCode).toBe(200);
    const edit = await t.call('PUT', `/api/v1/clients/${ids.anni}/plan`, { cookie: anni, body: { ...editable(plan), version: plan.version } });
    expect(edit.statusCode).toBe(403);
    expect((await t.call('GET', `/api/v1/clients/${ids.eero}/plan`, { cookie: anni })).statusCode).toBe(404);
  });

  it('keeps ONE plan per client: a second plan is a 409', async () => {
    const res = await t.call('POST', `/api/v1/clients/${ids.anni}/plan`, { cookie: ohjaaja, body: { situationSummary: 'Toinen' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('plan_exists');
  });

  it('gives the client version in plain language with whom to contact and the next steps', async () => {
    const res = await t.call('GET', `/api/v1/clients/${ids.anni}/plan/client-version?lang=fi`, { cookie: ohjaaja });
    expect(res.statusCode).toBe(200);
    const headings = res.json().sections.map((s: { heading: string }) => s.heading);
    expect(headings).toEqual(expect.arrayContaining(['Seuraavat askeleet', 'Keneen voit ottaa yhteyttä']));
    const contacts = res.json().sections.find((s: { heading: string }) => s.heading === 'Keneen voit ottaa yhteyttä').lines.join('\n');
    expect(contacts).toMatch(/puhelin \d/);
  });

  it.each(['fi', 'sv', 'en'])('prints the client version as a PDF in %s', async (lang) => {
    const res = await t.call('GET', `/api/v1/clients/${ids.anni}/plan.pdf?lang=${lang}`, { cookie: ohjaaja });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(1500);
  });

  it('rejects an unknown PDF language with 400', async () => {
    const res = await t.call('GET', `/api/v1/clients/${ids.anni}/plan.pdf?lang=de`, { cookie: ohjaaja });
    expect(res.statusCode).toBe(400);
  });
});

describe('client relationships and what the client is told', () => {
  it('lists relationships with the coordinating one first and named workers with contact details', async () => {
    const res = await t.call('GET', `/api/v1/clients/${ids.eero}/relationships`, { cookie: valmentaja });
    expect(res.statusCode).toBe(200);
    const [first] = res.json().items;
    expect(first).toMatchObject({ holdsCoordination: true, responsible: { name: 'Ville Valmentaja', phone: expect.any(String) } });
    expect(first.coordinationNote).toContain('omavalmentaja');
  });

  it('changing the responsible worker tells the client the new name and phone, and adds a path step', async () => {
    const rels = (await t.call('GET', `/api/v1/clients/${ids.anni}/relationships`, { cookie: ohjaaja })).json().items;
    const own = rels.find((r: { organization: { id: string } }) => r.organization.id === ids.keusote);
    const aino = (await t.db.selectFrom('users').select('id').where('username', '=', 'asiakasvastaava').executeTakeFirstOrThrow()).id;
    const res = await t.call('PATCH', `/api/v1/clients/${ids.anni}/relationships/${own.id}`, { cookie: ohjaaja, body: { responsibleUserId: aino, coordinationUntil: '2027-03-31' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ responsible: { name: 'Aino Asiakasvastaava' }, coordinationUntil: '2027-03-31' });
    const anni = await t.login('anni');
    const told = (await t.call('GET', `/api/v1/clients/${ids.anni}/notifications`, { cookie: anni })).json().items;
    expect(told[0]).toMatchObject({ kind: 'worker-changed', worker: { name: 'Aino Asiakasvastaava', phone: '040 100 0004' } });
    expect(told[0].message).toContain('Uusi omatyöntekijäsi on Aino Asiakasvastaava');
  });

  it("refuses to change another organisation's relationship (404) and a worker of another organisation (400)", async () => {
    const rels = (await t.call('GET', `/api/v1/clients/${ids.anni}/relationships`, { cookie: ohjaaja })).json().items;
    const lahitori = rels.find((r: { organization: { id: string } }) => r.organization.id !== ids.keusote);
    const foreign = await t.call('PATCH', `/api/v1/clients/${ids.anni}/relationships/${lahitori.id}`, { cookie: ohjaaja, body: { end: true } });
    expect(foreign.statusCode).toBe(404);
    const own = rels.find((r: { organization: { id: string } }) => r.organization.id === ids.keusote);
    const ville = (await t.db.selectFrom('users').select('id').where('username', '=', 'valmentaja').executeTakeFirstOrThrow()).id;
    const wrong = await t.call('PATCH', `/api/v1/clients/${ids.anni}/relationships/${own.id}`, { cookie: ohjaaja, body: { responsibleUserId: ville } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('worker_not_in_organization');
  });
});

/** The editable content of a plan as the editor sends it back. */
function editable(p: Plan) {
  return {
    situationSummary: p.situationSummary,
    clientOwnGoals: p.clientOwnGoals,
    goals: { shortTerm: p.goals.filter((g) => g.term === 'short').map((g) => g.text), longTerm: p.goals.filter((g) => g.term === 'long').map((g) => g.text) },
    actions: p.actions.map((a) => ({
      id: a.id,
      title: a.title,
      responsible:
        a.responsible.kind === 'organization'
          ? { kind: 'organization', organizationId: a.responsible.organizationId, userId: a.responsible.userId }
          : a.responsible.kind === 'client'
            ? { kind: 'client' }
            : { kind: 'close-one', name: a.responsible.name },
      startsAt: a.startsAt,
      due: a.due,
      status: a.status,
      indicator: a.indicator,
      serviceId: a.serviceId,
      serviceName: a.serviceName,
    })),
    services: p.services.map((s) => ({ serviceId: s.serviceId, name: s.name, providerName: s.providerName })),
    reviewDate: p.reviewDate,
    clientView: p.clientView,
    professionalView: p.professionalView,
    linkedPlans: p.linkedPlans.map((l) => ({ type: l.type, ownerOrganizationId: l.ownerOrganizationId, ownerName: l.ownerName, date: l.date, note: l.note })),
  };
}

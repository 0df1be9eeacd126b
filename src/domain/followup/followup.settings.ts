import type { FollowupSettingsBody, FollowupSettingsView } from '../../contracts/followup.contracts.js';
import type { Tx } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from '../identity/actor.js';
import { badRequest, forbidden } from '../shared/errors.js';
import * as repo from './followup.repository.js';
import { DEFAULT_FOLLOWUP_SETTINGS, mergeSettings, type FollowupSettings, type StatutoryDeadlineRule } from './followup.rules.js';
import { settingsFor } from './followup.service.js';

const editableScope = (actor: Actor) => (actor.role === 'admin' ? 'county' : actor.role === 'manager' ? 'organization' : null);

/** Verify-and-follow defaults and alert thresholds in force for the caller's organisation, and where they come from. */
export async function getFollowupSettings(tx: Tx, actor: Actor): Promise<FollowupSettingsView> {
  if (actor.role === 'client') throw forbidden();
  const [county, own] = await Promise.all([repo.settingsLayer(tx, actor.countyCode, null), repo.settingsLayer(tx, actor.countyCode, actor.organizationId)]);
  return {
    ...(await settingsFor(tx, actor)),
    scope: { editable: editableScope(actor), countyOverride: !!county, organizationOverride: !!own },
  };
}

const unknownRule = (key: string) =>
  badRequest('unknown_deadline', {
    fi: `Lakisääteistä määräaikaa "${key}" ei ole.`,
    sv: `Den lagstadgade tidsfristen "${key}" finns inte.`,
    en: `There is no statutory deadline "${key}".`,
  });
const wrongUnit = (key: string) =>
  badRequest('wrong_deadline_unit', {
    fi: `Määräaika "${key}" lasketaan eri yksikössä (arkipäivät tai kalenteripäivät).`,
    sv: `Tidsfristen "${key}" räknas i en annan enhet (vardagar eller kalenderdagar).`,
    en: `The deadline "${key}" is counted in the other unit (working days or calendar days).`,
  });

/** The day counts of the statutory rules changed by key; labels and triggers always come from code. */
function applyDeadlineDays(rules: readonly StatutoryDeadlineRule[], changes: NonNullable<FollowupSettingsBody['statutoryDeadlines']>): StatutoryDeadlineRule[] {
  const out = rules.map((r) => ({ ...r }));
  for (const c of changes) {
    const rule = out.find((r) => r.key === c.key);
    if (!rule) throw unknownRule(c.key);
    if ((c.workingDays !== undefined && rule.workingDays === undefined) || (c.calendarDays !== undefined && rule.calendarDays === undefined)) throw wrongUnit(c.key);
    if (c.workingDays !== undefined) rule.workingDays = c.workingDays;
    if (c.calendarDays !== undefined) rule.calendarDays = c.calendarDays;
    if (c.warnDaysBefore !== undefined) rule.warnDaysBefore = c.warnDaysBefore;
  }
  // Only the numbers are stored: a label fixed later in code reaches every county.
  return out.map((r) => ({ ...r, label: DEFAULT_FOLLOWUP_SETTINGS.statutoryDeadlines.find((d) => d.key === r.key)?.label ?? r.label }));
}

/**
 * A manager sets the organisation's override; an admin the county default. The given values are
 * merged onto the layer's stored ones (a value not sent stays as it was).
 */
export async function saveFollowupSettings(tx: Tx, actor: Actor, input: FollowupSettingsBody): Promise<FollowupSettingsView> {
  const scope = editableScope(actor);
  if (!scope) throw forbidden();
  const organizationId = scope === 'county' ? null : actor.organizationId;
  const stored = (await repo.settingsLayer(tx, actor.countyCode, organizationId)) ?? {};
  const { statutoryDeadlines, ...numbers } = input;
  const next: Partial<FollowupSettings> = { ...stored, ...Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)) };
  if (statutoryDeadlines?.length) {
    const inForce = mergeSettings(...(await repo.settingsLayers(tx, actor.countyCode, actor.organizationId)));
    next.statutoryDeadlines = applyDeadlineDays(next.statutoryDeadlines ?? inForce.statutoryDeadlines, statutoryDeadlines);
  }
  await repo.upsertSettings(tx, actor.countyCode, organizationId, next as Record<string, unknown>, actor.userId);
  await recordAudit(tx, actor, { action: 'followup.settings-update', basis: actor.role, allowed: true, details: { scope, ...input } });
  return getFollowupSettings(tx, actor);
}

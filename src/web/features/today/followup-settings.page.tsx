import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupSettingsBody, FollowupSettingsView } from '../../../contracts/followup.contracts.js';
import { Button, Card, ErrorMessage, LoadingState, PageHeader, TextField } from '../../ui/index.js';
import { useFollowupSettings, useSaveFollowupSettings } from './followup.api.js';
import './today.css';

type Lang = 'fi' | 'sv' | 'en';
type NumberKey = 'adviceFollowUpCallDays' | 'guidanceCheckAfterActionDays' | 'intensiveContactDays' | 'intensiveCaseloadLimit' | 'referralNotReceivedDays' | 'referralNotAcceptedDays';

/** The settings grouped by guidance level, as the seed's "Varmista ja seuraa" describes them. */
const GROUPS: { key: string; fields: { key: NumberKey; max: number }[] }[] = [
  { key: 'advice', fields: [{ key: 'adviceFollowUpCallDays', max: 365 }] },
  { key: 'guidance', fields: [{ key: 'guidanceCheckAfterActionDays', max: 365 }] },
  { key: 'intensive', fields: [{ key: 'intensiveContactDays', max: 365 }, { key: 'intensiveCaseloadLimit', max: 200 }] },
  { key: 'referrals', fields: [{ key: 'referralNotReceivedDays', max: 90 }, { key: 'referralNotAcceptedDays', max: 90 }] },
];

/** Seurannan asetukset: the organisation's (manager) or county's (admin) follow-up defaults and alert limits. */
export default function FollowupSettingsPage() {
  const { t } = useTranslation('today');
  const settings = useFollowupSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {settings.isPending && <LoadingState />}
      {settings.error && <ErrorMessage error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <SettingsForm current={settings.data} />}
    </>
  );
}

function SettingsForm({ current }: { current: FollowupSettingsView }) {
  const { t, i18n } = useTranslation('today');
  const lang = (['fi', 'sv', 'en'].includes(i18n.language) ? i18n.language : 'fi') as Lang;
  const save = useSaveFollowupSettings();
  const [values, setValues] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(GROUPS.flatMap((g) => g.fields).map((f) => [f.key, String(current[f.key])])),
    ...Object.fromEntries(current.statutoryDeadlines.map((r) => [`deadline:${r.key}`, String(r.workingDays ?? r.calendarDays ?? '')])),
  }));
  const [saved, setSaved] = useState(false);
  const readOnly = current.scope.editable === null;
  const set = (key: string, value: string) => {
    setSaved(false);
    setValues({ ...values, [key]: value });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: FollowupSettingsBody = {};
    for (const f of GROUPS.flatMap((g) => g.fields)) body[f.key] = Number(values[f.key]);
    body.statutoryDeadlines = current.statutoryDeadlines.map((r) => ({
      key: r.key,
      ...(r.workingDays !== undefined ? { workingDays: Number(values[`deadline:${r.key}`]) } : { calendarDays: Number(values[`deadline:${r.key}`]) }),
    }));
    save.mutate(body, { onSuccess: () => setSaved(true) });
  };

  return (
    <form className="followup-settings" onSubmit={submit} aria-describedby="followup-settings-scope">
      <p id="followup-settings-scope" className="followup-settings__scope">
        {t(`settings.scope.${current.scope.editable ?? 'readOnly'}`)}
        {current.scope.organizationOverride && current.scope.editable === 'county' ? ` ${t('settings.scope.orgOverrides')}` : ''}
      </p>
      {GROUPS.map((g) => (
        <Card key={g.key} title={t(`settings.group.${g.key}`)}>
          <p className="followup-settings__hint">{t(`settings.groupHint.${g.key}`)}</p>
          <div className="followup-settings__row">
            {g.fields.map((f) => (
              <TextField
                key={f.key}
                label={t(`settings.field.${f.key}`)}
                hint={t(`settings.unit.${f.key === 'intensiveCaseloadLimit' ? 'clients' : 'days'}`)}
                type="number"
                inputMode="numeric"
                min={1}
                max={f.max}
                required
                readOnly={readOnly}
                value={values[f.key] ?? ''}
                onChange={(e) => set(f.key, e.target.value)}
              />
            ))}
          </div>
        </Card>
      ))}
      <Card title={t('settings.group.statutory')}>
        <p className="followup-settings__hint">{t('settings.groupHint.statutory')}</p>
        <div className="followup-settings__row">
          {current.statutoryDeadlines.map((r) => (
            <TextField
              key={r.key}
              label={r.label[lang]}
              hint={t(r.workingDays !== undefined ? 'settings.unit.workingDays' : 'settings.unit.calendarDays')}
              type="number"
              inputMode="numeric"
              min={1}
              max={r.workingDays !== undefined ? 60 : 365}
              required
              readOnly={readOnly}
              value={values[`deadline:${r.key}`] ?? ''}
              onChange={(e) => set(`deadline:${r.key}`, e.target.value)}
            />
          ))}
        </div>
      </Card>
      {save.error && <ErrorMessage error={save.error} />}
      {saved && (
        <p className="followup-settings__saved" role="status">
          <span aria-hidden="true">✓ </span>
          {t('settings.saved')}
        </p>
      )}
      {!readOnly && (
        <Button type="submit" variant="primary" busy={save.isPending}>
          {t(current.scope.editable === 'county' ? 'settings.saveCounty' : 'settings.saveOrganization')}
        </Button>
      )}
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Field, TextField } from '../../ui/index.js';

const GROUPS = ['close-one', 'professional', 'ngo-worker', 'support-person', 'experience-expert', 'other'] as const;
export type MapGroup = (typeof GROUPS)[number];
export interface MapEntry {
  name: string;
  relation: string;
  group: MapGroup;
  invite: boolean;
}

/** The network map drawn with the client, grouped; a person added here can also be invited. */
export function NetworkMapEditor({ entries, onChange }: { entries: MapEntry[]; onChange: (next: MapEntry[]) => void }) {
  const { t } = useTranslation('meetings');
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [group, setGroup] = useState<MapGroup>('close-one');
  const add = () => {
    if (!name.trim() || !relation.trim()) return;
    onChange([...entries, { name: name.trim(), relation: relation.trim(), group, invite: true }]);
    setName('');
    setRelation('');
  };
  return (
    <>
      <div className="network-map">
        {GROUPS.filter((g) => entries.some((e) => e.group === g)).map((g) => (
          <div key={g} className="network-map__group">
            <h3 className="network-map__title">{t(`group.${g}`)}</h3>
            <ul className="meeting-checks">
              {entries.map((e, i) =>
                e.group !== g ? null : (
                  <li key={`${e.name}-${i}`} className="network-map__person">
                    <span>
                      {e.name} <span className="meeting-muted">– {e.relation}</span>
                    </span>
                    <label className="network-map__invite">
                      <input type="checkbox" checked={e.invite} onChange={(ev) => onChange(entries.map((x, j) => (j === i ? { ...x, invite: ev.target.checked } : x)))} /> {t('prepare.invite')}
                    </label>
                    <Button size="small" variant="quiet" aria-label={t('prepare.remove', { name: e.name })} onClick={() => onChange(entries.filter((_, j) => j !== i))}>
                      ✕
                    </Button>
                  </li>
                ),
              )}
            </ul>
          </div>
        ))}
      </div>
      <fieldset className="meeting-form__row meeting-fieldset">
        <legend>{t('prepare.addPerson')}</legend>
        <TextField label={t('prepare.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label={t('prepare.relation')} value={relation} onChange={(e) => setRelation(e.target.value)} />
        <Field label={t('prepare.groupLabel')}>
          {(control) => (
            <select className="input" {...control} value={group} onChange={(e) => setGroup(e.target.value as MapGroup)}>
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`group.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button onClick={add}>{t('prepare.addPerson')}</Button>
      </fieldset>
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentHistory, GuidanceLevel, ProfileInput, SegmentCode } from '../../../contracts/clients.contracts.js';
import { Button, Card, ErrorMessage, Field, LoadingState } from '../../ui/index.js';
import { fetchSuggestion, useAssessments, useSaveAssessment } from './clients.api.js';
import { formatDate } from './format.js';
import { Check } from './register-client.page.js';

const SCALES = ['everydayLife', 'resources', 'health', 'channel', 'network', 'coordination'] as const;
const SEGMENTS: SegmentCode[] = ['omatoimi', 'yhteiso', 'yhteistyo', 'verkosto'];
const LEVELS: GuidanceLevel[] = ['neuvonta-ja-ohjaus', 'asiakasohjaus', 'intensiivinen-palveluohjaus'];
const MIDDLE: ProfileInput = { everydayLife: 4, resources: 4, health: 4, channel: 4, network: 4, coordination: 4 };

function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return v;
}

function Sliders({ profile, onChange }: { profile: ProfileInput; onChange: (p: ProfileInput) => void }) {
  const { t } = useTranslation('clients');
  return (
    <div className="sliders">
      {SCALES.map((s) => {
        const [left, right] = t(`assessment.scales.${s}`, { returnObjects: true }) as [string, string];
        const id = `scale-${s}`;
        return (
          <div key={s} className="slider">
            <label htmlFor={id} className="slider__label">{left} ↔ {right}</label>
            <div className="slider__row">
              <span aria-hidden="true" className="slider__end">{left}</span>
              <input
                id={id}
                type="range"
                min={0}
                max={9}
                step={1}
                value={profile[s]}
                aria-valuetext={`${profile[s]} / 9`}
                onChange={(e) => onChange({ ...profile, [s]: Number(e.target.value) })}
              />
              <span aria-hidden="true" className="slider__end">{right}</span>
              <output htmlFor={id} className="slider__value">{profile[s]}</output>
            </div>
          </div>
        );
      })}
    </div>
  );
}

function History({ data }: { data: AssessmentHistory }) {
  const { t } = useTranslation('clients');
  if (data.items.length === 0) return <p>{t('assessment.none')}</p>;
  return (
    <>
      {data.movements.length > 0 && (
        <>
          <h3 className="subheading">{t('assessment.movement')}</h3>
          <ul className="plain-list">
            {data.movements.map((m) => (
              <li key={m.at}>{formatDate(m.at)}: {t(`segments.${m.from}`)} → {t(`segments.${m.to}`)} ({t(`levels.${m.levelFrom}`)} → {t(`levels.${m.levelTo}`)})</li>
            ))}
          </ul>
        </>
      )}
      <ol className="plain-list" reversed>
        {[...data.items].reverse().map((a) => (
          <li key={a.id}>
            <strong>{formatDate(a.at)}</strong> – {t(`segments.${a.segment}`)}, {t(`levels.${a.level}`)}
            <div>{t('assessment.by', { name: a.assessedByName, org: a.organizationName })} {a.overridden ? t('assessment.overridden') : t('assessment.confirmed')}</div>
            {a.overrideReason && <div>{t('assessment.overrideReason')}: {a.overrideReason}</div>}
          </li>
        ))}
      </ol>
    </>
  );
}

/** The six scales of seed 004, the rules' suggestion with its reasons, and the professional's decision. */
export function AssessmentTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation('clients');
  const history = useAssessments(clientId);
  const save = useSaveAssessment(clientId);
  const [profile, setProfile] = useState<ProfileInput | null>(null);
  const [special, setSpecial] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const [segment, setSegment] = useState<SegmentCode>('omatoimi');
  const [level, setLevel] = useState<GuidanceLevel>('neuvonta-ja-ohjaus');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const current = profile ?? history.data?.items.at(-1)?.profile ?? MIDDLE;
  const debounced = useDebounced(current);
  const suggestion = useQuery({ queryKey: ['suggestion', clientId, debounced, special], queryFn: () => fetchSuggestion(clientId, debounced, special) });

  const submit = async (override: boolean) => {
    setSaved(false);
    await save.mutateAsync({ profile: current, specialSupportNeed: special, ...(override ? { segment, level, overrideReason: reason } : {}) });
    setOverriding(false);
    setReason('');
    setSaved(true);
  };

  const s = suggestion.data;
  return (
    <div className="tab-grid">
      <Card title={t('assessment.title')}>
        <p>{t('assessment.intro')}</p>
        <Sliders profile={current} onChange={(p) => { setProfile(p); setSaved(false); }} />
        <Check label={t('assessment.specialSupport')} checked={special} onChange={setSpecial} />
      </Card>
      <Card title={t('assessment.suggestion')}>
        {suggestion.isPending && <LoadingState />}
        {suggestion.isError && <ErrorMessage error={suggestion.error} />}
        {s && (
          <div aria-live="polite">
            <p className="suggestion__headline">
              {t('assessment.segment')}: <strong>{t(`segments.${s.segment.code}`)}</strong> · {t('assessment.level')}: <strong>{t(`levels.${s.level.code}`)}</strong>
            </p>
            <h3 className="subheading">{t('assessment.reasons')}</h3>
            <ul>{[...s.segment.reasons, ...s.level.reasons].map((r) => <li key={r}>{r}</li>)}</ul>
            <details>
              <summary>{t('assessment.strategy')}</summary>
              <p>{s.segment.basicStrategy}</p>
              <h4>{t('assessment.goal')}</h4>
              <p>{s.segment.goal}</p>
              <h4>{t('assessment.experience')}</h4>
              <p>{s.segment.mostImportantInClientExperience}</p>
            </details>
            <div className="button-row">
              <Button variant="primary" onClick={() => void submit(false).catch(() => undefined)} busy={save.isPending} busyLabel={t('actions.saving')}>{t('assessment.confirm')}</Button>
              <Button onClick={() => { setOverriding(true); setSegment(s.segment.code); setLevel(s.level.code); }}>{t('assessment.override')}</Button>
            </div>
            {overriding && (
              <form className="stack" onSubmit={(e) => { e.preventDefault(); void submit(true).catch(() => undefined); }}>
                <Field label={t('assessment.chosenSegment')}>
                  {(c) => <select className="input" {...c} value={segment} onChange={(e) => setSegment(e.target.value as SegmentCode)}>{SEGMENTS.map((x) => <option key={x} value={x}>{t(`segments.${x}`)}</option>)}</select>}
                </Field>
                <Field label={t('assessment.chosenLevel')}>
                  {(c) => <select className="input" {...c} value={level} onChange={(e) => setLevel(e.target.value as GuidanceLevel)}>{LEVELS.map((x) => <option key={x} value={x}>{t(`levels.${x}`)}</option>)}</select>}
                </Field>
                <Field label={t('assessment.overrideReason')}>{(c) => <textarea className="input" rows={3} {...c} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
                <div className="button-row">
                  <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('actions.saving')}>{t('actions.save')}</Button>
                  <Button onClick={() => setOverriding(false)}>{t('actions.cancel')}</Button>
                </div>
              </form>
            )}
            {save.isError && <ErrorMessage error={save.error} />}
            {saved && <p role="status" className="notice">{t('assessment.saved')}</p>}
          </div>
        )}
      </Card>
      <Card title={t('assessment.history')}>
        {history.isPending && <LoadingState />}
        {history.isError && <ErrorMessage error={history.error} />}
        {history.data && <History data={history.data} />}
      </Card>
    </div>
  );
}

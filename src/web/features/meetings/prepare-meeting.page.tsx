import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { MeetingDefaults } from '../../../contracts/meetings.contracts.js';
import { Button, Card, ErrorMessage, Field, LoadingState, PageHeader, TextField } from '../../ui/index.js';
import { lines, useCreateMeeting, useMeetingClients, useMeetingDefaults } from './meetings.api.js';
import { NetworkMapEditor, type MapEntry } from './network-map.js';

const METHODS = ['network-meeting', 'family-group-conference', 'open-dialogue', 'expert-group', 'assessment-meeting'] as const;

function tomorrowAtTen(): string {
  const d = new Date(Date.now() + 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
}

export function PrepareMeetingPage() {
  const { t } = useTranslation('meetings');
  const [params, setParams] = useSearchParams();
  const clientId = params.get('asiakas') ?? '';
  // The router renders a URL change later, in a transition; until then a select bound to the URL alone
  // would show the previous client. The choice shows at once and the URL takes over when it has caught up.
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => setPicked(null), [clientId]);
  const pick = (id: string) => {
    setPicked(id);
    setParams(id ? { asiakas: id } : {});
  };
  const clients = useMeetingClients();
  const defaults = useMeetingDefaults(clientId);
  return (
    <>
      <PageHeader title={t('prepare.title')} description={t('prepare.intro')} />
      {clients.error && <ErrorMessage error={clients.error} />}
      <Field label={t('prepare.client')}>
        {(control) => (
          <select className="input" {...control} value={picked ?? clientId} onChange={(e) => pick(e.target.value)}>
            <option value="">{t('prepare.chooseClient')}</option>
            {clients.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {clientId && defaults.isPending && <LoadingState />}
      {defaults.error && <ErrorMessage error={defaults.error} />}
      {clientId && defaults.data && <PrepareForm key={clientId} clientId={clientId} defaults={defaults.data} />}
    </>
  );
}

function PrepareForm({ clientId, defaults }: { clientId: string; defaults: MeetingDefaults }) {
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const [startsAt, setStartsAt] = useState(tomorrowAtTen);
  const [duration, setDuration] = useState(90);
  const [place, setPlace] = useState('');
  const [method, setMethod] = useState<(typeof METHODS)[number]>('network-meeting');
  const [purpose, setPurpose] = useState('');
  const [map, setMap] = useState<MapEntry[]>(() => defaults.networkMap.map((e) => ({ name: e.name, relation: e.relation, group: e.group, invite: false })));
  const [invited, setInvited] = useState<Set<number>>(() => new Set(defaults.suggestedParticipants.map((_, i) => i)));
  const [questions, setQuestions] = useState('');
  const [agenda, setAgenda] = useState(defaults.agenda.join('\n'));
  const [chair, setChair] = useState('');
  const [noteTaker, setNoteTaker] = useState('');
  useEffect(() => setInvited(new Set(defaults.suggestedParticipants.map((_, i) => i))), [defaults]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fromSuggestions = defaults.suggestedParticipants.filter((p, i) => p.kind === 'client' || invited.has(i));
    const fromMap = map
      .filter((m) => m.invite && !fromSuggestions.some((p) => p.name === m.name))
      .map((m) => ({ name: m.name, role: m.relation, kind: m.group === 'other' ? ('other' as const) : m.group }));
    create.mutate(
      {
        clientId,
        body: {
          startsAt: new Date(startsAt).toISOString(),
          durationMinutes: duration,
          place,
          method,
          purpose: purpose || undefined,
          participants: [...fromSuggestions, ...fromMap],
          networkMap: map.map(({ name, relation, group }) => ({ name, relation, group })),
          clientQuestions: lines(questions),
          agenda: lines(agenda),
          chairName: chair || undefined,
          noteTakerName: noteTaker || undefined,
        },
      },
      { onSuccess: ({ id }) => navigate(`/verkostopalaverit/${id}`) },
    );
  };

  return (
    <form onSubmit={submit} className="meeting-form">
      <Card title={t('detail.facts')}>
        <div className="meeting-form__row">
          <TextField label={t('prepare.when')} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} required />
          <TextField label={t('prepare.duration')} type="number" min={15} max={480} step={15} value={duration} onChange={(e) => setDuration(Number(e.target.value))} />
        </div>
        <TextField label={t('prepare.place')} value={place} onChange={(e) => setPlace(e.target.value)} />
        <Field label={t('prepare.method')}>
          {(control) => (
            <select className="input" {...control} value={method} onChange={(e) => setMethod(e.target.value as (typeof METHODS)[number])}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {t(`method.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('prepare.purpose')}>{(control) => <textarea className="input" rows={2} {...control} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}</Field>
      </Card>
      <Card title={t('prepare.networkMap')}>
        <p className="meeting-muted">{t('prepare.networkHint')}</p>
        <NetworkMapEditor entries={map} onChange={setMap} />
      </Card>
      <Card title={t('prepare.invitees')}>
        <p className="meeting-muted">{t('prepare.inviteeHint')}</p>
        <ul className="meeting-checks">
          {defaults.suggestedParticipants.map((p, i) => (
            <li key={`${p.name}-${i}`}>
              <label>
                <input
                  type="checkbox"
                  checked={p.kind === 'client' || invited.has(i)}
                  disabled={p.kind === 'client'}
                  onChange={(e) => {
                    const next = new Set(invited);
                    if (e.target.checked) next.add(i);
                    else next.delete(i);
                    setInvited(next);
                  }}
                />{' '}
                {p.name} <span className="meeting-muted">({p.role})</span>
              </label>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('prepare.questions')}>
        <Field label={t('prepare.questionsField')} hint={t('prepare.questionsHint')}>
          {(control) => <textarea className="input" rows={3} {...control} value={questions} onChange={(e) => setQuestions(e.target.value)} />}
        </Field>
      </Card>
      <Card title={t('prepare.agenda')}>
        <Field label={t('prepare.agendaField')} hint={t('prepare.agendaHint')}>
          {(control) => <textarea className="input" rows={8} {...control} value={agenda} onChange={(e) => setAgenda(e.target.value)} />}
        </Field>
        <div className="meeting-form__row">
          <TextField label={t('prepare.chair')} value={chair} onChange={(e) => setChair(e.target.value)} />
          <TextField label={t('prepare.noteTaker')} value={noteTaker} onChange={(e) => setNoteTaker(e.target.value)} />
        </div>
      </Card>
      {create.error && <ErrorMessage error={create.error} />}
      <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('prepare.saving')}>
        {t('prepare.submit')}
      </Button>
    </form>
  );
}

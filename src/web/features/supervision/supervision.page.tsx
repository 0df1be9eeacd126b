import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth.js';
import { Button, Card, ErrorMessage, Field, LoadingState, PageHeader, Table } from '../../ui/index.js';
import { formatDateTime, useEmergencyAccesses, useReviewEmergency, useSaveTimeLimits, useTimeLimits, type EmergencyItem } from './supervision.api.js';
import './supervision.css';

/** /valvonta – for managers and admins: emergency accesses to review, and referral time limits. */
export default function SupervisionPage() {
  const { t } = useTranslation('supervision');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmergencyReview />
      <TimeLimitsForm />
    </>
  );
}

function EmergencyReview() {
  const { t, i18n } = useTranslation('supervision');
  const [all, setAll] = useState(false);
  const list = useEmergencyAccesses(all);
  const review = useReviewEmergency();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const stateOf = (r: EmergencyItem) =>
    r.reviewedAt ? (
      <>
        {t('emergency.reviewed', { at: when(r.reviewedAt), by: r.reviewer ?? '' })}
        {r.reviewNote && <div>{r.reviewNote}</div>}
      </>
    ) : (
      <form
        className="emergency-review"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          review.mutate({ id: r.id, note: notes[r.id] ?? '' });
        }}
      >
        <strong>{t('emergency.unreviewed')}</strong>
        <Field label={t('emergency.note', { user: r.user })}>
          {(c) => <input className="input" required minLength={3} value={notes[r.id] ?? ''} onChange={(e) => setNotes((n) => ({ ...n, [r.id]: e.target.value }))} {...c} />}
        </Field>
        <Button type="submit" size="small" busy={review.isPending} aria-label={t('emergency.markFor', { user: r.user, at: when(r.grantedAt) })}>
          {t('emergency.mark')}
        </Button>
      </form>
    );
  return (
    <Card title={t('emergency.title')}>
      <p>{t('emergency.description')}</p>
      <label className="supervision-check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('emergency.showAll')}
      </label>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {review.isError && <ErrorMessage error={review.error} />}
      {review.isSuccess && <p role="status">{t('emergency.done')}</p>}
      {list.data && list.data.items.length === 0 && <p>{t('emergency.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <Table<EmergencyItem>
          caption={t('emergency.caption')}
          rows={list.data.items}
          rowKey={(r) => r.id}
          columns={[
            { key: 'user', header: t('emergency.user'), isRowHeader: true, render: (r) => r.user },
            { key: 'reason', header: t('emergency.reason'), render: (r) => r.reason },
            { key: 'granted', header: t('emergency.granted'), render: (r) => when(r.grantedAt) },
            { key: 'expires', header: t('emergency.expires'), render: (r) => when(r.expiresAt) },
            { key: 'state', header: t('emergency.state'), render: stateOf },
          ]}
        />
      )}
    </Card>
  );
}

function TimeLimitsForm() {
  const { t } = useTranslation('supervision');
  const user = useCurrentUser();
  const limits = useTimeLimits();
  const save = useSaveTimeLimits();
  const [edit, setEdit] = useState<{ notReceivedDays: string; notAcceptedDays: string } | null>(null);
  const v = edit ?? { notReceivedDays: String(limits.data?.notReceivedDays ?? ''), notAcceptedDays: String(limits.data?.notAcceptedDays ?? '') };
  const set = (k: keyof typeof v) => (value: string) => setEdit({ ...v, [k]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ notReceivedDays: Number(v.notReceivedDays), notAcceptedDays: Number(v.notAcceptedDays) }, { onSuccess: () => setEdit(null) });
  };
  const number = (k: keyof typeof v, label: string) => (
    <Field label={label} hint={t('limits.hint')}>
      {(c) => <input type="number" inputMode="numeric" min={1} max={90} required className="input" value={v[k]} onChange={(e) => set(k)(e.target.value)} {...c} />}
    </Field>
  );
  return (
    <Card title={t('limits.title')}>
      <p>{t('limits.description')}</p>
      <p>{user.role === 'admin' ? t('limits.adminScope') : t('limits.managerScope')}</p>
      {limits.isError && <ErrorMessage error={limits.error} />}
      {limits.data && (
        <form className="form time-limits" onSubmit={submit}>
          {number('notReceivedDays', t('limits.notReceived'))}
          {number('notAcceptedDays', t('limits.notAccepted'))}
          {save.isError && <ErrorMessage error={save.error} />}
          {save.isSuccess && !edit && <p role="status">{t('limits.saved')}</p>}
          <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('limits.saving')}>
            {t('limits.save')}
          </Button>
        </form>
      )}
    </Card>
  );
}

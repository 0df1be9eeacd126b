import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeHandover } from '../../../contracts/handover.contracts.js';
import { Button, Card, ErrorMessage } from '../../ui/index.js';
import { finnishDate, finnishDateTime, useConfirmHandover, useHandovers } from './portal.api.js';

/**
 * Saattaen vaihtaen in Oma polku: when the client's matters move to a new worker, the client (or the
 * guardian for a child) sees who takes over, who stays responsible until then, and confirms here.
 * Renders nothing when there is no open or recently completed handover.
 */
export function HandoverNotice({ subject }: { subject?: string }) {
  const { t } = useTranslation('portal');
  const q = useHandovers(subject);
  const items = q.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <div id="oma-handover" className="portal-section portal-handover">
      <Card title={t('handover.title')}>
        <ul className="portal-cards">
          {items.map((h) => <HandoverItem key={h.id} h={h} subject={subject} />)}
        </ul>
      </Card>
    </div>
  );
}

function HandoverItem({ h, subject }: { h: MeHandover; subject?: string }) {
  const { t, i18n } = useTranslation('portal');
  const confirm = useConfirmHandover(subject);
  const [confirmed, setConfirmed] = useState(false);
  const newPlace = h.toOrganization ?? h.serviceName;
  const who = h.toWorker ? t('handover.toWorker', { worker: h.toWorker, organization: newPlace }) : t('handover.toOrganization', { organization: newPlace });
  if (h.status === 'completed') {
    return (
      <li className="portal-cards__item">
        <p><strong>{t('handover.done', { organization: newPlace })}</strong></p>
        {h.toWorker && <p>{t('handover.newWorker', { worker: h.toWorker })}</p>}
        {h.clientConfirmedAt && <p className="portal-muted">{t('handover.confirmedOn', { date: finnishDate(h.clientConfirmedAt, i18n.language) })}</p>}
        {confirmed && <p className="notice" role="status">{t('handover.thanks')}</p>}
      </li>
    );
  }
  const headingId = `handover-${h.id}`;
  return (
    <li className="portal-cards__item" aria-labelledby={headingId}>
      <p id={headingId}><strong>{who}</strong></p>
      <p>{t('handover.service', { service: h.serviceName })}</p>
      <p>{t('handover.until', { worker: h.fromWorker ?? t('handover.yourWorker'), organization: h.fromOrganization })}</p>
      {h.jointMeetingHeldAt
        ? <p>{t('handover.meetingHeld', { date: finnishDate(h.jointMeetingHeldAt, i18n.language) })}</p>
        : h.jointMeetingAt ? <p>{t('handover.meetingPlanned', { date: finnishDateTime(h.jointMeetingAt, i18n.language) })}</p> : null}
      {h.canConfirm ? (
        <>
          <p>{t('handover.question')}</p>
          <Button variant="primary" busy={confirm.isPending} busyLabel={t('handover.confirming')}
            onClick={() => confirm.mutate(h.id, { onSuccess: () => setConfirmed(true) })}>
            {t('handover.confirm')}
          </Button>
          <p className="portal-muted">{t('handover.notSure')}</p>
        </>
      ) : (
        <p className="portal-muted">{t('handover.notYet')}</p>
      )}
      {confirm.isError && <ErrorMessage error={confirm.error} />}
    </li>
  );
}

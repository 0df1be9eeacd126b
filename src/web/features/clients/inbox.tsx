import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { Concern } from '../../../contracts/clients.contracts.js';
import { Button, Card, ErrorMessage, LoadingState } from '../../ui/index.js';
import { formatDate } from './format.js';

const inboxKey = ['concerns', 'inbox'] as const;

/** Social services' inbox of SHL 35 § contacts and child-protection notifications, urgent first. */
export function ConcernInbox() {
  const { t } = useTranslation('clients');
  const qc = useQueryClient();
  const inbox = useQuery({ queryKey: inboxKey, queryFn: () => api.get<{ items: Concern[] }>('/concerns/inbox') });
  const receive = useMutation({
    mutationFn: (id: string) => api.post<Concern>(`/concerns/${id}/receive`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKey }),
  });
  return (
    <Card title={t('inbox.title')}>
      {inbox.isPending && <LoadingState />}
      {inbox.isError && <ErrorMessage error={inbox.error} />}
      {inbox.data && inbox.data.items.length === 0 && <p>{t('inbox.empty')}</p>}
      {inbox.data && inbox.data.items.length > 0 && (
        <ul className="concern-list">
          {inbox.data.items.map((k) => (
            <li key={k.id} className={`concern concern--${k.urgency}`}>
              <p className="concern__meta">
                <strong>{t(`concern.urgencies.${k.urgency}`)}</strong> · {formatDate(k.at)} · {k.raisedByOrganization} ({k.noticedByRole})
              </p>
              <p>
                <strong>{k.clientName}</strong> ({formatDate(k.clientBirthDate)}) – {t(`concern.routes.${k.route}`)}
              </p>
              <p>{k.what}</p>
              {k.status === 'sent' ? (
                <Button size="small" variant="primary" onClick={() => receive.mutate(k.id)} busy={receive.isPending && receive.variables === k.id}>
                  {t('inbox.receive')}
                </Button>
              ) : (
                <p className="status">
                  {t('concern.status.received')} {k.clientId && <Link to={k.clientId}>{t('inbox.open')}</Link>}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {receive.isError && <ErrorMessage error={receive.error} />}
    </Card>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, ErrorMessage, LoadingState } from '../../ui/index.js';
import { fetchServiceHistory } from './catalog.api.js';

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
};

/** Who changed what and when: the service's edit history (own organisation's editors only). */
export function ServiceHistoryView({ id }: { id: string }) {
  const { t, i18n } = useTranslation('catalog');
  const query = useQuery({ queryKey: ['catalog', 'history', id], queryFn: ({ signal }) => fetchServiceHistory(id, signal) });
  return (
    <Card title={t('history.title')}>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ol className="catalog-history">
          {query.data.items.map((h) => (
            <li key={h.version}>
              <p>
                <strong>{t(`history.actions.${h.action}`, { defaultValue: h.action })}</strong>
                {' · '}
                <time dateTime={h.changedAt}>{new Date(h.changedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : `${i18n.language}-FI`)}</time>
                {' · '}
                {h.changedBy ?? t('history.unknownUser')}
                {' · '}
                {t('history.version', { version: h.version })}
              </p>
              {h.action === 'update' && (
                <ul>
                  {Object.entries(h.changes).map(([field, change]) => {
                    const c = change as { from?: unknown; to?: unknown } | null;
                    return (
                      <li key={field}>
                        <code>{field}</code>: {show(c?.from)} → {show(c?.to)}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { CaseloadResponse, ClientListItem } from '../../../contracts/clients.contracts.js';
import { Button, Card, EmptyState, ErrorMessage, LoadingState, PageHeader, Table, TextField, type TableColumn } from '../../ui/index.js';
import { useCurrentUser } from '../../app/auth.js';
import { useCaseload, useClientSearch } from './clients.api.js';
import { ConcernInbox } from './inbox.js';
import { formatDate } from './format.js';

function useColumns(): TableColumn<ClientListItem>[] {
  const { t } = useTranslation('clients');
  return [
    { key: 'name', header: t('columns.name'), isRowHeader: true, render: (c) => <Link to={c.id}>{`${c.lastName} ${c.firstName}`}</Link> },
    { key: 'birth', header: t('columns.birthDate'), render: (c) => formatDate(c.birthDate) },
    { key: 'age', header: t('columns.age'), align: 'end', render: (c) => c.age },
    { key: 'municipality', header: t('columns.municipality'), render: (c) => c.municipalityName ?? '–' },
    { key: 'level', header: t('columns.level'), render: (c) => (c.level ? t(`levels.${c.level}`) : '–') },
    { key: 'segment', header: t('columns.segment'), render: (c) => (c.segment ? t(`segments.${c.segment}`) : '–') },
  ];
}

type CaseloadItem = CaseloadResponse['items'][number];

/**
 * The caseload's own columns: the worker's next task for the client and the alerts the today view raises
 * about them (the server decides both with the today view's rules). Right after the name, so on a phone
 * they are on screen before the table scrolls sideways.
 */
function useCaseloadColumns(): TableColumn<CaseloadItem>[] {
  const { t } = useTranslation('clients');
  const [name, ...rest] = useColumns() as TableColumn<CaseloadItem>[];
  const nextTask: TableColumn<CaseloadItem> = {
    key: 'next-task',
    header: t('caseload.nextTask'),
    render: (c) =>
      c.nextTask ? (
        <span className="caseload-task">
          {c.nextTask.title}
          <span className={c.nextTask.overdue ? 'caseload-task__due caseload-late' : 'caseload-task__due'}>
            {formatDate(c.nextTask.due)}
            {c.nextTask.overdue && <> · {t('caseload.late')}</>}
          </span>
        </span>
      ) : (
        <span className="caseload-muted">{t('caseload.noTask')}</span>
      ),
  };
  const alerts: TableColumn<CaseloadItem> = {
    key: 'alerts',
    header: t('caseload.alerts'),
    render: (c) =>
      c.alerts.length ? (
        <ul className="caseload-badges">
          {c.alerts.map((type) => (
            <li key={type} className="caseload-badge">
              {t(`caseload.badges.${type}`, { count: type === 'task-overdue' ? c.overdueTasks : (c.noContactDays ?? 0) })}
            </li>
          ))}
        </ul>
      ) : (
        '–'
      ),
  };
  return [name!, nextTask, alerts, ...rest];
}

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation('clients');
  const columns = useColumns();
  const search = useClientSearch(q);
  if (search.isPending) return <LoadingState />;
  if (search.isError) return <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />;
  if (search.data.items.length === 0) return <p role="status">{t('search.none')}</p>;
  return <Table caption={t('search.results')} columns={columns} rows={search.data.items} rowKey={(c) => c.id} />;
}

function CaseloadPager({ page, pages, total, onPage }: { page: number; pages: number; total: number; onPage: (page: number) => void }) {
  const { t } = useTranslation('clients');
  return (
    <nav className="caseload-pager" aria-label={t('caseload.pages')}>
      <Button onClick={() => onPage(page - 1)} disabled={page <= 1}>
        {t('caseload.previous')}
      </Button>
      <span aria-live="polite">{t('caseload.page', { page, pages, total })}</span>
      <Button onClick={() => onPage(page + 1)} disabled={page >= pages}>
        {t('caseload.next')}
      </Button>
    </nav>
  );
}

function Caseload() {
  const { t } = useTranslation('clients');
  const columns = useCaseloadColumns();
  // The page is in the address (?sivu=2), so coming back from a client returns to the same page.
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(params.get('sivu'))) || 1);
  const setPage = (p: number) => setParams(p > 1 ? { sivu: String(p) } : {});
  const caseload = useCaseload(page);
  const pages = caseload.data ? Math.max(1, Math.ceil(caseload.data.total / caseload.data.pageSize)) : 1;
  const pastEnd = !!caseload.data && !caseload.isPlaceholderData && page > pages; // clients moved away since the page was chosen
  useEffect(() => {
    if (pastEnd) setParams(pages > 1 ? { sivu: String(pages) } : {}, { replace: true });
  }, [pastEnd, pages, setParams]);
  if (caseload.isPending) return <LoadingState />;
  if (caseload.isError) return <ErrorMessage error={caseload.error} onRetry={() => void caseload.refetch()} />;
  const { counts, intensiveLimit, intensiveOverLimit, items, total } = caseload.data;
  return (
    <Card title={t('caseload.title')}>
      <ul className="level-counts">
        {(Object.keys(counts) as (keyof typeof counts)[]).map((level) => (
          <li key={level} className={level === 'intensiivinen-palveluohjaus' && intensiveOverLimit ? 'level-counts__item level-counts__item--over' : 'level-counts__item'}>
            <span className="level-counts__number">{counts[level]}</span> {t(`levels.${level}`)}
          </li>
        ))}
      </ul>
      {intensiveOverLimit && (
        <p className="notice notice--warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('caseload.warning', { count: counts['intensiivinen-palveluohjaus'], limit: intensiveLimit })}
        </p>
      )}
      {total === 0 ? (
        <EmptyState title={t('caseload.empty')} />
      ) : (
        <>
          <Table caption={pages > 1 ? t('caseload.captionPage', { page, pages }) : t('caseload.caption')} hideCaption columns={columns} rows={items} rowKey={(c) => c.id} />
          {pages > 1 && <CaseloadPager page={page} pages={pages} total={total} onPage={setPage} />}
        </>
      )}
    </Card>
  );
}

export function ClientListPage() {
  const { t } = useTranslation('clients');
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const handlesInbox = user.role === 'social-worker' || user.role === 'social-instructor';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<Link className="button button--primary" to="uusi">{t('actions.register')}</Link>} />
      <form role="search" className="client-search" onSubmit={submit}>
        <TextField label={t('search.label')} hint={t('search.hint')} value={text} onChange={(e) => setText(e.target.value)} type="search" autoComplete="off" />
        <Button type="submit" variant="primary">{t('search.label')}</Button>
      </form>
      {q && <SearchResults q={q} />}
      {handlesInbox && <ConcernInbox />}
      <Caseload />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ClientListItem } from '../../../contracts/clients.contracts.js';
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

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation('clients');
  const columns = useColumns();
  const search = useClientSearch(q);
  if (search.isPending) return <LoadingState />;
  if (search.isError) return <ErrorMessage error={search.error} onRetry={() => void search.refetch()} />;
  if (search.data.items.length === 0) return <p role="status">{t('search.none')}</p>;
  return <Table caption={t('search.results')} columns={columns} rows={search.data.items} rowKey={(c) => c.id} />;
}

function Caseload() {
  const { t } = useTranslation('clients');
  const columns = useColumns();
  const caseload = useCaseload();
  if (caseload.isPending) return <LoadingState />;
  if (caseload.isError) return <ErrorMessage error={caseload.error} onRetry={() => void caseload.refetch()} />;
  const { counts, intensiveLimit, intensiveOverLimit, items } = caseload.data;
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
      {items.length === 0 ? <EmptyState title={t('caseload.empty')} /> : <Table caption={t('caseload.caption')} hideCaption columns={columns} rows={items} rowKey={(c) => c.id} />}
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

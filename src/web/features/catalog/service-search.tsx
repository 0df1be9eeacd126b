import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, EmptyState, ErrorMessage, LoadingState, TextField } from '../../ui/index.js';
import { PAGE_SIZE, searchServices, type ServiceSearchResult } from './catalog.api.js';
import './catalog.css';

type FacetKey = 'segment' | 'clientGroup' | 'sector' | 'channel' | 'access';
const FACETS: FacetKey[] = ['clientGroup', 'segment', 'sector', 'channel', 'access'];

export interface ServiceSearchProps {
  /** Where a result links to (relative to the page that hosts the search). */
  detailHref: (id: string) => string;
  /** Professionals see the Keusote segments; residents do not need them. */
  showSegments?: boolean;
  headingLevel?: 2 | 3;
}

/** Search form, facet filters and results; all state lives in the URL so a search can be shared. */
export function ServiceSearch({ detailHref, showSegments = true, headingLevel = 2 }: ServiceSearchProps) {
  const { t } = useTranslation('catalog');
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const query = useQuery({
    queryKey: ['catalog', 'search', params.toString()],
    queryFn: ({ signal }) => searchServices(params, signal),
    placeholderData: keepPreviousData,
  });

  const update = (change: (p: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    next.delete('sivu');
    setParams(next);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update((p) => (text.trim() ? p.set('q', text.trim()) : p.delete('q')));
  };
  // The router applies a URL change in a transition, so a box bound to the URL alone would spring back
  // unticked until the new page renders (long on a slow phone). The ticked state shows at once instead,
  // and the URL takes over again when it has caught up (or the user goes back).
  const [ticked, setTicked] = useState<Partial<Record<FacetKey, string[]>>>({});
  const paramsKey = params.toString();
  useEffect(() => setTicked({}), [paramsKey]);
  const selectedOf = (key: FacetKey) => ticked[key] ?? (params.get(key) ?? '').split(',').filter(Boolean);
  const toggle = (key: FacetKey, value: string) => {
    const values = new Set(selectedOf(key));
    if (values.has(value)) values.delete(value);
    else values.add(value);
    const next = { ...ticked, [key]: [...values] };
    setTicked(next);
    // Boxes ticked before the URL caught up are carried along, not lost.
    update((p) => {
      for (const [k, v] of Object.entries(next)) {
        if (v.length) p.set(k, v.join(','));
        else p.delete(k);
      }
    });
  };

  const facets = FACETS.filter((f) => showSegments || f !== 'segment');
  // On a phone the filters would push the results a screen or two down, so there they start folded
  // behind one button that also says how many are chosen; from 56rem up they are always shown (CSS).
  const [filtersOpen, setFiltersOpen] = useState(false);
  const chosen = facets.reduce((n, key) => n + selectedOf(key).length, 0);
  return (
    <div className="catalog-search">
      <form role="search" className="catalog-search__form" onSubmit={onSubmit}>
        <TextField label={t('search.label')} hint={t('search.hint')} type="search" name="q" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        <TextField
          label={t('search.age')}
          type="number"
          min={0}
          max={130}
          inputMode="numeric"
          name="age"
          defaultValue={params.get('age') ?? ''}
          onBlur={(e) => update((p) => (e.target.value ? p.set('age', e.target.value) : p.delete('age')))}
          style={{ maxWidth: '7rem' }}
        />
        <Button type="submit" variant="primary">
          {t('search.submit')}
        </Button>
      </form>
      <Button
        className="catalog-filters__toggle"
        aria-expanded={filtersOpen}
        aria-controls="catalog-filters"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        {filtersOpen ? t('filters.hide') : chosen > 0 ? t('filters.showChosen', { count: chosen }) : t('filters.show')}
      </Button>
      <div className="catalog-layout">
        <aside id="catalog-filters" className={`catalog-filters${filtersOpen ? '' : ' catalog-filters--folded'}`} aria-label={t('filters.title')}>
          {facets.map((key) => (
            <FacetGroup key={key} facetKey={key} data={query.data} selected={selectedOf(key)} onToggle={toggle} />
          ))}
          {params.toString() !== '' && (
            <Button variant="quiet" onClick={() => { setText(''); setParams(new URLSearchParams()); }}>
              {t('filters.clear')}
            </Button>
          )}
        </aside>
        <section aria-labelledby="catalog-results-heading">
          <h2 id="catalog-results-heading" className="visually-hidden">{t('results.title')}</h2>
          <Results query={query} detailHref={detailHref} headingLevel={headingLevel} />
        </section>
      </div>
    </div>
  );
}

function FacetGroup({ facetKey, data, selected, onToggle }: { facetKey: FacetKey; data: ServiceSearchResult | undefined; selected: string[]; onToggle: (k: FacetKey, v: string) => void }) {
  const { t } = useTranslation('catalog');
  const counts = data?.facets[facetKey] ?? [];
  // A fixed order (not by count): the box the user just ticked must not move when the counts come back.
  const values = [...new Set([...counts.map((c) => c.value), ...selected.filter(Boolean)])].sort((a, b) => a.localeCompare(b));
  if (values.length === 0) return null;
  return (
    <fieldset>
      <legend>{t(`filters.${facetKey}`)}</legend>
      {values.map((value) => (
        <label key={value}>
          <input type="checkbox" checked={selected.includes(value)} onChange={() => onToggle(facetKey, value)} />
          <span>{t(`values.${facetKey}.${value}`, { defaultValue: value })}</span>
          <span className="catalog-filters__count">{counts.find((c) => c.value === value)?.count ?? 0}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The UI language's text when the service has one, else Finnish marked with `lang="fi"` for screen readers. */
function localizedText(fi: string, sv: string | null, en: string | null, uiLang: string): { text: string; lang?: string } {
  const own = uiLang === 'sv' ? sv : uiLang === 'en' ? en : fi;
  if (own) return { text: own };
  return { text: fi, lang: uiLang === 'fi' ? undefined : 'fi' };
}

function Results({ query, detailHref, headingLevel }: { query: ReturnType<typeof useQuery<ServiceSearchResult>>; detailHref: (id: string) => string; headingLevel: 2 | 3 }) {
  const { t, i18n } = useTranslation('catalog');
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const page = Math.max(1, Number(params.get('sivu') ?? '1') || 1);
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const go = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('sivu', String(n));
    setParams(next);
  };
  const Heading = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <>
      <p role="status" aria-live="polite">
        {data.capped ? t('results.countCapped', { count: data.total }) : t('results.count', { count: data.total })}
      </p>
      {data.items.length === 0 ? (
        <EmptyState title={t('results.emptyTitle')} description={t('results.emptyHint')} />
      ) : (
        <ul className="catalog-results">
          {data.items.map((s) => {
            const name = localizedText(s.name, s.nameSv, s.nameEn, lang);
            const summary = localizedText(s.summary, s.summarySv, s.summaryEn, lang);
            return (
            <li key={s.id} className="catalog-result">
              <Heading>
                <Link to={detailHref(s.id)} lang={name.lang}>{name.text}</Link>
              </Heading>
              {summary.text && <p lang={summary.lang}>{summary.text}</p>}
              <p className="catalog-meta">
                {s.provider.name ?? t('detail.unknownProvider')}
                {s.provider.sector ? ` · ${t(`values.sector.${s.provider.sector}`, { defaultValue: s.provider.sector })}` : ''}
                {s.areaNational ? ` · ${t('detail.national')}` : ''}
              </p>
              <ul className="catalog-tags" aria-label={t('results.tags')}>
                {s.lowThreshold && <li className="catalog-tag catalog-tag--strong">{t('detail.lowThreshold')}</li>}
                {s.accessRoute && <li className="catalog-tag">{t(`values.access.${s.accessRoute}`)}</li>}
                {s.clientGroups.map((g) => (
                  <li key={g} className="catalog-tag">{t(`values.clientGroup.${g}`)}</li>
                ))}
              </ul>
            </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav className="catalog-pager" aria-label={t('results.pages')}>
          <Button onClick={() => go(page - 1)} disabled={page <= 1}>
            {t('results.previous')}
          </Button>
          <span>{t('results.page', { page, pages })}</span>
          <Button onClick={() => go(page + 1)} disabled={page >= pages}>
            {t('results.next')}
          </Button>
        </nav>
      )}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorMessage, LoadingState, PageHeader } from '../../ui/index.js';
import { fetchService, type ServiceDetail } from './catalog.api.js';
import './catalog.css';

type Lang = 'fi' | 'sv' | 'en';
const pick = (text: { fi: string; sv: string | null; en: string | null }, lang: string) => (lang !== 'fi' && text[lang as Lang]) || text.fi;
/** The language of what `pick` returned, for a `lang` attribute when the UI language had no text (Finnish fallback). */
export const pickedLang = (text: { fi: string; sv: string | null; en: string | null }, lang: string): Lang => (lang !== 'fi' && text[lang as Lang] ? (lang as Lang) : 'fi');
/** `lang` attribute only when the text is not in the page's language. */
export const langAttr = (textLang: Lang, uiLang: string) => (textLang === uiLang ? undefined : textLang);

export interface ServiceDetailViewProps {
  id: string;
  backHref: string;
  /** Rendered under the details when the service is editable (professional side). */
  editor?: (service: ServiceDetail) => React.ReactNode;
}

/** One service in plain language: what it is, for whom, how to get it, how to contact. */
export function ServiceDetailView({ id, backHref, editor }: ServiceDetailViewProps) {
  const { t, i18n } = useTranslation('catalog');
  const query = useQuery({ queryKey: ['catalog', 'service', id], queryFn: ({ signal }) => fetchService(id, signal) });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const s = query.data;
  const lang = i18n.language;
  const age = s.ageMin !== null || s.ageMax !== null ? t('detail.ageRange', { min: s.ageMin ?? 0, max: s.ageMax ?? '–' }) : t('detail.allAges');
  const area = s.area.national ? t('detail.national') : [...s.area.countyCodes.map((c) => t('detail.county', { code: c })), ...s.area.municipalityCodes].join(', ');
  return (
    <article className="catalog-detail">
      <p>
        <Link to={backHref}>← {t('detail.back')}</Link>
      </p>
      <PageHeader
        title={pick(s.name, lang)}
        titleLang={langAttr(pickedLang(s.name, lang), lang)}
        description={<span lang={langAttr(pickedLang(s.summary, lang), lang)}>{pick(s.summary, lang)}</span>}
      />
      {pick(s.description, lang) && (
        <p className="catalog-detail__text" lang={langAttr(pickedLang(s.description, lang), lang)}>
          {pick(s.description, lang)}
        </p>
      )}
      <h2>{t('detail.facts')}</h2>
      <dl>
        <dt>{t('detail.provider')}</dt>
        <dd>
          {s.provider.name ?? t('detail.unknownProvider')}
          {s.provider.sector ? ` (${t(`values.sector.${s.provider.sector}`, { defaultValue: s.provider.sector })})` : ''}
        </dd>
        <dt>{t('detail.forWhom')}</dt>
        <dd>{[...s.clientGroups.map((g) => t(`values.clientGroup.${g}`)), age].join(', ')}</dd>
        {s.accessRoute && (
          <>
            <dt>{t('detail.howToGet')}</dt>
            <dd>
              {t(`values.access.${s.accessRoute}`)}
              {s.lowThreshold ? ` · ${t('detail.lowThreshold')}` : ''}
            </dd>
          </>
        )}
        {s.channels.length > 0 && (
          <>
            <dt>{t('detail.channels')}</dt>
            <dd>{s.channels.map((c) => t(`values.channel.${c}`)).join(', ')}</dd>
          </>
        )}
        {s.cost && (
          <>
            <dt>{t('detail.cost')}</dt>
            <dd>{s.cost}</dd>
          </>
        )}
        <dt>{t('detail.area')}</dt>
        <dd>{area || '–'}</dd>
        {s.languages.length > 0 && (
          <>
            <dt>{t('detail.languages')}</dt>
            <dd>{s.languages.map((l) => t(`values.language.${l}`, { defaultValue: l })).join(', ')}</dd>
          </>
        )}
        {s.openingHours && (
          <>
            <dt>{t('detail.openingHours')}</dt>
            <dd>{s.openingHours}</dd>
          </>
        )}
        {s.phone && (
          <>
            <dt>{t('detail.phone')}</dt>
            <dd>
              <a href={`tel:${s.phone.replace(/\s/g, '')}`}>{s.phone}</a>
            </dd>
          </>
        )}
        {s.email && (
          <>
            <dt>{t('detail.email')}</dt>
            <dd>
              <a href={`mailto:${s.email}`}>{s.email}</a>
            </dd>
          </>
        )}
        {s.url && (
          <>
            <dt>{t('detail.url')}</dt>
            <dd>
              <a href={s.url} rel="noopener noreferrer" target="_blank">
                {s.url}
              </a>
            </dd>
          </>
        )}
        {s.legalBasis && (
          <>
            <dt>{t('detail.legalBasis')}</dt>
            <dd>{s.legalBasis}</dd>
          </>
        )}
        {s.segments.length > 0 && (
          <>
            <dt>{t('filters.segment')}</dt>
            <dd>{s.segments.map((g) => t(`values.segment.${g}`)).join(', ')}</dd>
          </>
        )}
      </dl>
      {s.editable && editor?.(s)}
    </article>
  );
}

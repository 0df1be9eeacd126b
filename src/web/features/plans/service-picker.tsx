import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceInput } from '../../../contracts/plans.contracts.js';
import { api } from '../../api/client.js';
import { Button, ErrorMessage, Field } from '../../ui/index.js';

type ChosenService = { serviceId?: string | null; name: string; providerName?: string | null };
interface SearchHit {
  id: string;
  name: string;
  summary: string;
  provider: { name: string | null };
}

/**
 * The plan's services: chosen from the catalogue (palvelutarjotin) so they keep the catalogue id,
 * or written in when the service is not there. Searching is a sub-form: Enter searches, not saves.
 */
export function PlanServicesEditor({ services, onChange, readOnly }: { services: ChosenService[]; onChange: (s: ServiceInput[]) => void; readOnly: boolean }) {
  const { t } = useTranslation('plans');
  const [announce, setAnnounce] = useState('');
  const [own, setOwn] = useState('');
  const add = (s: ChosenService) => {
    onChange([...services, { serviceId: s.serviceId ?? null, name: s.name, providerName: s.providerName ?? null }]);
    setAnnounce(t('picker.added', { name: s.name }));
  };
  return (
    <section className="plan-services" aria-labelledby="plan-services-h">
      <h2 id="plan-services-h">{t('services')}</h2>
      {services.length === 0 ? (
        <p>{t('picker.none')}</p>
      ) : (
        <ul className="plan-services__list">
          {services.map((s, i) => (
            <li key={`${s.serviceId ?? s.name}-${i}`}>
              <span>
                <strong>{s.name}</strong>
                {s.providerName ? `, ${s.providerName}` : ''}
                {s.serviceId ? <span className="plan-services__source"> ({t('picker.fromCatalogue')})</span> : null}
              </span>
              {!readOnly && (
                <Button size="small" variant="quiet" onClick={() => onChange(services.filter((_, j) => j !== i))}>
                  {t('picker.remove', { name: s.name })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      {!readOnly && (
        <>
          <CatalogueSearch onPick={(hit) => add({ serviceId: hit.id, name: hit.name, providerName: hit.provider.name })} chosen={services} />
          <div className="plan-services__own">
            <Field label={t('picker.own')}>{(c) => <input className="input" value={own} onChange={(e) => setOwn(e.target.value)} {...c} />}</Field>
            <Button
              size="small"
              disabled={!own.trim()}
              onClick={() => {
                add({ name: own.trim() });
                setOwn('');
              }}
            >
              {t('picker.ownAdd')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function CatalogueSearch({ onPick, chosen }: { onPick: (hit: SearchHit) => void; chosen: ChosenService[] }) {
  const { t } = useTranslation('plans');
  const [text, setText] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const results = useQuery({
    queryKey: ['services', 'plan-picker', q],
    enabled: q !== null,
    queryFn: ({ signal }) => api.get<{ items: SearchHit[] }>(`/services?limit=10&q=${encodeURIComponent(q ?? '')}`, { signal }),
  });
  const search = (e?: FormEvent) => {
    e?.preventDefault();
    setQ(text.trim());
  };
  const taken = new Set(chosen.map((s) => s.serviceId).filter(Boolean));
  return (
    <div className="plan-picker" role="search" aria-label={t('picker.heading')}>
      <h3>{t('picker.heading')}</h3>
      <div className="plan-picker__row">
        <Field label={t('picker.search')} hint={t('picker.searchHint')}>
          {(c) => (
            <input
              className="input"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                // Enter searches the catalogue instead of submitting the whole plan.
                if (e.key === 'Enter') {
                  e.preventDefault();
                  search();
                }
              }}
              {...c}
            />
          )}
        </Field>
        <Button size="small" onClick={() => search()}>
          {t('picker.searchButton')}
        </Button>
      </div>
      {results.isError && <ErrorMessage error={results.error} />}
      {results.data && (
        <>
          <h4>{t('picker.results')}</h4>
          {results.data.items.length === 0 ? (
            <p>{t('picker.noResults')}</p>
          ) : (
            <ul className="plan-picker__results">
              {results.data.items.map((hit) => (
                <li key={hit.id}>
                  <div>
                    <strong>{hit.name}</strong>
                    {hit.provider.name ? ` – ${hit.provider.name}` : ''}
                    <div className="plan-picker__summary">{hit.summary}</div>
                  </div>
                  <Button size="small" disabled={taken.has(hit.id)} onClick={() => onPick(hit)} aria-label={`${t('picker.add')}: ${hit.name}`}>
                    {t('picker.add')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

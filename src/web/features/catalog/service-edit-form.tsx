import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { fieldErrors, isApiError } from '../../api/client.js';
import { Button, Card, ErrorMessage, Field, TextField } from '../../ui/index.js';
import { createService, updateService, type CreateServiceRequest, type ServiceDetail } from './catalog.api.js';

type Status = 'active' | 'inactive' | 'draft';
const ACCESS_ROUTES = ['open', 'booking', 'referral', 'decision'] as const;
type AccessRoute = (typeof ACCESS_ROUTES)[number];

interface FormState {
  nameFi: string;
  nameSv: string;
  nameEn: string;
  summaryFi: string;
  summarySv: string;
  summaryEn: string;
  descriptionFi: string;
  descriptionSv: string;
  descriptionEn: string;
  accessRoute: AccessRoute;
  ageMin: string;
  ageMax: string;
  national: boolean;
  phone: string;
  email: string;
  url: string;
  openingHours: string;
  status: Status;
}

function initialState(s: ServiceDetail | null): FormState {
  return {
    nameFi: s?.name.fi ?? '',
    nameSv: s?.name.sv ?? '',
    nameEn: s?.name.en ?? '',
    summaryFi: s?.summary.fi ?? '',
    summarySv: s?.summary.sv ?? '',
    summaryEn: s?.summary.en ?? '',
    descriptionFi: s?.description.fi ?? '',
    descriptionSv: s?.description.sv ?? '',
    descriptionEn: s?.description.en ?? '',
    accessRoute: (s?.accessRoute as AccessRoute | null) ?? 'open',
    ageMin: s?.ageMin != null ? String(s.ageMin) : '',
    ageMax: s?.ageMax != null ? String(s.ageMax) : '',
    national: s?.area.national ?? false,
    phone: s?.phone ?? '',
    email: s?.email ?? '',
    url: s?.url ?? '',
    openingHours: s?.openingHours ?? '',
    status: (s?.status as Status | undefined) ?? 'draft',
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);
const ageOf = (v: string) => (v.trim() === '' ? null : Number(v));

/** The writable fields of the form as the API wants them (create and edit share them). */
function toBody(f: FormState, s: ServiceDetail | null): CreateServiceRequest {
  return {
    name: { fi: f.nameFi.trim(), sv: orNull(f.nameSv), en: orNull(f.nameEn) },
    summary: { fi: f.summaryFi.trim(), sv: orNull(f.summarySv), en: orNull(f.summaryEn) },
    description: { fi: f.descriptionFi.trim(), sv: orNull(f.descriptionSv), en: orNull(f.descriptionEn) },
    accessRoute: f.accessRoute,
    ageMin: ageOf(f.ageMin),
    ageMax: ageOf(f.ageMax),
    area: { national: f.national, countyCodes: s?.area.countyCodes ?? [], municipalityCodes: s?.area.municipalityCodes ?? [] },
    phone: orNull(f.phone),
    email: orNull(f.email),
    url: orNull(f.url),
    openingHours: orNull(f.openingHours),
    status: f.status,
  };
}

/**
 * Create (no `service`) or edit one of the own organisation's services. The server validates; its
 * field-level problems are shown beside the fields, the summary sentence above the save button.
 */
export function ServiceForm({ service }: { service: ServiceDetail | null }) {
  const { t, i18n } = useTranslation('catalog');
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormState>(() => initialState(service));
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () => {
      const body = toBody(form, service);
      if (!service) {
        // Without an area the server makes a new service available in the creator's own wellbeing county.
        const { area, ...rest } = body;
        return createService(form.national ? { ...rest, area } : rest);
      }
      return updateService(service.id, { ...body, version: service.version });
    },
    onSuccess: (result) => {
      client.setQueryData(['catalog', 'service', result.id], result);
      void client.invalidateQueries({ queryKey: ['catalog', 'search'] });
      void client.invalidateQueries({ queryKey: ['catalog', 'history', result.id] });
      if (!service) navigate(`/palvelutarjotin/${result.id}`, { state: { created: true } });
      else setSaved(true);
    },
  });
  const errors = mutation.isError ? fieldErrors(mutation.error, i18n.language) : {};
  const err = (...keys: string[]) => keys.map((k) => errors[k]).filter(Boolean).join(' ') || undefined;
  const set = (key: keyof FormState) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  const langs = [
    ['Fi', 'fi'],
    ['Sv', 'sv'],
    ['En', 'en'],
  ] as const;
  return (
    <Card title={service ? t('edit.title') : t('edit.createTitle')}>
      <form className="catalog-edit" onSubmit={onSubmit} noValidate>
        <fieldset className="catalog-edit__group">
          <legend>{t('edit.name')}</legend>
          {langs.map(([suffix, lang]) => (
            <TextField
              key={lang}
              lang={lang}
              label={t(`edit.inLanguage.${lang}`)}
              value={form[`name${suffix}`]}
              onChange={set(`name${suffix}`)}
              required={lang === 'fi'}
              maxLength={200}
              error={err(`name.${lang}`, ...(lang === 'fi' ? ['name'] : []))}
            />
          ))}
        </fieldset>
        <fieldset className="catalog-edit__group">
          <legend>{t('edit.summary')}</legend>
          <p className="field__hint">{t('edit.summaryHint')}</p>
          {langs.map(([suffix, lang]) => (
            <TextField
              key={lang}
              lang={lang}
              label={t(`edit.inLanguage.${lang}`)}
              value={form[`summary${suffix}`]}
              onChange={set(`summary${suffix}`)}
              required={lang === 'fi'}
              maxLength={400}
              error={err(`summary.${lang}`, ...(lang === 'fi' ? ['summary'] : []))}
            />
          ))}
        </fieldset>
        <fieldset className="catalog-edit__group">
          <legend>{t('edit.description')}</legend>
          {langs.map(([suffix, lang]) => (
            <Field key={lang} label={t(`edit.inLanguage.${lang}`)} error={err(`description.${lang}`)}>
              {(c) => <textarea className="input" lang={lang} rows={4} value={form[`description${suffix}`]} onChange={set(`description${suffix}`)} maxLength={4000} {...c} />}
            </Field>
          ))}
        </fieldset>
        <Field label={t('detail.howToGet')} error={err('accessRoute')}>
          {(c) => (
            <select className="input" value={form.accessRoute} onChange={set('accessRoute')} {...c}>
              {ACCESS_ROUTES.map((a) => (
                <option key={a} value={a}>
                  {t(`values.access.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="catalog-edit__row">
          <TextField label={t('edit.ageMin')} type="number" inputMode="numeric" min={0} max={130} value={form.ageMin} onChange={set('ageMin')} error={err('ageMin')} />
          <TextField label={t('edit.ageMax')} type="number" inputMode="numeric" min={0} max={130} value={form.ageMax} onChange={set('ageMax')} error={err('ageMax')} />
        </div>
        <div className={['field', errors.area ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
          <label className="catalog-edit__check">
            <input type="checkbox" checked={form.national} onChange={(e) => setForm((f) => ({ ...f, national: e.target.checked }))} aria-describedby={errors.area ? 'catalog-area-error' : undefined} />
            {t('edit.national')}
          </label>
          {errors.area && (
            <p className="field__error" id="catalog-area-error">
              <span aria-hidden="true">⚠ </span>
              {errors.area}
            </p>
          )}
        </div>
        <TextField label={t('detail.phone')} type="tel" value={form.phone} onChange={set('phone')} error={err('phone')} hint={t('edit.contactHint')} />
        <TextField label={t('detail.email')} type="email" value={form.email} onChange={set('email')} error={err('email')} />
        <TextField label={t('detail.url')} type="url" value={form.url} onChange={set('url')} error={err('url')} />
        <TextField label={t('detail.openingHours')} value={form.openingHours} onChange={set('openingHours')} error={err('openingHours')} />
        <Field label={t('edit.status')} error={err('status')}>
          {(c) => (
            <select className="input" value={form.status} onChange={set('status')} {...c}>
              {(['active', 'draft', 'inactive'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`edit.statuses.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {mutation.isError && <ErrorMessage error={mutation.error} title={isApiError(mutation.error, 409) ? t('edit.conflict') : undefined} />}
        {saved && <p role="status">{t('edit.saved')}</p>}
        <div>
          <Button type="submit" variant="primary" busy={mutation.isPending} busyLabel={t('edit.saving')}>
            {service ? t('edit.save') : t('edit.create')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Kept for the service page: the edit form of an existing service. */
export function ServiceEditForm({ service }: { service: ServiceDetail }) {
  return <ServiceForm service={service} />;
}

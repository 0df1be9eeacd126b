import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { Button, Card, ErrorMessage, Field, TextField } from '../../ui/index.js';
import { updateService, type ServiceDetail } from './catalog.api.js';

/** The organisation admin's edit of the everyday fields; the server validates and keeps history. */
export function ServiceEditForm({ service }: { service: ServiceDetail }) {
  const { t } = useTranslation('catalog');
  const client = useQueryClient();
  const [form, setForm] = useState({
    summary: service.summary.fi,
    description: service.description.fi,
    phone: service.phone ?? '',
    email: service.email ?? '',
    url: service.url ?? '',
    openingHours: service.openingHours ?? '',
    status: service.status as 'active' | 'inactive' | 'draft',
  });
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      updateService(service.id, {
        version: service.version,
        summary: { ...service.summary, fi: form.summary },
        description: { ...service.description, fi: form.description },
        phone: form.phone || null,
        email: form.email || null,
        url: form.url || null,
        openingHours: form.openingHours || null,
        status: form.status,
      }),
    onSuccess: (updated) => {
      client.setQueryData(['catalog', 'service', service.id], updated);
      void client.invalidateQueries({ queryKey: ['catalog', 'search'] });
      setSaved(true);
    },
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [key]: e.target.value });
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Card title={t('edit.title')}>
      <form className="catalog-edit" onSubmit={onSubmit} noValidate>
        <TextField label={t('edit.summary')} value={form.summary} onChange={set('summary')} required maxLength={400} />
        <Field label={t('edit.description')}>{(c) => <textarea className="input" rows={6} value={form.description} onChange={set('description')} maxLength={4000} {...c} />}</Field>
        <TextField label={t('detail.phone')} type="tel" value={form.phone} onChange={set('phone')} />
        <TextField label={t('detail.email')} type="email" value={form.email} onChange={set('email')} />
        <TextField label={t('detail.url')} type="url" value={form.url} onChange={set('url')} />
        <TextField label={t('detail.openingHours')} value={form.openingHours} onChange={set('openingHours')} />
        <Field label={t('edit.status')}>
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
            {t('edit.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { Button } from './button.js';

export interface ErrorMessageProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/**
 * Shows what went wrong. A server error already carries a message in the user's
 * language; anything else gets a plain general text. The error id helps support find the log.
 */
export function ErrorMessage({ error, title, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.fromServer
    ? apiError.message
    : apiError?.code === 'network'
      ? t('errors.network')
      : t('errors.unexpected');
  return (
    <div className="error-message" role="alert">
      <p className="error-message__text">
        <strong>{title ?? t('errors.prefix')}</strong> {message}
      </p>
      {apiError?.correlationId && <p className="error-message__id">{t('errors.correlationId', { id: apiError.correlationId })}</p>}
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </div>
  );
}

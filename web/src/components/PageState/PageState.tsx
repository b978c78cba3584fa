import { Alert, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="db-loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  let body = t('errors.unknown');
  if (error instanceof NetworkError) body = t('errors.network');
  else if (error instanceof ApiError && error.status === 403) body = t('errors.forbidden');
  else if (error instanceof ApiError && error.status === 404) body = t('errors.notFound');
  else if (error instanceof ApiError) body = error.message;
  return (
    <Alert heading={t('errors.loadHeading')} headingLevel={2} severity="error">
      <Paragraph>{body}</Paragraph>
    </Alert>
  );
}

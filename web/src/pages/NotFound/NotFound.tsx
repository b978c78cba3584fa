import { Heading, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={1}>{t('notFound.heading')}</Heading>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph>
        <Link className="ams-link" to="/">
          {t('notFound.home')}
        </Link>
      </Paragraph>
    </>
  );
}

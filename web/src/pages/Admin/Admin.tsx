import { Heading, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { AccountsSection } from './AccountsSection';
import { OrganisationsSection } from './OrganisationsSection';
import { PracticesSection } from './PracticesSection';

/** The administrator's page: accounts and sign-in settings, practices and organisations. */
export function Admin() {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={1}>{t('admin.heading')}</Heading>
      <Paragraph className="db-lead">{t('admin.intro')}</Paragraph>
      <AccountsSection />
      <PracticesSection />
      <OrganisationsSection />
    </>
  );
}

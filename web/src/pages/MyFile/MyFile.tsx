import { Heading, Paragraph } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listHouseholds } from '../../api/households';
import { LoadError, Loading } from '../../components/PageState';
import { Household } from '../Household';

/** A client's own file: the household they are a member of. */
export function MyFile() {
  const { t } = useTranslation();
  const households = useQuery({ queryKey: ['households', 'own'], queryFn: () => listHouseholds({ pageSize: 5 }) });
  if (households.isPending) return <Loading />;
  if (households.isError) return <LoadError error={households.error} />;
  const own = households.data.items[0];
  if (!own) {
    return (
      <>
        <Heading level={1}>{t('nav.myFile')}</Heading>
        <Paragraph>{t('myFile.none')}</Paragraph>
      </>
    );
  }
  return <Household householdId={own.id} />;
}

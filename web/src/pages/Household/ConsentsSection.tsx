import { Badge, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchConsents } from '../../api/households';
import { LoadError, Loading } from '../../components/PageState';
import { formatDate } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';

export function ConsentsSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation();
  const { label } = useEnumLabels();
  const consents = useQuery({ queryKey: ['consents', householdId], queryFn: () => fetchConsents(householdId) });
  return (
    <section aria-labelledby="consents-heading" className="db-section">
      <Heading level={2} id="consents-heading">
        {t('consents.heading')}
      </Heading>
      <Paragraph>{t('consents.intro')}</Paragraph>
      {consents.isPending ? (
        <Loading />
      ) : consents.isError ? (
        <LoadError error={consents.error} />
      ) : consents.data.items.length === 0 ? (
        <Paragraph>{t('consents.empty')}</Paragraph>
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--stack">
            <Table.Caption className="db-visually-hidden">{t('consents.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('consents.purpose')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('consents.state')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('consents.granted')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('consents.withdrawn')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('consents.recordedBy')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {consents.data.items.map((consent) => (
                <Table.Row key={consent.id}>
                  <Table.Cell data-label={t('consents.purpose')}>{label('consentPurpose', consent.purpose)}</Table.Cell>
                  <Table.Cell data-label={t('consents.state')}>
                    <Badge label={consent.inForce ? t('consents.inForce') : t('consents.notInForce')} color={consent.inForce ? 'lime' : 'orange'} />
                  </Table.Cell>
                  <Table.Cell data-label={t('consents.granted')}>{formatDate(consent.grantedOn, i18n.language)}</Table.Cell>
                  <Table.Cell data-label={t('consents.withdrawn')}>{consent.withdrawnOn ? formatDate(consent.withdrawnOn, i18n.language) : '—'}</Table.Cell>
                  <Table.Cell data-label={t('consents.recordedBy')}>{consent.recordedBy.username}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

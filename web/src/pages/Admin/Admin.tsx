import { Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listOrganisations, listPractices } from '../../api/practices';
import { LoadError, Loading } from '../../components/PageState';
import { useEnumLabels } from '../../lib/enumLabels';
import { AccountsSection } from './AccountsSection';

/** The administrator's page: accounts and sign-in settings, practices and organisations. */
export function Admin() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: listOrganisations });
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  return (
    <>
      <Heading level={1}>{t('admin.heading')}</Heading>
      <Paragraph className="db-lead">{t('admin.intro')}</Paragraph>
      <AccountsSection />
      <section aria-labelledby="practices-heading" className="db-section">
        <Heading level={2} id="practices-heading">
          {t('admin.practices')}
        </Heading>
        {practices.isPending ? <Loading /> : practices.isError ? <LoadError error={practices.error} /> : (
          <div className="db-table-scroll">
            <Table className="db-table">
              <Table.Caption className="db-visually-hidden">{t('admin.practices')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('admin.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.targetGroups')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {practices.data.items.map((practice) => (
                  <Table.Row key={practice.id}>
                    <Table.Cell>{practice.name}</Table.Cell>
                    <Table.Cell>{practice.targetGroups?.map((group) => label('targetGroup', group)).join(', ')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
      <section aria-labelledby="organisations-heading" className="db-section">
        <Heading level={2} id="organisations-heading">
          {t('admin.organisations')}
        </Heading>
        {organisations.isPending ? <Loading /> : organisations.isError ? <LoadError error={organisations.error} /> : (
          <div className="db-table-scroll">
            <Table className="db-table">
              <Table.Caption className="db-visually-hidden">{t('admin.organisations')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('admin.name')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.kind')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('admin.formal')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {organisations.data.items.map((organisation) => (
                  <Table.Row key={organisation.id}>
                    <Table.Cell>{organisation.name}</Table.Cell>
                    <Table.Cell>{label('organisationKind', organisation.kind)}</Table.Cell>
                    <Table.Cell>{organisation.formal ? t('ecomap.formal') : t('ecomap.informal')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}

import { Field, Heading, Label, Pagination, Paragraph, Select, Table } from '@amsterdam/design-system-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listHelpRequests } from '../../api/helpRequests';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { RouterLink } from '../../components/RouterLink';
import { useEnumLabels } from '../../lib/enumLabels';

const kPageSize = 25;

/** The help requests of the households the caller may see, by status and kind. */
export function HelpRequests() {
  const { t } = useTranslation();
  const { role } = useSession();
  const { label, options } = useEnumLabels();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters = { status: params.get('status') ?? '', kind: params.get('soort') ?? '' };
  const requests = useQuery({
    queryKey: ['helpRequests', filters, page],
    queryFn: () => listHelpRequests({ ...filters, page, pageSize: kPageSize }),
    placeholderData: keepPreviousData,
  });

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    next.delete('page');
    setParams(next);
  }

  const total = requests.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / kPageSize));

  return (
    <>
      <Heading level={1}>{t('helpRequests.heading')}</Heading>
      <Paragraph className="db-lead">{t('helpRequests.intro')}</Paragraph>
      {can(role, 'askForHelp') && (
        <p>
          <Link to="/hulpvragen/nieuw" className="ams-link">
            {t('helpRequests.new')}
          </Link>
        </p>
      )}
      <section aria-labelledby="hr-filters-heading" className="db-filters">
        <h2 id="hr-filters-heading" className="db-visually-hidden">
          {t('households.filters')}
        </h2>
        <div className="db-filters__selects">
          <Field>
            <Label htmlFor="hr-filter-status">{t('helpRequests.status')}</Label>
            <Select id="hr-filter-status" value={filters.status} onChange={(e) => update({ status: e.target.value })}>
              <Select.Option value="">{t('households.all')}</Select.Option>
              {options('helpRequestStatus').map((option) => (
                <Select.Option key={option.value} value={option.value}>
                  {option.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor="hr-filter-kind">{t('helpRequests.kind')}</Label>
            <Select id="hr-filter-kind" value={filters.kind} onChange={(e) => update({ soort: e.target.value })}>
              <Select.Option value="">{t('households.all')}</Select.Option>
              {options('helpKind').map((option) => (
                <Select.Option key={option.value} value={option.value}>
                  {option.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
      </section>

      {requests.isPending ? (
        <Loading />
      ) : requests.isError ? (
        <LoadError error={requests.error} />
      ) : (
        <section aria-labelledby="hr-results-heading">
          <h2 id="hr-results-heading" className="db-results-count" aria-live="polite">
            {t('helpRequests.count', { count: total })}
          </h2>
          <div className="db-table-scroll">
            <Table className="db-table db-table--stack">
              <Table.Caption className="db-visually-hidden">{t('helpRequests.heading')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('helpRequests.description')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('helpRequests.kind')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('helpRequests.urgency')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('helpRequests.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('helpRequests.buurt')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {requests.data.items.map((request) => (
                  <Table.Row key={request.id}>
                    <Table.Cell data-label={t('helpRequests.description')}>
                      <Link to={`/hulpvragen/${request.id}`} className="ams-link">
                        {request.description}
                      </Link>
                    </Table.Cell>
                    <Table.Cell data-label={t('helpRequests.kind')}>{label('helpKind', request.kind)}</Table.Cell>
                    <Table.Cell data-label={t('helpRequests.urgency')}>{label('urgency', request.urgency)}</Table.Cell>
                    <Table.Cell data-label={t('helpRequests.status')}>
                      <span className={`db-status db-status--${request.status}`}>{label('helpRequestStatus', request.status)}</span>
                    </Table.Cell>
                    <Table.Cell data-label={t('helpRequests.buurt')}>{request.buurtCode}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {pages > 1 && (
            <Pagination
              accessibleName={t('helpRequests.pagination')}
              page={page}
              totalPages={pages}
              linkTemplate={(number) => {
                const next = new URLSearchParams(params);
                next.set('page', String(number));
                return `?${next.toString()}`;
              }}
              linkComponent={RouterLink}
              nextLabel={t('common.next')}
              previousLabel={t('common.previous')}
              nextAccessibleName={t('common.nextPage')}
              previousAccessibleName={t('common.previousPage')}
              pageAccessibleName={t('common.page')}
              currentPageAccessibleName={t('common.currentPage')}
            />
          )}
        </section>
      )}
    </>
  );
}

import { Button, Field, Heading, Label, Paragraph, Pagination, Select, Table } from '@amsterdam/design-system-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listHouseholds } from '../../api/households';
import { listPractices } from '../../api/practices';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { PersonName } from '../../components/PersonName';
import { RouterLink } from '../../components/RouterLink';
import { formatDate } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';

const kPageSize = 25;

export function Households() {
  const { t, i18n } = useTranslation();
  const { role } = useSession();
  const { label, options } = useEnumLabels();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters = {
    q: params.get('q') ?? '',
    practiceId: params.get('praktijk') ?? '',
    status: params.get('status') ?? '',
    targetGroup: params.get('doelgroep') ?? '',
  };
  const [search, setSearch] = useState(filters.q);
  useEffect(() => setSearch(filters.q), [filters.q]);

  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  const households = useQuery({
    queryKey: ['households', filters, page],
    queryFn: () => listHouseholds({ ...filters, page, pageSize: kPageSize }),
    placeholderData: keepPreviousData,
  });
  const practiceName = (id: string) => practices.data?.items.find((p) => p.id === id)?.name ?? '';
  const minimised = role === 'volunteer';

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    next.delete('page');
    setParams(next);
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    update({ q: search.trim() });
  }

  const total = households.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / kPageSize));

  return (
    <>
      <Heading level={1}>{t('households.heading')}</Heading>
      <Paragraph className="db-lead">{minimised ? t('households.introVolunteer') : t('households.intro')}</Paragraph>
      {can(role, 'createHousehold') && (
        <p>
          <Link to="/huishoudens/nieuw" className="ams-link">
            {t('households.new')}
          </Link>
        </p>
      )}
      {!minimised && (
        <section aria-labelledby="filters-heading" className="db-filters">
          <h2 id="filters-heading" className="db-visually-hidden">
            {t('households.filters')}
          </h2>
          <form role="search" onSubmit={submitSearch} className="db-filters__search">
            <Field>
              <Label htmlFor="household-search">{t('households.search')}</Label>
              <div className="db-inline">
                <input
                  id="household-search"
                  className="ams-text-input"
                  type="search"
                  value={search}
                  onChange={(event) => setSearch(event.target.value)}
                />
                <Button type="submit" variant="secondary">
                  {t('households.searchButton')}
                </Button>
              </div>
            </Field>
          </form>
          <div className="db-filters__selects">
            <Field>
              <Label htmlFor="filter-practice">{t('households.practice')}</Label>
              <Select id="filter-practice" value={filters.practiceId} onChange={(e) => update({ praktijk: e.target.value })}>
                <Select.Option value="">{t('households.all')}</Select.Option>
                {practices.data?.items.map((practice) => (
                  <Select.Option key={practice.id} value={practice.id}>
                    {practice.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="filter-status">{t('households.status')}</Label>
              <Select id="filter-status" value={filters.status} onChange={(e) => update({ status: e.target.value })}>
                <Select.Option value="">{t('households.all')}</Select.Option>
                {options('householdStatus').map((option) => (
                  <Select.Option key={option.value} value={option.value}>
                    {option.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="filter-target">{t('households.targetGroup')}</Label>
              <Select id="filter-target" value={filters.targetGroup} onChange={(e) => update({ doelgroep: e.target.value })}>
                <Select.Option value="">{t('households.all')}</Select.Option>
                {options('targetGroup').map((option) => (
                  <Select.Option key={option.value} value={option.value}>
                    {option.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
        </section>
      )}

      {households.isPending ? (
        <Loading />
      ) : households.isError ? (
        <LoadError error={households.error} />
      ) : (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" className="db-results-count" aria-live="polite">
            {t('households.count', { count: total })}
          </h2>
          <div className="db-table-scroll">
            <Table className="db-table db-table--stack">
              <Table.Caption className="db-visually-hidden">{t('households.heading')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('households.name')}</Table.HeaderCell>
                  {!minimised && <Table.HeaderCell scope="col">{t('households.targetGroup')}</Table.HeaderCell>}
                  {!minimised && <Table.HeaderCell scope="col">{t('households.status')}</Table.HeaderCell>}
                  {!minimised && <Table.HeaderCell scope="col">{t('households.practice')}</Table.HeaderCell>}
                  {!minimised && <Table.HeaderCell scope="col">{t('households.neighbourhood')}</Table.HeaderCell>}
                  {!minimised && <Table.HeaderCell scope="col">{t('households.lastActivity')}</Table.HeaderCell>}
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {households.data.items.map((household) => (
                  <Table.Row key={household.id}>
                    <Table.Cell data-label={t('households.name')}>
                      <Link to={`/huishoudens/${household.id}`} className="ams-link">
                        {household.name ?? (
                          <>
                            {t('households.householdOf')}{' '}
                            {(household.members ?? []).map((member, index) => (
                              <span key={member.personId}>
                                {index > 0 && ', '}
                                <PersonName id={member.personId} />
                              </span>
                            ))}
                          </>
                        )}
                      </Link>
                    </Table.Cell>
                    {!minimised && <Table.Cell data-label={t('households.targetGroup')}>{label('targetGroup', household.targetGroup)}</Table.Cell>}
                    {!minimised && (
                      <Table.Cell data-label={t('households.status')}>
                        <span className={`db-status db-status--${household.status}`}>{label('householdStatus', household.status)}</span>
                      </Table.Cell>
                    )}
                    {!minimised && <Table.Cell data-label={t('households.practice')}>{household.practiceIds?.map(practiceName).join(', ')}</Table.Cell>}
                    {!minimised && <Table.Cell data-label={t('households.neighbourhood')}>{household.buurtCode ?? ''}</Table.Cell>}
                    {!minimised && (
                      <Table.Cell data-label={t('households.lastActivity')}>
                        {household.lastActivityOn ? (
                          <time dateTime={household.lastActivityOn}>{formatDate(household.lastActivityOn, i18n.language)}</time>
                        ) : (
                          t('households.noActivity')
                        )}
                      </Table.Cell>
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {pages > 1 && (
            <Pagination
              accessibleName={t('households.pagination')}
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

import { Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAccessLog } from '../../api/households';
import { LoadError, Loading } from '../../components/PageState';
import { formatDateTime } from '../../lib/dates';

/** "Wie heeft dit dossier bekeken": the household's audit trail. */
export function AccessLogSection({ householdId }: { householdId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['access-log', householdId, page],
    queryFn: () => fetchAccessLog(householdId, page),
    placeholderData: keepPreviousData,
  });
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / 50));
  return (
    <section aria-labelledby="access-heading" className="db-section">
      <Heading level={2} id="access-heading">
        {t('accessLog.heading')}
      </Heading>
      <Paragraph>{t('accessLog.intro')}</Paragraph>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <LoadError error={log.error} />
      ) : (
        <>
          <div className="db-table-scroll">
            <Table className="db-table db-table--stack db-table--compact">
              <Table.Caption className="db-visually-hidden">{t('accessLog.heading')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('accessLog.when')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('accessLog.who')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('accessLog.what')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('accessLog.outcome')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {log.data.items.map((event) => (
                  <Table.Row key={event.seq}>
                    <Table.Cell data-label={t('accessLog.when')} className="db-nowrap">{formatDateTime(event.at, i18n.language)}</Table.Cell>
                    <Table.Cell data-label={t('accessLog.who')}>
                      {event.username ?? '—'}
                      {event.role && <div className="db-muted">{t(`roles.${event.role}`)}</div>}
                    </Table.Cell>
                    <Table.Cell data-label={t('accessLog.what')}>
                      {t(`accessLog.actions.${event.action}`, { defaultValue: event.action })}
                      {event.breakGlass && <div className="db-warning-text">{t('accessLog.breakGlass')}</div>}
                      {event.reason && <div className="db-muted">{event.reason}</div>}
                    </Table.Cell>
                    <Table.Cell data-label={t('accessLog.outcome')}>{event.outcome === 'allowed' ? t('accessLog.allowed') : t('accessLog.denied')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {pages > 1 && (
            <div className="db-pager" role="group" aria-label={t('accessLog.pages')}>
              <Button variant="secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t('common.newer')}
              </Button>
              <span>{t('common.pageOf', { page, pages })}</span>
              <Button variant="secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                {t('common.older')}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

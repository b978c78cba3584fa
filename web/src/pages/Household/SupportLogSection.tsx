import { Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listSupportActs } from '../../api/supportActs';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { PersonName } from '../../components/PersonName';
import { addDays, formatDate, isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';

const kPeriodDays = 90;

export function SupportLogSection({ householdId, names }: { householdId: string; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const { role } = useSession();
  const { label } = useEnumLabels();
  const [periods, setPeriods] = useState(1);
  const fromDate = addDays(isoToday(), -kPeriodDays * periods);
  const acts = useQuery({
    queryKey: ['support-acts', householdId, fromDate],
    queryFn: () => listSupportActs({ householdId, pageSize: 200, fromDate }),
    placeholderData: keepPreviousData,
  });
  const items = [...(acts.data?.items ?? [])].reverse();

  return (
    <section aria-labelledby="log-heading" className="db-section">
      <div className="db-section__head">
        <Heading level={2} id="log-heading">
          {t('supportLog.heading')}
        </Heading>
        {can(role, 'logSupport') && (
          <Link className="ams-button ams-button--primary db-buttonlink" to={`/steun-vastleggen?huishouden=${householdId}`}>
            {t('supportLog.logNew')}
          </Link>
        )}
      </div>
      <Paragraph>{t('supportLog.since', { date: formatDate(fromDate, i18n.language), count: acts.data?.total ?? 0 })}</Paragraph>
      {acts.isPending ? (
        <Loading />
      ) : acts.isError ? (
        <LoadError error={acts.error} />
      ) : items.length === 0 ? (
        <Paragraph>{t('supportLog.empty')}</Paragraph>
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--stack db-table--compact">
            <Table.Caption className="db-visually-hidden">{t('supportLog.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('supportLog.date')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('supportLog.provider')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('supportLog.type')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('supportLog.mobilisedBy')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="db-col-medium">{t('supportLog.note')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {items.map((act) => (
                <Table.Row key={act.id}>
                  <Table.Cell data-label={t('supportLog.date')} className="db-nowrap">{formatDate(act.date, i18n.language)}</Table.Cell>
                  <Table.Cell data-label={t('supportLog.provider')}>
                    <PersonName id={act.providerId} known={names} />
                    <div className="db-muted">
                      {t('supportLog.to')} <PersonName id={act.receiverId} known={names} />
                    </div>
                  </Table.Cell>
                  <Table.Cell data-label={t('supportLog.type')}>
                    {label('supportType', act.supportType)}
                    <div className="db-muted">
                      {label('supportMode', act.mode)}
                      {act.durationMinutes ? ` · ${t('supportLog.minutes', { count: act.durationMinutes })}` : ''}
                    </div>
                  </Table.Cell>
                  <Table.Cell data-label={t('supportLog.mobilisedBy')}>
                    <span className={`db-mobilised db-mobilised--${act.mobilisedBy}`}>{label('mobilisedBy', act.mobilisedBy)}</span>
                    {(act.othersInvolvedIds?.length ?? 0) > 0 && (
                      <div className="db-muted">{t('supportLog.together', { count: act.othersInvolvedIds?.length ?? 0 })}</div>
                    )}
                  </Table.Cell>
                  <Table.Cell data-label={t('supportLog.note')}>{act.note ?? ''}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Button variant="secondary" onClick={() => setPeriods((n) => n + 1)}>
        {t('supportLog.earlier')}
      </Button>
    </section>
  );
}

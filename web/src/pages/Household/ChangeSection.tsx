import { Field, Heading, Label, Paragraph, Table } from '@amsterdam/design-system-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchHouseholdChange, householdGraphmlUrl, type ZrmChange } from '../../api/analyses';
import { LoadError, Loading } from '../../components/PageState';
import { PersonName } from '../../components/PersonName';
import { addDays, formatDate, isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { changeRows, kNetworkMeasures, type ChangeRow, type MeasureDefinition } from './changeRows';

interface ChangeSectionProps {
  householdId: string;
  names: Map<string, string>;
}

/**
 * How the household's network, its carrying capacity and its members' ZRM
 * profiles changed between two days (issue 6's "change"), each as a table:
 * then, now and the difference.
 */
export function ChangeSection({ householdId, names }: ChangeSectionProps) {
  const { t, i18n } = useTranslation();
  const { label, options } = useEnumLabels();
  const [then, setThen] = useState(addDays(isoToday(), -365));
  const [now, setNow] = useState(isoToday());
  const valid = then !== '' && now !== '' && then <= now;
  const change = useQuery({
    queryKey: ['household-change', householdId, then, now],
    queryFn: () => fetchHouseholdChange(householdId, then, now),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const capacity: MeasureDefinition[] = options('supportType').map((type) => ({
    key: `${type.value}InformalProviders`,
    kind: 'count',
  }));
  const language = i18n.language;
  const columns = { then: formatDate(then, language), now: formatDate(now, language) };

  return (
    <section aria-labelledby="change-heading" className="db-section">
      <Heading level={2} id="change-heading">
        {t('change.heading')}
      </Heading>
      <Paragraph>{t('change.intro')}</Paragraph>
      <div className="db-inline db-change-dates">
        <Field>
          <Label htmlFor="change-then">{t('change.then')}</Label>
          <input id="change-then" className="ams-text-input" type="date" max={now} value={then} onChange={(e) => setThen(e.target.value)} />
        </Field>
        <Field>
          <Label htmlFor="change-now">{t('change.now')}</Label>
          <input id="change-now" className="ams-text-input" type="date" min={then} max={isoToday()} value={now} onChange={(e) => setNow(e.target.value)} />
        </Field>
      </div>
      {!valid && (
        <p className="db-error-text" role="alert">
          {t('change.invalidDates')}
        </p>
      )}
      {change.isPending ? (
        valid && <Loading />
      ) : change.isError ? (
        <LoadError error={change.error} />
      ) : (
        <>
          <ChangeTable
            caption={t('change.networkCaption')}
            rows={changeRows(kNetworkMeasures, change.data.measuresThen, change.data.measures, change.data.change, language)}
            columns={columns}
            rowLabel={(key) => t(`change.measures.${key}`)}
          />
          <ChangeTable
            caption={t('change.capacityCaption')}
            rows={changeRows(capacity, change.data.measuresThen, change.data.measures, change.data.change, language)}
            columns={columns}
            rowLabel={(key) => label('supportType', key.replace(/InformalProviders$/, ''))}
          />
          {change.data.zrmChange && (
            <ZrmChangeTable zrm={change.data.zrmChange} names={names} columns={columns} />
          )}
          <p>
            <a className="ams-link" href={householdGraphmlUrl(householdId, now)} download={`netwerk-${now}.graphml`}>
              {t('change.graphml', { date: columns.now })}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function Direction({ direction }: { direction: ChangeRow['direction'] }) {
  const { t } = useTranslation();
  if (direction === null || direction === 0) return null;
  return (
    <span className="db-change-arrow" aria-label={t(direction > 0 ? 'change.up' : 'change.down')}>
      {direction > 0 ? '▲' : '▼'}
    </span>
  );
}

interface Columns {
  then: string;
  now: string;
}

function ChangeTable({ caption, rows, columns, rowLabel }: { caption: string; rows: ChangeRow[]; columns: Columns; rowLabel: (key: string) => string }) {
  const { t } = useTranslation();
  return (
    <div className="db-table-scroll">
      <Table className="db-table db-table--compact db-table--narrow">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('change.measure')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{columns.then}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{columns.now}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('change.difference')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              <Table.HeaderCell scope="row">{rowLabel(row.key)}</Table.HeaderCell>
              <Table.Cell>{row.then}</Table.Cell>
              <Table.Cell>{row.now}</Table.Cell>
              <Table.Cell>
                {row.change} <Direction direction={row.direction} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ZrmChangeTable({ zrm, names, columns }: { zrm: ZrmChange; names: Map<string, string>; columns: Columns }) {
  const { t, i18n } = useTranslation();
  const { label } = useEnumLabels();
  if (zrm.length === 0) return <Paragraph>{t('change.noZrm')}</Paragraph>;
  const scored = (score: { score: number; assessedOn: string } | null) =>
    score ? t('change.scoreOn', { score: score.score, date: formatDate(score.assessedOn, i18n.language) }) : '';
  return (
    <>
      {zrm.map((person) => (
        <div className="db-table-scroll" key={person.person}>
          <Table className="db-table db-table--stack db-table--compact db-table--narrow">
            <Table.Caption>
              {t('change.zrmCaption')} <PersonName id={person.person} known={names} />
            </Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('change.domain')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{columns.then}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{columns.now}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('change.difference')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {person.domains.map((domain) => (
                <Table.Row key={domain.domain}>
                  <Table.HeaderCell scope="row">{label('zrmDomain', domain.domain)}</Table.HeaderCell>
                  <Table.Cell data-label={columns.then}>{scored(domain.then)}</Table.Cell>
                  <Table.Cell data-label={columns.now}>{scored(domain.now)}</Table.Cell>
                  <Table.Cell data-label={t('change.difference')}>
                    {domain.change === null ? '' : new Intl.NumberFormat(i18n.language, { signDisplay: 'exceptZero' }).format(domain.change)}{' '}
                    <Direction direction={domain.change === null ? null : (Math.sign(domain.change) as -1 | 0 | 1)} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ))}
    </>
  );
}

import { Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { exportLinks, fetchComparison, fetchHouseholdMeasures } from '../../api/analyses';
import { ChartWithTable } from '../../components/ChartWithTable';
import { LoadError, Loading } from '../../components/PageState';
import { capacityChart, comparisonChart, percent } from '../Dashboard/chartData';
import { projectsPath } from './shared';

/**
 * The researcher's view: pseudonymised analyses of households whose research
 * consent is in force, and the exports. The API gives researchers no names
 * and no real ids, so there are none to show.
 */
export function Research() {
  const { t } = useTranslation();
  const comparison = useQuery({ queryKey: ['comparison'], queryFn: fetchComparison });
  const measures = useQuery({ queryKey: ['household-measures', 'all'], queryFn: () => fetchHouseholdMeasures() });
  const comparisonView = useMemo(() => comparison.data && comparisonChart(comparison.data.items, t), [comparison.data, t]);
  const capacityView = useMemo(() => measures.data && capacityChart(measures.data.items, t), [measures.data, t]);
  const rows = measures.data?.items.slice(0, 20) ?? [];

  return (
    <>
      <Heading level={1}>{t('research.heading')}</Heading>
      <Paragraph className="db-lead">{t('research.intro')}</Paragraph>
      <section aria-labelledby="projects-heading" className="db-section">
        <Heading level={2} id="projects-heading">
          {t('research.projects.heading')}
        </Heading>
        <Paragraph>{t('research.projects.teaser')}</Paragraph>
        <Paragraph>
          <Link to={projectsPath} className="ams-link">
            {t('research.projects.open')}
          </Link>
        </Paragraph>
      </section>
      <section aria-labelledby="exports-heading" className="db-section">
        <Heading level={2} id="exports-heading">
          {t('research.exports')}
        </Heading>
        <ul className="db-downloads">
          <li>
            <a href={exportLinks.supportActsCsv} download className="ams-link">
              {t('research.supportActsCsv')}
            </a>
            <span className="db-muted"> — {t('research.supportActsCsvHint')}</span>
          </li>
          <li>
            <a href={exportLinks.householdMeasuresCsv} download className="ams-link">
              {t('research.measuresCsv')}
            </a>
            <span className="db-muted"> — {t('research.measuresCsvHint')}</span>
          </li>
        </ul>
      </section>
      <div className="db-dashboard">
        {comparison.isError ? <LoadError error={comparison.error} /> : comparisonView ? (
          <ChartWithTable title={t('dashboard.comparison')} description={t('dashboard.comparisonDescription')} {...comparisonView} height={Math.max(220, 60 + 44 * (comparison.data?.items.length ?? 1))} />
        ) : <Loading />}
        {measures.isError ? <LoadError error={measures.error} /> : capacityView ? (
          <ChartWithTable title={t('dashboard.capacity')} description={t('dashboard.capacityDescription')} {...capacityView} height={280} />
        ) : <Loading />}
      </div>
      <section aria-labelledby="measures-heading" className="db-section">
        <Heading level={2} id="measures-heading">
          {t('research.measures')}
        </Heading>
        <Paragraph>{t('research.measuresIntro', { count: measures.data?.items.length ?? 0 })}</Paragraph>
        <div className="db-table-scroll">
          <Table className="db-table db-table--compact">
            <Table.Caption className="db-visually-hidden">{t('research.measures')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('research.pseudonym')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.size')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('dashboard.informalShare')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.kinShare')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.density')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map((row) => (
                <Table.Row key={row.household}>
                  <Table.HeaderCell scope="row">
                    <code>{row.household.slice(0, 10)}</code>
                  </Table.HeaderCell>
                  <Table.Cell>{row.size}</Table.Cell>
                  <Table.Cell>{percent(row.informalShare)}</Table.Cell>
                  <Table.Cell>{percent(row.kinShare)}</Table.Cell>
                  <Table.Cell>{row.density.toFixed(2)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>
    </>
  );
}

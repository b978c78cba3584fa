import { Heading, Paragraph } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/SessionContext';
import { ChartWithTable } from '../../components/ChartWithTable';
import { LoadError, Loading } from '../../components/PageState';
import { capacityChart, collaborationChart, comparisonChart, mobilisationChart, mobilisationTotal, percent } from './chartData';
import { dashboardQueries } from './queries';

/** The practice dashboard of a coordinator: their own practice. */
export function Dashboard() {
  const { t } = useTranslation();
  const { session } = useSession();
  const practiceId = session?.account.practiceId ?? '';
  const practices = useQuery(dashboardQueries.practices());
  const mobilisation = useQuery(dashboardQueries.mobilisation(practiceId));
  const collaboration = useQuery(dashboardQueries.collaboration(practiceId));
  const measures = useQuery(dashboardQueries.measures(practiceId));
  const comparison = useQuery(dashboardQueries.comparison());
  const practice = practices.data?.items.find((p) => p.id === practiceId);

  const mobilisationView = useMemo(() => mobilisation.data && mobilisationChart(mobilisation.data.byMonth, t), [mobilisation.data, t]);
  const collaborationView = useMemo(() => collaboration.data && collaborationChart(collaboration.data.byMonth, t), [collaboration.data, t]);
  const capacityView = useMemo(() => measures.data && capacityChart(measures.data.items, t), [measures.data, t]);
  const comparisonView = useMemo(() => comparison.data && comparisonChart(comparison.data.items, t), [comparison.data, t]);
  // The key figures come from the practice's own mobilisation, which the
  // server answers at once; the comparison across practices takes longer.
  const total = useMemo(() => mobilisation.data && mobilisationTotal(mobilisation.data.byMonth), [mobilisation.data]);

  return (
    <>
      <Heading level={1}>{t('dashboard.heading')}</Heading>
      <Paragraph className="db-lead">{practice ? t('dashboard.introFor', { name: practice.name }) : t('dashboard.intro')}</Paragraph>
      {total && (
        <ul className="db-kpis" aria-label={t('dashboard.lastYear')}>
          <li><span className="db-kpi__value">{total.acts}</span><span className="db-kpi__label">{t('dashboard.actsLastYear')}</span></li>
          <li><span className="db-kpi__value">{percent(total.networkShare)}</span><span className="db-kpi__label">{t('dashboard.byNetwork')}</span></li>
          <li><span className="db-kpi__value">{percent(total.selfShare)}</span><span className="db-kpi__label">{t('dashboard.bySelf')}</span></li>
          <li><span className="db-kpi__value">{measures.data?.items.length ?? '…'}</span><span className="db-kpi__label">{t('dashboard.households')}</span></li>
        </ul>
      )}
      <div className="db-dashboard">
        {mobilisation.isError ? <LoadError error={mobilisation.error} /> : mobilisationView ? (
          <ChartWithTable title={t('dashboard.mobilisation')} description={t('dashboard.mobilisationDescription')} {...mobilisationView} />
        ) : <Loading />}
        {collaboration.isError ? <LoadError error={collaboration.error} /> : collaborationView ? (
          <ChartWithTable title={t('dashboard.collaboration')} description={t('dashboard.collaborationDescription')} {...collaborationView} />
        ) : <Loading />}
        {measures.isError ? <LoadError error={measures.error} /> : capacityView ? (
          <ChartWithTable title={t('dashboard.capacity')} description={t('dashboard.capacityDescription')} {...capacityView} height={280} />
        ) : <Loading />}
        {comparison.isError ? <LoadError error={comparison.error} /> : comparisonView ? (
          <ChartWithTable title={t('dashboard.comparison')} description={t('dashboard.comparisonDescription')} {...comparisonView} height={Math.max(200, 60 + 44 * (comparison.data?.items.length ?? 1))} />
        ) : <Loading />}
      </div>
    </>
  );
}

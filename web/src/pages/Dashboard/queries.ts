import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { fetchCollaboration, fetchComparison, fetchHouseholdMeasures, fetchMobilisation } from '../../api/analyses';
import { listPractices } from '../../api/practices';

// The dashboard's queries, shared by the page and by the prefetch that the
// route starts while the page's code (with ECharts) is still loading.
export const dashboardQueries = {
  practices: () => queryOptions({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 }),
  mobilisation: (practiceId: string) =>
    queryOptions({ queryKey: ['mobilisation', practiceId], queryFn: () => fetchMobilisation(practiceId), enabled: Boolean(practiceId) }),
  collaboration: (practiceId: string) =>
    queryOptions({ queryKey: ['collaboration', practiceId], queryFn: () => fetchCollaboration(practiceId), enabled: Boolean(practiceId) }),
  measures: (practiceId: string) =>
    queryOptions({ queryKey: ['household-measures', practiceId], queryFn: () => fetchHouseholdMeasures(practiceId) }),
  comparison: () => queryOptions({ queryKey: ['comparison'], queryFn: fetchComparison }),
};

/** Starts every request of the dashboard of practiceId (the coordinator's own). */
export function prefetchDashboard(client: QueryClient, practiceId: string) {
  void client.prefetchQuery(dashboardQueries.practices());
  if (practiceId) {
    void client.prefetchQuery(dashboardQueries.mobilisation(practiceId));
    void client.prefetchQuery(dashboardQueries.collaboration(practiceId));
  }
  void client.prefetchQuery(dashboardQueries.measures(practiceId));
  void client.prefetchQuery(dashboardQueries.comparison());
}

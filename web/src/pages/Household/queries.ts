import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { fetchHousehold, fetchNetwork } from '../../api/households';
import type { Role } from '../../api/session';
import { can } from '../../auth/permissions';
import { isoToday } from '../../lib/dates';

// The household page's first queries, shared by the page and by the
// prefetch that the route starts while the page's code (with Cytoscape) is
// still loading.
export const householdQueries = {
  household: (householdId: string) =>
    queryOptions({ queryKey: ['household', householdId], queryFn: () => fetchHousehold(householdId) }),
  // Everyone around the household on date (today: the current network).
  network: (householdId: string, date: string = isoToday()) =>
    queryOptions({
      queryKey: ['network', householdId, date],
      queryFn: () => fetchNetwork(householdId, date === isoToday() ? undefined : date),
    }),
};

/** Starts the requests the household page shows first, as far as role may see them. */
export function prefetchHousehold(client: QueryClient, householdId: string, role: Role | undefined) {
  if (!householdId) return;
  void client.prefetchQuery(householdQueries.household(householdId));
  if (can(role, 'viewNetwork')) void client.prefetchQuery(householdQueries.network(householdId));
}

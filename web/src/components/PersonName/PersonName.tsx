import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPerson } from '../../api/persons';

/** A person's display name, fetched once per person and cached. */
export function PersonName({ id, known }: { id: string; known?: Map<string, string> }) {
  const { t } = useTranslation();
  const cached = known?.get(id);
  const query = useQuery({
    queryKey: ['person', id],
    queryFn: () => fetchPerson(id),
    enabled: cached === undefined,
    staleTime: 5 * 60_000,
    retry: false,
  });
  if (cached !== undefined) return <>{cached}</>;
  if (query.data) return <>{query.data.displayName}</>;
  if (query.isError) return <>{t('common.unknownPerson')}</>;
  return <span className="db-muted">…</span>;
}

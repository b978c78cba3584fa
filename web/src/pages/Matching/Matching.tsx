import { Alert, Button, Heading, Paragraph } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { listMatches, runMatching, type Match, type MatchingRun } from '../../api/matches';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { MatchCard } from './MatchCard';

const kOngoing = ['approved', 'accepted', 'active'];

/**
 * A coordinator matches their practice's open help requests to its
 * volunteers: runs matching, reads why each proposal was made and who else
 * could have helped, approves or rejects, and ends matches with a reason.
 */
export function Matching() {
  const { t } = useTranslation();
  const { session } = useSession();
  const client = useQueryClient();
  const practiceId = session?.account.practiceId;
  const matches = useQuery({ queryKey: ['matches', 'practice'], queryFn: () => listMatches({ pageSize: 200 }) });
  const run = useMutation<MatchingRun, unknown>({
    mutationFn: () => runMatching(practiceId ?? ''),
    onSuccess: () => client.invalidateQueries({ queryKey: ['matches'] }),
  });

  const items: Match[] = matches.data?.items ?? [];
  const proposals = items.filter((match) => match.status === 'proposed');
  const ongoing = items.filter((match) => kOngoing.includes(match.status));

  return (
    <>
      <Heading level={1}>{t('matching.heading')}</Heading>
      <Paragraph className="db-lead">{t('matching.intro')}</Paragraph>
      {!practiceId ? (
        <Paragraph>{t('matching.noPractice')}</Paragraph>
      ) : (
        <div className="db-inline">
          <Button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
            {t('matching.run')}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {run.isSuccess && (
          <Alert heading={t('matching.runHeading')} headingLevel={2} severity="success">
            <Paragraph>
              {t('matching.runSummary', {
                proposals: run.data.proposals.length,
                requests: run.data.openRequests ?? 0,
                volunteers: run.data.volunteers ?? 0,
                unserved: run.data.unserved.length,
              })}
            </Paragraph>
          </Alert>
        )}
        {run.isError && (
          <p className="db-error-text" role="alert">
            {run.error instanceof ApiError ? run.error.message : t('errors.network')}
          </p>
        )}
      </div>

      {matches.isPending ? (
        <Loading />
      ) : matches.isError ? (
        <LoadError error={matches.error} />
      ) : (
        <>
          <section aria-labelledby="proposals-heading" className="db-block">
            <Heading level={2} id="proposals-heading">
              {t('matching.proposals', { count: proposals.length })}
            </Heading>
            {proposals.length === 0 ? (
              <Paragraph>{t('matching.noProposals')}</Paragraph>
            ) : (
              <ul className="db-cards">
                {proposals.map((match) => (
                  <li key={match.id}>
                    <MatchCard match={match} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="ongoing-heading" className="db-block">
            <Heading level={2} id="ongoing-heading">
              {t('matching.ongoing', { count: ongoing.length })}
            </Heading>
            {ongoing.length === 0 ? (
              <Paragraph>{t('matching.noOngoing')}</Paragraph>
            ) : (
              <ul className="db-cards">
                {ongoing.map((match) => (
                  <li key={match.id}>
                    <MatchCard match={match} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}

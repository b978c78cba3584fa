import { Alert, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { fetchHelpRequest } from '../../api/helpRequests';
import { listMatches } from '../../api/matches';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { PersonName } from '../../components/PersonName';
import { useEnumLabels } from '../../lib/enumLabels';
import { WeekTimes } from '../../components/WeekTimes';

/** One help request: what is asked, where it stands, and (for a coordinator) its matches. */
export function HelpRequestDetail() {
  const { t } = useTranslation();
  const { helpRequestId = '' } = useParams();
  const { role } = useSession();
  const { label } = useEnumLabels();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const request = useQuery({ queryKey: ['helpRequest', helpRequestId], queryFn: () => fetchHelpRequest(helpRequestId) });
  const matches = useQuery({
    queryKey: ['matches', { requestId: helpRequestId }],
    queryFn: () => listMatches({ requestId: helpRequestId, pageSize: 50 }),
    enabled: can(role, 'runMatching'),
  });

  if (request.isPending) return <Loading />;
  if (request.isError) return <LoadError error={request.error} />;
  const help = request.data;
  return (
    <>
      <Heading level={1}>{t('helpRequests.detailHeading', { kind: label('helpKind', help.kind) })}</Heading>
      {created && (
        <Alert heading={t('helpRequests.createdHeading')} headingLevel={2} severity="success">
          <Paragraph>{t('helpRequests.createdBody')}</Paragraph>
        </Alert>
      )}
      <dl className="db-facts">
        <dt>{t('helpRequests.status')}</dt>
        <dd>
          <span className={`db-status db-status--${help.status}`}>{label('helpRequestStatus', help.status)}</span>
        </dd>
        <dt>{t('helpRequests.description')}</dt>
        <dd>{help.description}</dd>
        <dt>{t('helpRequests.urgency')}</dt>
        <dd>{label('urgency', help.urgency)}</dd>
        <dt>{t('helpRequests.buurt')}</dt>
        <dd>{help.buurtCode}</dd>
        <dt>{t('helpRequests.languages')}</dt>
        <dd>{(help.languages ?? []).join(', ') || '—'}</dd>
        <dt>{t('helpRequests.interests')}</dt>
        <dd>{(help.interests ?? []).join(', ') || '—'}</dd>
        <dt>{t('helpRequests.wishedTimes')}</dt>
        <dd>
          <WeekTimes codes={help.wishedTimes ?? []} />
        </dd>
        {role !== 'client' && (
          <>
            <dt>{t('helpRequests.household')}</dt>
            <dd>
              <Link to={`/huishoudens/${help.householdId}`} className="ams-link">
                {t('helpRequests.openHousehold')}
              </Link>
            </dd>
          </>
        )}
      </dl>
      {can(role, 'runMatching') && (
        <section aria-labelledby="hr-matches-heading" className="db-block">
          <Heading level={2} id="hr-matches-heading">
            {t('helpRequests.matches')}
          </Heading>
          {matches.isPending ? (
            <Loading />
          ) : matches.isError ? (
            <LoadError error={matches.error} />
          ) : matches.data.items.length === 0 ? (
            <Paragraph>{t('helpRequests.noMatches')}</Paragraph>
          ) : (
            <Table className="db-table">
              <Table.Caption className="db-visually-hidden">{t('helpRequests.matches')}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('matching.volunteer')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('matching.status')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t('matching.score')}</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {matches.data.items.map((match) => (
                  <Table.Row key={match.id}>
                    <Table.Cell>{match.volunteerId ? <PersonName id={match.volunteerId} /> : '—'}</Table.Cell>
                    <Table.Cell>{label('matchStatus', match.status)}</Table.Cell>
                    <Table.Cell>{match.score}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </section>
      )}
    </>
  );
}

import { Button, ErrorMessage, Field, Heading, Label, Table, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { fetchHelpRequest } from '../../api/helpRequests';
import { changeMatch, type Match, type MatchStatus } from '../../api/matches';
import { PersonName } from '../../components/PersonName';
import { useEnumLabels } from '../../lib/enumLabels';
import { readExplanation } from './explanation';

/** One match as a coordinator sees it, with the steps they may take now. */
export function MatchCard({ match }: { match: Match }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const client = useQueryClient();
  const headingId = useId();
  const explanation = readExplanation(match.explanation);
  const request = useQuery({
    queryKey: ['helpRequest', match.requestId],
    queryFn: () => fetchHelpRequest(match.requestId ?? ''),
    enabled: Boolean(match.requestId),
  });
  const [asking, setAsking] = useState<'rejected' | 'ended' | null>(null);
  const [reason, setReason] = useState('');
  const step = useMutation<Match, unknown, { status: MatchStatus; reason?: string }>({
    mutationFn: ({ status, reason: why }) => changeMatch(match.id, status, why),
    onSuccess: async () => {
      setAsking(null);
      setReason('');
      await client.invalidateQueries({ queryKey: ['matches'] });
      await client.invalidateQueries({ queryKey: ['helpRequest', match.requestId] });
    },
  });
  const reasonError = step.error instanceof ApiError ? step.error.fieldError('reason') : undefined;

  function submitReason(event: FormEvent) {
    event.preventDefault();
    if (asking) step.mutate({ status: asking, reason: reason.trim() });
  }

  return (
    <article className="db-card" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {request.data ? label('helpKind', request.data.kind) : t('matching.request')}
        {': '}
        {match.volunteerId ? <PersonName id={match.volunteerId} /> : '—'}
      </Heading>
      <p>
        <span className={`db-status db-status--${match.status}`}>{label('matchStatus', match.status)}</span>{' '}
        {t('matching.scoreOf', { score: match.score })}
        {explanation.distanceKm !== undefined && <> · {t('matching.distance', { km: explanation.distanceKm })}</>}
      </p>
      {request.data && (
        <p>
          <Link to={`/hulpvragen/${request.data.id}`} className="ams-link">
            {request.data.description}
          </Link>{' '}
          ({request.data.buurtCode}, {label('urgency', request.data.urgency)})
        </p>
      )}
      <Table className="db-table db-table--compact">
        <Table.Caption>{t('matching.criteria')}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('matching.criterion')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('matching.points')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('matching.why')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {explanation.criteria.map((criterion) => (
            <Table.Row key={criterion.criterion}>
              <Table.Cell>{t(`matching.criteria_.${criterion.criterion}`, { defaultValue: criterion.criterion })}</Table.Cell>
              <Table.Cell>{criterion.points}</Table.Cell>
              <Table.Cell>{criterion.detail}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {match.status === 'proposed' && (
        <>
          <Heading level={4}>{t('matching.alternatives')}</Heading>
          {explanation.alternatives.length === 0 ? (
            <p>{t('matching.noAlternatives')}</p>
          ) : (
            <ul>
              {explanation.alternatives.map((alternative) => (
                <li key={alternative.volunteerId}>
                  <PersonName id={alternative.volunteerId} />: {t('matching.scoreOf', { score: alternative.score })}
                  {alternative.matchedElsewhere && <> ({t('matching.matchedElsewhere')})</>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {step.isError && !reasonError && (
        <p className="db-error-text" role="alert">
          {step.error instanceof ApiError ? step.error.message : t('errors.network')}
        </p>
      )}
      {asking ? (
        <form onSubmit={submitReason} noValidate>
          <Field invalid={Boolean(reasonError)}>
            <Label htmlFor={`${headingId}-reason`}>{asking === 'rejected' ? t('matching.rejectReason') : t('matching.endReason')}</Label>
            {reasonError && <ErrorMessage id={`${headingId}-reason-error`}>{reasonError}</ErrorMessage>}
            <TextInput
              id={`${headingId}-reason`}
              value={reason}
              autoFocus
              invalid={Boolean(reasonError)}
              aria-describedby={reasonError ? `${headingId}-reason-error` : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <div className="db-inline">
            <Button type="submit" disabled={step.isPending}>
              {asking === 'rejected' ? t('matching.reject') : t('matching.end')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(null)}>
              {t('plan.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="db-inline">
          {match.status === 'proposed' && (
            <>
              <Button type="button" disabled={step.isPending} onClick={() => step.mutate({ status: 'approved' })}>
                {t('matching.approve')}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setAsking('rejected')}>
                {t('matching.reject')}
              </Button>
            </>
          )}
          {match.status === 'accepted' && (
            <Button type="button" variant="secondary" disabled={step.isPending} onClick={() => step.mutate({ status: 'active' })}>
              {t('matching.markActive')}
            </Button>
          )}
          {['approved', 'accepted', 'active'].includes(match.status) && (
            <Button type="button" variant="secondary" onClick={() => setAsking('ended')}>
              {t('matching.end')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}

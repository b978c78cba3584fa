import { Button, Field, Heading, Label, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { changeMatch, type Match, type MatchStatus } from '../../api/matches';
import { WeekTimes } from '../../components/WeekTimes';
import { useEnumLabels } from '../../lib/enumLabels';
import { readExplanation } from '../Matching/explanation';

/** The request's essentials (kind, description, buurt, languages, times, urgency). */
interface Essentials {
  kind?: string;
  description?: string;
  buurtCode?: string;
  languages?: string[];
  wishedTimes?: string[];
  urgency?: string;
}

/** One match proposed to the volunteer, and their answer. */
export function VolunteerMatch({ match }: { match: Match }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const client = useQueryClient();
  const headingId = useId();
  const request = (match.request ?? {}) as Essentials;
  const explanation = readExplanation(match.explanation);
  const [asking, setAsking] = useState<'declined' | 'ended' | null>(null);
  const [reason, setReason] = useState('');
  const step = useMutation<Match, unknown, { status: MatchStatus; reason?: string }>({
    mutationFn: ({ status, reason: why }) => changeMatch(match.id, status, why),
    onSuccess: async () => {
      setAsking(null);
      await client.invalidateQueries({ queryKey: ['matches'] });
    },
  });

  function submitReason(event: FormEvent) {
    event.preventDefault();
    if (asking) step.mutate({ status: asking, reason: reason.trim() || undefined });
  }

  return (
    <article className="db-card" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {label('helpKind', request.kind)} · {label('matchStatus', match.status)}
      </Heading>
      <dl className="db-facts">
        <dt>{t('helpRequests.description')}</dt>
        <dd>{request.description}</dd>
        <dt>{t('helpRequests.buurt')}</dt>
        <dd>{request.buurtCode}</dd>
        <dt>{t('helpRequests.urgency')}</dt>
        <dd>{label('urgency', request.urgency)}</dd>
        <dt>{t('helpRequests.languages')}</dt>
        <dd>{(request.languages ?? []).join(', ')}</dd>
        <dt>{t('helpRequests.wishedTimes')}</dt>
        <dd>
          <WeekTimes codes={request.wishedTimes ?? []} />
        </dd>
        <dt>{t('myHelp.why')}</dt>
        <dd>
          {explanation.criteria
            .filter((criterion) => criterion.points > 0)
            .map((criterion) => t(`matching.criteria_.${criterion.criterion}`, { defaultValue: criterion.criterion }))
            .join(', ')}
        </dd>
      </dl>
      {match.householdId && (
        <p>
          <Link to={`/huishoudens/${match.householdId}`} className="ams-link">
            {t('myHelp.openHousehold')}
          </Link>
        </p>
      )}
      {step.isError && (
        <p className="db-error-text" role="alert">
          {step.error instanceof ApiError ? step.error.message : t('errors.network')}
        </p>
      )}
      {asking ? (
        <form onSubmit={submitReason} noValidate>
          <Field>
            <Label htmlFor={`${headingId}-reason`}>{asking === 'declined' ? t('myHelp.declineReason') : t('matching.endReason')}</Label>
            <TextInput id={`${headingId}-reason`} value={reason} autoFocus onChange={(e) => setReason(e.target.value)} />
          </Field>
          <div className="db-inline">
            <Button type="submit" disabled={step.isPending}>
              {asking === 'declined' ? t('myHelp.decline') : t('matching.end')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(null)}>
              {t('plan.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="db-inline">
          {match.status === 'approved' && (
            <>
              <Button type="button" disabled={step.isPending} onClick={() => step.mutate({ status: 'accepted' })}>
                {t('myHelp.accept')}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setAsking('declined')}>
                {t('myHelp.decline')}
              </Button>
            </>
          )}
          {match.status === 'accepted' && (
            <Button type="button" variant="secondary" disabled={step.isPending} onClick={() => step.mutate({ status: 'active' })}>
              {t('matching.markActive')}
            </Button>
          )}
          {(match.status === 'accepted' || match.status === 'active') && (
            <Button type="button" variant="secondary" onClick={() => setAsking('ended')}>
              {t('matching.end')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}

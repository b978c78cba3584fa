import { Button, ErrorMessage, Field, Heading, Label, Paragraph, Select, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { createHelpRequest, type HelpRequestInput } from '../../api/helpRequests';
import { listHouseholds, type Household } from '../../api/households';
import { listPractices } from '../../api/practices';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { WeekTimesField } from '../../components/WeekTimesField';
import { useEnumLabels } from '../../lib/enumLabels';
import { newIdempotencyKey, sendIdempotent } from '../../lib/idempotentRetry';
import { splitList } from '../../lib/weekTimes';

type Kind = HelpRequestInput['kind'];
type Urgency = HelpRequestInput['urgency'];

interface Draft {
  householdId: string;
  practiceId: string;
  kind: Kind;
  description: string;
  buurtCode: string;
  languages: string;
  interests: string;
  wishedTimes: string[];
  urgency: Urgency;
}

/**
 * Asking for help: a client for their own household ("Hulp vragen"), a
 * professional or coordinator for a household they may see.
 */
export function NewHelpRequest() {
  const { t } = useTranslation();
  const { session, role } = useSession();
  const { options } = useEnumLabels();
  const navigate = useNavigate();
  const client = useQueryClient();
  const own = role === 'client';
  const households = useQuery({ queryKey: ['households', 'forHelp'], queryFn: () => listHouseholds({ pageSize: own ? 5 : 200 }) });
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  const [draft, setDraft] = useState<Draft>({
    householdId: '',
    practiceId: '',
    kind: 'companionship',
    description: '',
    buurtCode: '',
    languages: 'nl',
    interests: '',
    wishedTimes: [],
    urgency: 'normal',
  });
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  const householdOf = (id: string): Household | undefined => households.data?.items.find((h) => h.id === id);
  const choose = (household: Household | undefined) =>
    setDraft((current) => ({
      ...current,
      householdId: household?.id ?? '',
      practiceId: household?.practiceIds?.[0] ?? '',
      buurtCode: household?.buurtCode ?? current.buurtCode,
    }));
  useEffect(() => {
    if (!draft.householdId && households.data?.items[0]) choose(households.data.items[0]);
    // Only once the households arrive: later choices are the user's.
  }, [households.data]);

  const update = (changes: Partial<Draft>) => {
    key.current = newIdempotencyKey();
    setDraft({ ...draft, ...changes });
  };
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const errorOf = (name: string) => {
    const reason = fieldError(name);
    return reason ? <ErrorMessage id={`hr-${name}-error`}>{reason}</ErrorMessage> : null;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const input: HelpRequestInput = {
      householdId: draft.householdId,
      practiceId: draft.practiceId,
      kind: draft.kind,
      description: draft.description.trim(),
      buurtCode: draft.buurtCode.trim(),
      languages: splitList(draft.languages),
      interests: splitList(draft.interests),
      wishedTimes: draft.wishedTimes,
      urgency: draft.urgency,
      status: 'open',
      ...(session?.account.personId ? { requestedById: session.account.personId } : {}),
    };
    try {
      const created = await sendIdempotent((k) => createHelpRequest(input, k), key.current);
      await client.invalidateQueries({ queryKey: ['helpRequests'] });
      navigate(`/hulpvragen/${created.id}`, { state: { created: true } });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  if (households.isPending) return <Loading />;
  if (households.isError) return <LoadError error={households.error} />;
  const chosen = householdOf(draft.householdId);
  const practiceChoices = (chosen?.practiceIds ?? []).map((id) => ({ id, name: practices.data?.items.find((p) => p.id === id)?.name ?? id }));

  return (
    <>
      <Heading level={1}>{own ? t('helpRequests.askHeading') : t('helpRequests.newHeading')}</Heading>
      <Paragraph className="db-lead">{own ? t('helpRequests.askIntro') : t('helpRequests.newIntro')}</Paragraph>
      {households.data.items.length === 0 ? (
        <Paragraph>{t('helpRequests.noHousehold')}</Paragraph>
      ) : (
        <form onSubmit={submit} className="db-form" aria-labelledby="hr-form-heading" noValidate>
          <h2 id="hr-form-heading" className="db-visually-hidden">
            {t('helpRequests.formHeading')}
          </h2>
          {error && (
            <p className="db-error-text" role="alert">
              {typeof error === 'string' ? error : error.message}
            </p>
          )}
          {!own && (
            <Field invalid={Boolean(fieldError('householdId'))}>
              <Label htmlFor="hr-household">{t('helpRequests.household')}</Label>
              {errorOf('householdId')}
              <Select id="hr-household" value={draft.householdId} onChange={(e) => choose(householdOf(e.target.value))}>
                {households.data.items.map((household) => (
                  <Select.Option key={household.id} value={household.id}>
                    {household.name ?? household.id}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          {practiceChoices.length > 1 && (
            <Field invalid={Boolean(fieldError('practiceId'))}>
              <Label htmlFor="hr-practice">{t('helpRequests.practice')}</Label>
              {errorOf('practiceId')}
              <Select id="hr-practice" value={draft.practiceId} onChange={(e) => update({ practiceId: e.target.value })}>
                {practiceChoices.map((practice) => (
                  <Select.Option key={practice.id} value={practice.id}>
                    {practice.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          )}
          <div className="db-form__row">
            <Field invalid={Boolean(fieldError('kind'))}>
              <Label htmlFor="hr-kind">{t('helpRequests.kind')}</Label>
              {errorOf('kind')}
              <Select id="hr-kind" value={draft.kind} onChange={(e) => update({ kind: e.target.value as Kind })}>
                {options('helpKind').map((option) => (
                  <Select.Option key={option.value} value={option.value}>
                    {option.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field invalid={Boolean(fieldError('urgency'))}>
              <Label htmlFor="hr-urgency">{t('helpRequests.urgency')}</Label>
              {errorOf('urgency')}
              <Select id="hr-urgency" value={draft.urgency} onChange={(e) => update({ urgency: e.target.value as Urgency })}>
                {options('urgency').map((option) => (
                  <Select.Option key={option.value} value={option.value}>
                    {option.label}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <Field invalid={Boolean(fieldError('description'))}>
            <Label htmlFor="hr-description">{t('helpRequests.description')}</Label>
            {errorOf('description')}
            <TextArea
              id="hr-description"
              rows={4}
              value={draft.description}
              invalid={Boolean(fieldError('description'))}
              aria-describedby={fieldError('description') ? 'hr-description-error' : undefined}
              onChange={(e) => update({ description: e.target.value })}
            />
          </Field>
          <div className="db-form__row">
            <Field invalid={Boolean(fieldError('buurtCode'))}>
              <Label htmlFor="hr-buurt">{t('helpRequests.buurt')}</Label>
              {errorOf('buurtCode')}
              <TextInput
                id="hr-buurt"
                value={draft.buurtCode}
                invalid={Boolean(fieldError('buurtCode'))}
                aria-describedby={fieldError('buurtCode') ? 'hr-buurtCode-error' : undefined}
                onChange={(e) => update({ buurtCode: e.target.value })}
              />
            </Field>
            <Field invalid={Boolean(fieldError('languages'))}>
              <Label htmlFor="hr-languages">{t('helpRequests.languages')}</Label>
              {errorOf('languages')}
              <TextInput id="hr-languages" value={draft.languages} onChange={(e) => update({ languages: e.target.value })} />
            </Field>
            <Field invalid={Boolean(fieldError('interests'))}>
              <Label htmlFor="hr-interests">{t('helpRequests.interests')}</Label>
              {errorOf('interests')}
              <TextInput id="hr-interests" value={draft.interests} onChange={(e) => update({ interests: e.target.value })} />
            </Field>
          </div>
          <WeekTimesField
            id="hr-times"
            legend={t('helpRequests.wishedTimes')}
            value={draft.wishedTimes}
            error={fieldError('wishedTimes')}
            onChange={(wishedTimes) => update({ wishedTimes })}
          />
          <div className="db-inline">
            <Button type="submit" disabled={busy}>
              {own ? t('helpRequests.ask') : t('helpRequests.create')}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

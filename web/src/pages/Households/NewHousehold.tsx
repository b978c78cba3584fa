import { Button, ErrorMessage, Field, Heading, Label, Paragraph, Select, TextInput } from '@amsterdam/design-system-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { createHousehold, createPerson, updateHousehold, type HouseholdInput } from '../../api/households';
import { listPractices } from '../../api/practices';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { newIdempotencyKey, sendIdempotent } from '../../lib/idempotentRetry';
import { problemText } from '../../lib/problemText';

interface Draft {
  name: string;
  kind: HouseholdInput['kind'];
  targetGroup: HouseholdInput['targetGroup'];
  status: HouseholdInput['status'];
  buurtCode: string;
  practiceId: string;
  memberName: string;
}

/**
 * Registering a household ("Nieuw huishouden"). A professional lands on its
 * team from today, as the server requires of whoever registers one; a
 * coordinator registers it for their own practice. The first resident, when
 * named, becomes a person and joins it once it is stored.
 */
export function NewHousehold() {
  const { t } = useTranslation();
  const { session, role } = useSession();
  const { options } = useEnumLabels();
  const navigate = useNavigate();
  const client = useQueryClient();
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  const ownPractice = role === 'coordinator' ? session?.account.practiceId : undefined;
  const [draft, setDraft] = useState<Draft>({
    name: '',
    kind: 'household',
    targetGroup: 'other',
    status: 'intake',
    buurtCode: '',
    practiceId: ownPractice ?? '',
    memberName: '',
  });
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per attempt at the same content: a retry after a dropped
  // connection stores the person and the household once.
  const personKey = useRef(newIdempotencyKey());
  const householdKey = useRef(newIdempotencyKey());

  useEffect(() => {
    if (!draft.practiceId && practices.data?.items[0]) setDraft((current) => ({ ...current, practiceId: ownPractice ?? practices.data.items[0]!.id }));
  }, [practices.data]);

  const update = (changes: Partial<Draft>) => {
    personKey.current = newIdempotencyKey();
    householdKey.current = newIdempotencyKey();
    setDraft({ ...draft, ...changes });
  };
  const fieldError = (...names: string[]) => {
    if (!(error instanceof ApiError)) return undefined;
    for (const name of names) {
      const reason = error.fieldError(name);
      if (reason) return reason;
    }
    return undefined;
  };
  const described = (id: string, reason: string | undefined) => (reason ? `${id}-error` : undefined);
  const errorOf = (id: string, reason: string | undefined): ReactNode => (reason ? <ErrorMessage id={`${id}-error`}>{reason}</ErrorMessage> : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const today = isoToday();
    const input: HouseholdInput = {
      name: draft.name.trim(),
      kind: draft.kind,
      targetGroup: draft.targetGroup,
      status: draft.status,
      practiceIds: draft.practiceId ? [draft.practiceId] : [],
      members: [],
      team: role === 'professional' && session?.account.personId ? [{ personId: session.account.personId, from: today }] : [],
      ...(draft.buurtCode.trim() ? { buurtCode: draft.buurtCode.trim() } : {}),
    };
    try {
      // The household first, so that one the server refuses leaves no
      // resident behind; the resident joins it right after.
      const { household: created, etag } = await sendIdempotent((key) => createHousehold(input, key), householdKey.current);
      const memberName = draft.memberName.trim();
      if (memberName) {
        const person = await sendIdempotent((key) => createPerson({ displayName: memberName }, key), personKey.current);
        await updateHousehold(created.id, { ...input, members: [{ personId: person.id, from: today }] }, etag);
      }
      await client.invalidateQueries({ queryKey: ['households'] });
      navigate(`/huishoudens/${created.id}`, { state: { created: true } });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  if (practices.isPending) return <Loading />;
  if (practices.isError) return <LoadError error={practices.error} />;
  const nameError = fieldError('name');
  const kindError = fieldError('kind');
  const groupError = fieldError('targetGroup');
  const statusError = fieldError('status');
  const buurtError = fieldError('buurtCode');
  const practiceError = fieldError('practiceIds', 'practiceIds[0]');
  const memberError = fieldError('displayName', 'members', 'members[0].personId', 'members[0]');

  return (
    <>
      <Heading level={1}>{t('newHousehold.heading')}</Heading>
      <Paragraph className="db-lead">{role === 'professional' ? t('newHousehold.introProfessional') : t('newHousehold.introCoordinator')}</Paragraph>
      <form onSubmit={submit} className="db-form" aria-labelledby="nh-form-heading" noValidate>
        <h2 id="nh-form-heading" className="db-visually-hidden">
          {t('newHousehold.formHeading')}
        </h2>
        {error && (
          <p className="db-error-text" role="alert">
            {typeof error === 'string' ? error : problemText(error, t('errors.network'))}
          </p>
        )}
        <Field invalid={Boolean(nameError)}>
          <Label htmlFor="nh-name">{t('newHousehold.name')}</Label>
          <Paragraph size="small" id="nh-name-hint">
            {t('newHousehold.nameHint')}
          </Paragraph>
          {errorOf('nh-name', nameError)}
          <TextInput
            id="nh-name"
            value={draft.name}
            invalid={Boolean(nameError)}
            aria-describedby={['nh-name-hint', described('nh-name', nameError)].filter(Boolean).join(' ')}
            onChange={(e) => update({ name: e.target.value })}
          />
        </Field>
        <div className="db-form__row">
          <Field invalid={Boolean(kindError)}>
            <Label htmlFor="nh-kind">{t('newHousehold.kind')}</Label>
            {errorOf('nh-kind', kindError)}
            <Select id="nh-kind" value={draft.kind} aria-describedby={described('nh-kind', kindError)} onChange={(e) => update({ kind: e.target.value as Draft['kind'] })}>
              {options('householdKind').map((option) => (
                <Select.Option key={option.value} value={option.value}>
                  {option.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field invalid={Boolean(groupError)}>
            <Label htmlFor="nh-group">{t('households.targetGroup')}</Label>
            {errorOf('nh-group', groupError)}
            <Select id="nh-group" value={draft.targetGroup} aria-describedby={described('nh-group', groupError)} onChange={(e) => update({ targetGroup: e.target.value as Draft['targetGroup'] })}>
              {options('targetGroup').map((option) => (
                <Select.Option key={option.value} value={option.value}>
                  {option.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field invalid={Boolean(statusError)}>
            <Label htmlFor="nh-status">{t('households.status')}</Label>
            {errorOf('nh-status', statusError)}
            <Select id="nh-status" value={draft.status} aria-describedby={described('nh-status', statusError)} onChange={(e) => update({ status: e.target.value as Draft['status'] })}>
              {options('householdStatus').map((option) => (
                <Select.Option key={option.value} value={option.value}>
                  {option.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="db-form__row">
          <Field invalid={Boolean(practiceError)}>
            <Label htmlFor="nh-practice">{t('households.practice')}</Label>
            {errorOf('nh-practice', practiceError)}
            <Select
              id="nh-practice"
              value={draft.practiceId}
              disabled={Boolean(ownPractice)}
              aria-describedby={described('nh-practice', practiceError)}
              onChange={(e) => update({ practiceId: e.target.value })}
            >
              {practices.data.items.map((practice) => (
                <Select.Option key={practice.id} value={practice.id}>
                  {practice.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field invalid={Boolean(buurtError)}>
            <Label htmlFor="nh-buurt">{t('newHousehold.buurtCode')}</Label>
            <Paragraph size="small" id="nh-buurt-hint">
              {t('newHousehold.buurtCodeHint')}
            </Paragraph>
            {errorOf('nh-buurt', buurtError)}
            <TextInput
              id="nh-buurt"
              value={draft.buurtCode}
              invalid={Boolean(buurtError)}
              aria-describedby={['nh-buurt-hint', described('nh-buurt', buurtError)].filter(Boolean).join(' ')}
              onChange={(e) => update({ buurtCode: e.target.value })}
            />
          </Field>
        </div>
        <Field invalid={Boolean(memberError)}>
          <Label htmlFor="nh-member">{t('newHousehold.member')}</Label>
          <Paragraph size="small" id="nh-member-hint">
            {t('newHousehold.memberHint')}
          </Paragraph>
          {errorOf('nh-member', memberError)}
          <TextInput
            id="nh-member"
            value={draft.memberName}
            invalid={Boolean(memberError)}
            aria-describedby={['nh-member-hint', described('nh-member', memberError)].filter(Boolean).join(' ')}
            onChange={(e) => update({ memberName: e.target.value })}
          />
        </Field>
        {role === 'professional' && <Paragraph size="small">{t('newHousehold.teamNote')}</Paragraph>}
        <div className="db-inline">
          <Button type="submit" disabled={busy}>
            {t('newHousehold.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => navigate('/huishoudens')}>
            {t('plan.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}

import { Alert, Button, ErrorMessage, Field, FieldSet, Heading, Label, Paragraph, Select, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, NetworkError } from '../../api/client';
import { fetchNetwork, listHouseholds } from '../../api/households';
import { fetchPerson } from '../../api/persons';
import { createSupportAct, type SupportAct, type SupportActInput } from '../../api/supportActs';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { addDays, formatDate, isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { newIdempotencyKey, sendIdempotent } from '../../lib/idempotentRetry';
import { lastHousehold, rememberHousehold } from './lastHousehold';

type Status =
  | { kind: 'idle' }
  | { kind: 'sending'; attempt: number }
  | { kind: 'stored'; act: SupportAct }
  | { kind: 'failed'; error: unknown };

const kTypes = ['practical', 'emotional', 'companionship', 'informational'] as const;
const kModes = ['inPerson', 'phone', 'video', 'message'] as const;
const kMobilisers = ['self', 'network', 'professional'] as const;

export function QuickLog() {
  const { t, i18n } = useTranslation();
  const { session, role } = useSession();
  const { label } = useEnumLabels();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const me = session?.account.personId;

  const households = useQuery({ queryKey: ['households', 'quick-log'], queryFn: () => listHouseholds({ pageSize: 200 }) });
  const [householdId, setHouseholdId] = useState<string>('');
  useEffect(() => {
    if (householdId || !households.data) return;
    const wanted = [params.get('huishouden'), lastHousehold()].find(
      (id) => id && households.data.items.some((h) => h.id === id),
    );
    setHouseholdId(wanted ?? households.data.items[0]?.id ?? '');
  }, [households.data, householdId, params]);
  const household = households.data?.items.find((h) => h.id === householdId);

  const network = useQuery({
    queryKey: ['network', householdId, isoToday()],
    queryFn: () => fetchNetwork(householdId),
    enabled: Boolean(householdId) && can(role, 'viewNetwork'),
  });
  const memberIds = useMemo(
    () => (household?.members ?? []).filter((m) => !m.until || m.until >= isoToday()).map((m) => m.personId),
    [household],
  );
  const memberNames = useQueries({
    queries: memberIds.map((id) => ({ queryKey: ['person', id], queryFn: () => fetchPerson(id), staleTime: 5 * 60_000 })),
  });
  const nameOf = (id: string) =>
    network.data?.nodes.find((n) => n.id === id)?.label ??
    memberNames.find((q) => q.data?.id === id)?.data?.displayName ??
    t('common.unknownPerson');

  const defaultMobiliser = role === 'volunteer' ? 'network' : 'professional';
  const [date, setDate] = useState(isoToday());
  const [providerId, setProviderId] = useState(me ?? '');
  const [receiverId, setReceiverId] = useState('');
  const [supportType, setSupportType] = useState<string>('practical');
  const [mode, setMode] = useState<string>('inPerson');
  const [mobilisedBy, setMobilisedBy] = useState<string>(defaultMobiliser);
  const [duration, setDuration] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // One key per act: kept through every retry of the same act, so the
  // server stores it once however often the request is sent; a changed
  // form is a new act and gets a new key.
  const key = useRef<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!memberIds.includes(receiverId)) setReceiverId(memberIds[0] ?? '');
  }, [memberIds, receiverId]);

  function changed<T>(set: (value: T) => void) {
    return (value: T) => {
      key.current = null;
      if (status.kind === 'stored' || status.kind === 'failed') setStatus({ kind: 'idle' });
      set(value);
    };
  }

  const candidates = (network.data?.nodes ?? []).filter((node) => node.kind !== 'organisation');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status.kind === 'sending') return;
    key.current ??= newIdempotencyKey();
    const input: SupportActInput = {
      date,
      householdId,
      providerId,
      receiverId,
      supportType: supportType as SupportActInput['supportType'],
      mode: mode as SupportActInput['mode'],
      mobilisedBy: mobilisedBy as SupportActInput['mobilisedBy'],
      othersInvolvedIds: [],
      ...(duration ? { durationMinutes: Number(duration) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(mobilisedBy === 'professional' && role !== 'volunteer' && me ? { mobilisedById: me } : {}),
    };
    setStatus({ kind: 'sending', attempt: 1 });
    try {
      const act = await sendIdempotent((k) => createSupportAct(input, k), key.current, {
        attempts: 5,
        delayMs: (attempt) => Math.min(4000, 400 * 2 ** (attempt - 1)),
        onRetry: (attempt) => setStatus({ kind: 'sending', attempt: attempt + 1 }),
      });
      key.current = null;
      rememberHousehold(householdId);
      setStatus({ kind: 'stored', act });
      setNote('');
      setDuration('');
      void client.invalidateQueries({ queryKey: ['support-acts', householdId] });
    } catch (error) {
      setStatus({ kind: 'failed', error });
    }
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  if (households.isPending) return <Loading />;
  if (households.isError) return <LoadError error={households.error} />;
  if (households.data.items.length === 0) {
    return (
      <>
        <Heading level={1}>{t('quickLog.heading')}</Heading>
        <Paragraph>{t('quickLog.noHouseholds')}</Paragraph>
      </>
    );
  }
  const fieldError = (name: string) =>
    status.kind === 'failed' && status.error instanceof ApiError ? status.error.fieldError(name) : undefined;

  return (
    <div className="db-quicklog">
      <Heading level={1}>{t('quickLog.heading')}</Heading>
      <Paragraph className="db-lead">{t('quickLog.intro')}</Paragraph>
      <div ref={statusRef} tabIndex={-1} className="db-status-region" aria-live="polite">
        <StatusMessage status={status} householdId={householdId} />
      </div>
      <form onSubmit={submit} className="db-form" noValidate>
        <Field>
          <Label htmlFor="ql-household">{t('quickLog.household')}</Label>
          <Select id="ql-household" value={householdId} onChange={(e) => changed(setHouseholdId)(e.target.value)}>
            {households.data.items.map((h) => (
              <Select.Option key={h.id} value={h.id}>
                {h.name ?? `${t('households.householdOf')} ${(h.members ?? []).map((m) => nameOf(m.personId)).join(', ')}`}
              </Select.Option>
            ))}
          </Select>
        </Field>

        <div className="db-form__row">
          <Field invalid={Boolean(fieldError('date'))}>
            <Label htmlFor="ql-date">{t('quickLog.date')}</Label>
            {fieldError('date') && <ErrorMessage>{fieldError('date')}</ErrorMessage>}
            <input id="ql-date" className="ams-text-input" type="date" max={isoToday()} value={date} onChange={(e) => changed(setDate)(e.target.value)} />
            <div className="db-chips">
              <button type="button" aria-pressed={date === isoToday()} onClick={() => changed(setDate)(isoToday())}>
                {t('quickLog.today')}
              </button>
              <button type="button" aria-pressed={date === addDays(isoToday(), -1)} onClick={() => changed(setDate)(addDays(isoToday(), -1))}>
                {t('quickLog.yesterday')}
              </button>
            </div>
          </Field>
          <Field invalid={Boolean(fieldError('receiverId'))}>
            <Label htmlFor="ql-receiver">{t('quickLog.receiver')}</Label>
            {fieldError('receiverId') && <ErrorMessage>{fieldError('receiverId')}</ErrorMessage>}
            <Select id="ql-receiver" value={receiverId} onChange={(e) => changed(setReceiverId)(e.target.value)}>
              {memberIds.map((id) => (
                <Select.Option key={id} value={id}>
                  {nameOf(id)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>

        {role !== 'volunteer' && candidates.length > 0 && (
          <Field invalid={Boolean(fieldError('providerId'))}>
            <Label htmlFor="ql-provider">{t('quickLog.provider')}</Label>
            {fieldError('providerId') && <ErrorMessage>{fieldError('providerId')}</ErrorMessage>}
            <Select id="ql-provider" value={providerId} onChange={(e) => changed(setProviderId)(e.target.value)}>
              {me && <Select.Option value={me}>{t('quickLog.me')}</Select.Option>}
              {candidates
                .filter((node) => node.id !== me)
                .map((node) => (
                  <Select.Option key={node.id} value={node.id}>
                    {node.label}
                  </Select.Option>
                ))}
            </Select>
          </Field>
        )}

        <ChoiceTiles legend={t('quickLog.type')} name="supportType" value={supportType} onChange={changed(setSupportType)}
          options={kTypes.map((code) => ({ value: code, label: label('supportType', code) }))} />
        <ChoiceTiles legend={t('quickLog.mode')} name="mode" value={mode} onChange={changed(setMode)}
          options={kModes.map((code) => ({ value: code, label: label('supportMode', code) }))} />
        <ChoiceTiles legend={t('quickLog.mobilisedBy')} name="mobilisedBy" value={mobilisedBy} onChange={changed(setMobilisedBy)}
          options={kMobilisers.map((code) => ({ value: code, label: label('mobilisedBy', code) }))} />

        <Field invalid={Boolean(fieldError('durationMinutes'))}>
          <Label htmlFor="ql-duration" optional>
            {t('quickLog.duration')}
          </Label>
          {fieldError('durationMinutes') && <ErrorMessage>{fieldError('durationMinutes')}</ErrorMessage>}
          <div className="db-inline">
            <TextInput id="ql-duration" inputMode="numeric" className="db-input-short" value={duration}
              onChange={(e) => changed(setDuration)(e.target.value.replace(/\D/g, ''))} />
            <div className="db-chips">
              {['15', '30', '60'].map((minutes) => (
                <button key={minutes} type="button" aria-pressed={duration === minutes} onClick={() => changed(setDuration)(minutes)}>
                  {t('supportLog.minutes', { count: Number(minutes) })}
                </button>
              ))}
            </div>
          </div>
        </Field>
        <Field invalid={Boolean(fieldError('note'))}>
          <Label htmlFor="ql-note" optional>
            {t('quickLog.note')}
          </Label>
          {fieldError('note') && <ErrorMessage>{fieldError('note')}</ErrorMessage>}
          <TextArea id="ql-note" rows={2} value={note} onChange={(e) => changed(setNote)(e.target.value)} />
        </Field>
        <div className="db-form__actions">
          <Button type="submit" disabled={status.kind === 'sending' || !householdId || !receiverId || !providerId}>
            {status.kind === 'failed' && isRetryableFailure(status.error) ? t('quickLog.retry') : t('quickLog.submit')}
          </Button>
          <span className="db-muted">{formatDate(date, i18n.language)}</span>
        </div>
      </form>
    </div>
  );
}

function isRetryableFailure(error: unknown) {
  return error instanceof NetworkError || (error instanceof ApiError && error.status >= 500);
}

function StatusMessage({ status, householdId }: { status: Status; householdId: string }): ReactNode {
  const { t } = useTranslation();
  switch (status.kind) {
    case 'idle':
      return null;
    case 'sending':
      return (
        <p className="db-sending" role="status">
          {status.attempt === 1 ? t('quickLog.sending') : t('quickLog.retrying', { attempt: status.attempt })}
        </p>
      );
    case 'stored':
      return (
        <Alert heading={t('quickLog.stored')} headingLevel={2} severity="success">
          <Paragraph>
            {t('quickLog.storedBody')}{' '}
            <Link className="ams-link" to={`/huishoudens/${householdId}?tab=steun`}>
              {t('quickLog.viewLog')}
            </Link>
          </Paragraph>
        </Alert>
      );
    case 'failed':
      return (
        <Alert heading={t('quickLog.notStored')} headingLevel={2} severity="error">
          <Paragraph>
            {isRetryableFailure(status.error)
              ? t('quickLog.notStoredNetwork')
              : status.error instanceof ApiError
                ? status.error.message
                : t('errors.unknown')}
          </Paragraph>
        </Alert>
      );
  }
}

interface ChoiceTilesProps {
  legend: string;
  name: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}

/** Radio buttons drawn as large tiles: one tap each on a phone. */
function ChoiceTiles({ legend, name, value, options, onChange }: ChoiceTilesProps) {
  return (
    <FieldSet legend={legend} className="db-tiles">
      <div className={options.length === 3 ? 'db-tiles__grid db-tiles__grid--3' : 'db-tiles__grid'}>
        {options.map((option) => (
          <label key={option.value} className="db-tile">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </FieldSet>
  );
}

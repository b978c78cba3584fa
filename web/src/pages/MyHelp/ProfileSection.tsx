import { Alert, Button, ErrorMessage, Field, FieldSet, Heading, Label, Paragraph, TextInput } from '@amsterdam/design-system-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  fetchVolunteerProfile,
  listVolunteerProfiles,
  profileInput,
  updateVolunteerProfile,
  type VolunteerProfile,
  type VolunteerProfileInput,
} from '../../api/volunteerProfiles';
import { LoadError, Loading } from '../../components/PageState';
import { WeekTimes } from '../../components/WeekTimes';
import { WeekTimesField } from '../../components/WeekTimesField';
import { useEnumLabels } from '../../lib/enumLabels';
import { splitList } from '../../lib/weekTimes';

/** The volunteer's own profiles (one per practice): what they offer, and changing it. */
export function ProfileSection() {
  const { t } = useTranslation();
  const profiles = useQuery({ queryKey: ['volunteerProfiles', 'mine'], queryFn: listVolunteerProfiles });
  return (
    <section aria-labelledby="my-profile-heading" className="db-block">
      <Heading level={2} id="my-profile-heading">
        {t('myHelp.profile')}
      </Heading>
      {profiles.isPending ? (
        <Loading />
      ) : profiles.isError ? (
        <LoadError error={profiles.error} />
      ) : profiles.data.items.length === 0 ? (
        <Paragraph>{t('myHelp.noProfile')}</Paragraph>
      ) : (
        profiles.data.items.map((profile) => <Profile key={profile.id} profile={profile} />)
      )}
    </section>
  );
}

function Profile({ profile }: { profile: VolunteerProfile }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const [editing, setEditing] = useState<{ input: VolunteerProfileInput; etag: string } | null>(null);
  const [saved, setSaved] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  async function edit() {
    setSaved(false);
    setLoadError(null);
    try {
      const current = await fetchVolunteerProfile(profile.id);
      setEditing({ input: profileInput(current.profile), etag: current.etag });
    } catch (error) {
      setLoadError(error);
    }
  }

  if (editing) {
    return (
      <ProfileForm
        id={profile.id}
        start={editing.input}
        etag={editing.etag}
        onDone={() => {
          setEditing(null);
          setSaved(true);
        }}
        onCancel={() => setEditing(null)}
      />
    );
  }
  return (
    <>
      {saved && (
        <Alert heading={t('myHelp.savedHeading')} headingLevel={3} severity="success">
          <Paragraph>{t('myHelp.savedBody')}</Paragraph>
        </Alert>
      )}
      {loadError !== null && <LoadError error={loadError} />}
      <dl className="db-facts">
        <dt>{t('myHelp.kinds')}</dt>
        <dd>{profile.kinds.map((kind) => label('helpKind', kind)).join(', ')}</dd>
        <dt>{t('helpRequests.languages')}</dt>
        <dd>{(profile.languages ?? []).join(', ') || '—'}</dd>
        <dt>{t('helpRequests.interests')}</dt>
        <dd>{(profile.interests ?? []).join(', ') || '—'}</dd>
        <dt>{t('myHelp.homeBuurt')}</dt>
        <dd>{profile.homeBuurtCode}</dd>
        <dt>{t('myHelp.maxDistance')}</dt>
        <dd>{t('myHelp.metres', { metres: profile.maxDistanceMetres })}</dd>
        <dt>{t('myHelp.availability')}</dt>
        <dd>
          <WeekTimes codes={profile.availability ?? []} />
        </dd>
        <dt>{t('myHelp.capacity')}</dt>
        <dd>{profile.capacity}</dd>
        <dt>{t('myHelp.available')}</dt>
        <dd>{profile.available ? t('myHelp.yes') : t('myHelp.paused')}</dd>
      </dl>
      <Button type="button" variant="secondary" onClick={edit}>
        {t('myHelp.edit')}
      </Button>
    </>
  );
}

interface ProfileFormProps {
  id: string;
  start: VolunteerProfileInput;
  etag: string;
  onDone: () => void;
  onCancel: () => void;
}

type Kind = VolunteerProfileInput['kinds'][number];

function ProfileForm({ id, start, etag, onDone, onCancel }: ProfileFormProps) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const client = useQueryClient();
  const [input, setInput] = useState(start);
  const [languages, setLanguages] = useState((start.languages ?? []).join(', '));
  const [interests, setInterests] = useState((start.interests ?? []).join(', '));
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const errorOf = (name: string) => {
    const reason = fieldError(name);
    return reason ? <ErrorMessage id={`vp-${name}-error`}>{reason}</ErrorMessage> : null;
  };
  const toggleKind = (list: Kind[] | undefined, kind: Kind, on: boolean): Kind[] =>
    on ? [...(list ?? []), kind] : (list ?? []).filter((k) => k !== kind);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: VolunteerProfileInput = { ...input, languages: splitList(languages), interests: splitList(interests) };
    body.preferredKinds = (body.preferredKinds ?? []).filter((kind) => body.kinds.includes(kind));
    try {
      await updateVolunteerProfile(id, body, etag);
      await client.invalidateQueries({ queryKey: ['volunteerProfiles'] });
      onDone();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 412) setError(t('myHelp.conflict'));
      else setError(caught instanceof ApiError ? caught : t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="db-form db-zrm-form" aria-labelledby="vp-form-heading" noValidate>
      <Heading level={3} id="vp-form-heading">
        {t('myHelp.editHeading')}
      </Heading>
      {error && (
        <p className="db-error-text" role="alert">
          {typeof error === 'string' ? error : error.message}
        </p>
      )}
      <FieldSet legend={t('myHelp.kinds')} invalid={Boolean(fieldError('kinds'))}>
        {errorOf('kinds')}
        <div className="db-checks">
          {options('helpKind').map((option) => (
            <label key={option.value} className="db-check">
              <input
                type="checkbox"
                checked={input.kinds.includes(option.value as Kind)}
                onChange={(e) => setInput({ ...input, kinds: toggleKind(input.kinds, option.value as Kind, e.target.checked) })}
              />
              {option.label}
            </label>
          ))}
        </div>
      </FieldSet>
      <FieldSet legend={t('myHelp.preferredKinds')}>
        <div className="db-checks">
          {options('helpKind')
            .filter((option) => input.kinds.includes(option.value as Kind))
            .map((option) => (
              <label key={option.value} className="db-check">
                <input
                  type="checkbox"
                  checked={(input.preferredKinds ?? []).includes(option.value as Kind)}
                  onChange={(e) =>
                    setInput({ ...input, preferredKinds: toggleKind(input.preferredKinds, option.value as Kind, e.target.checked) })
                  }
                />
                <span>
                  <span className="db-visually-hidden">{t('myHelp.preferred')} </span>
                  {option.label}
                </span>
              </label>
            ))}
        </div>
      </FieldSet>
      <div className="db-form__row">
        <Field invalid={Boolean(fieldError('languages'))}>
          <Label htmlFor="vp-languages">{t('helpRequests.languages')}</Label>
          {errorOf('languages')}
          <TextInput id="vp-languages" value={languages} onChange={(e) => setLanguages(e.target.value)} />
        </Field>
        <Field invalid={Boolean(fieldError('interests'))}>
          <Label htmlFor="vp-interests">{t('helpRequests.interests')}</Label>
          {errorOf('interests')}
          <TextInput id="vp-interests" value={interests} onChange={(e) => setInterests(e.target.value)} />
        </Field>
        <Field invalid={Boolean(fieldError('homeBuurtCode'))}>
          <Label htmlFor="vp-buurt">{t('myHelp.homeBuurt')}</Label>
          {errorOf('homeBuurtCode')}
          <TextInput
            id="vp-buurt"
            value={input.homeBuurtCode}
            invalid={Boolean(fieldError('homeBuurtCode'))}
            aria-describedby={fieldError('homeBuurtCode') ? 'vp-homeBuurtCode-error' : undefined}
            onChange={(e) => setInput({ ...input, homeBuurtCode: e.target.value })}
          />
        </Field>
        <Field invalid={Boolean(fieldError('maxDistanceMetres'))}>
          <Label htmlFor="vp-distance">{t('myHelp.maxDistance')}</Label>
          {errorOf('maxDistanceMetres')}
          <TextInput
            id="vp-distance"
            inputMode="numeric"
            value={String(input.maxDistanceMetres)}
            onChange={(e) => setInput({ ...input, maxDistanceMetres: Number(e.target.value) })}
          />
        </Field>
        <Field invalid={Boolean(fieldError('capacity'))}>
          <Label htmlFor="vp-capacity">{t('myHelp.capacity')}</Label>
          {errorOf('capacity')}
          <TextInput
            id="vp-capacity"
            inputMode="numeric"
            value={String(input.capacity)}
            invalid={Boolean(fieldError('capacity'))}
            aria-describedby={fieldError('capacity') ? 'vp-capacity-error' : undefined}
            onChange={(e) => setInput({ ...input, capacity: Number(e.target.value) })}
          />
        </Field>
      </div>
      <WeekTimesField
        id="vp-availability"
        legend={t('myHelp.availability')}
        value={input.availability ?? []}
        error={fieldError('availability')}
        onChange={(availability) => setInput({ ...input, availability })}
      />
      <label className="db-check">
        <input type="checkbox" checked={input.available} onChange={(e) => setInput({ ...input, available: e.target.checked })} />
        {t('myHelp.availableLabel')}
      </label>
      <div className="db-inline">
        <Button type="submit" disabled={busy}>
          {t('myHelp.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}

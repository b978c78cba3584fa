import { Button, ErrorMessage, Field, FieldSet, Heading, Label, Select, TextInput } from '@amsterdam/design-system-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { createPerson, createTie } from '../../api/households';
import { isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { newIdempotencyKey, sendIdempotent } from '../../lib/idempotentRetry';
import { personInput, tieInput, type NewNetworkPerson, type RelationKind } from './networkPerson';

interface AddPersonFormProps {
  householdId: string;
  members: { id: string; name: string }[];
  onDone: (name: string) => void;
  onCancel: () => void;
}

const kRelations: RelationKind[] = ['partner', 'parent', 'child', 'sibling', 'otherFamily', 'friend', 'neighbour', 'colleague', 'peer', 'volunteer', 'mentor', 'experientialExpert', 'professional', 'other'];
const kSupportTypes = ['practical', 'emotional', 'companionship', 'informational'] as const;

/**
 * Adds someone to the household's network: the person, then their tie to a
 * member. Each create carries its own Idempotency-Key, and a person already
 * stored is not stored again when only the tie has to be retried.
 */
export function AddPersonForm({ householdId, members, onDone, onCancel }: AddPersonFormProps) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const client = useQueryClient();
  const [person, setPerson] = useState<NewNetworkPerson>({
    displayName: '',
    relationKind: 'neighbour',
    memberId: members[0]?.id ?? '',
    closeness: 2,
    direction: 'gives',
    quality: 'ordinary',
    supportTypes: ['practical'],
    since: isoToday(),
  });
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);
  const keys = useRef({ person: newIdempotencyKey(), tie: newIdempotencyKey() });
  const storedPerson = useRef<string | null>(null);
  const update = (changes: Partial<NewNetworkPerson>) => {
    if (!storedPerson.current) keys.current.person = newIdempotencyKey();
    keys.current.tie = newIdempotencyKey();
    setPerson({ ...person, ...changes });
  };
  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!person.displayName.trim()) {
      setError(t('network.nameRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      storedPerson.current ??= (await sendIdempotent((k) => createPerson(personInput(person), k), keys.current.person)).id;
      await sendIdempotent((k) => createTie(householdId, tieInput(person, storedPerson.current!), k), keys.current.tie);
      await client.invalidateQueries({ queryKey: ['network', householdId] });
      onDone(person.displayName.trim());
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="db-form-panel" aria-labelledby="add-person-heading" noValidate>
      <Heading level={3} id="add-person-heading">
        {t('network.addHeading')}
      </Heading>
      {error && (
        <p className="db-error-text" role="alert">
          {typeof error === 'string' ? error : error.message}
        </p>
      )}
      <div className="db-form__row">
        <Field invalid={Boolean(fieldError('displayName'))}>
          <Label htmlFor="np-name">{t('network.name')}</Label>
          {fieldError('displayName') && <ErrorMessage>{fieldError('displayName')}</ErrorMessage>}
          <TextInput id="np-name" value={person.displayName} autoFocus onChange={(e) => update({ displayName: e.target.value })} />
        </Field>
        <Field>
          <Label htmlFor="np-relation">{t('network.relation')}</Label>
          <Select id="np-relation" value={person.relationKind} onChange={(e) => update({ relationKind: e.target.value as RelationKind })}>
            {kRelations.map((relation) => (
              <Select.Option key={relation} value={relation}>
                {label('relationKind', relation)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {members.length > 1 && (
          <Field>
            <Label htmlFor="np-member">{t('network.member')}</Label>
            <Select id="np-member" value={person.memberId} onChange={(e) => update({ memberId: e.target.value })}>
              {members.map((member) => (
                <Select.Option key={member.id} value={member.id}>
                  {member.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Label htmlFor="np-closeness">{t('network.closeness')}</Label>
          <Select id="np-closeness" value={String(person.closeness)} onChange={(e) => update({ closeness: Number(e.target.value) as 1 | 2 | 3 })}>
            {[1, 2, 3].map((ring) => (
              <Select.Option key={ring} value={String(ring)}>
                {t(`ecomap.ring${ring}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="np-direction">{t('network.direction')}</Label>
          <Select id="np-direction" value={person.direction} onChange={(e) => update({ direction: e.target.value as NewNetworkPerson['direction'] })}>
            {(['gives', 'receives', 'both'] as const).map((direction) => (
              <Select.Option key={direction} value={direction}>
                {t(`network.directions.${direction}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="np-quality">{t('network.quality')}</Label>
          <Select id="np-quality" value={person.quality} onChange={(e) => update({ quality: e.target.value as NewNetworkPerson['quality'] })}>
            {(['strong', 'ordinary', 'tenuous', 'stressful'] as const).map((quality) => (
              <Select.Option key={quality} value={quality}>
                {label('tieQuality', quality)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <FieldSet legend={t('network.supportTypes')}>
        <div className="db-checks">
          {kSupportTypes.map((type) => (
            <label key={type} className="db-check">
              <input
                type="checkbox"
                checked={person.supportTypes.includes(type)}
                onChange={(e) =>
                  update({ supportTypes: e.target.checked ? [...person.supportTypes, type] : person.supportTypes.filter((s) => s !== type) })
                }
              />
              {label('supportType', type)}
            </label>
          ))}
        </div>
      </FieldSet>
      <div className="db-inline">
        <Button type="submit" disabled={busy}>
          {t('network.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}

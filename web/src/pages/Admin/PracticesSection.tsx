import { Button, ErrorMessage, Field, FieldSet, Heading, Label, Paragraph, Table, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createPractice, listOrganisations, listPractices, updatePractice, type Practice, type PracticeInput } from '../../api/practices';
import { LoadError, Loading } from '../../components/PageState';
import { useEnumLabels } from '../../lib/enumLabels';
import { problemText } from '../../lib/problemText';
import { splitList } from '../../lib/weekTimes';
import { fieldReason } from './fieldErrors';

type TargetGroup = PracticeInput['targetGroups'][number];

/** Practices: list, add, and change name, description, target groups, neighbourhoods and organisations. */
export function PracticesSection() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: listOrganisations });
  const [editing, setEditing] = useState<Practice | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const organisationName = (id: string) => organisations.data?.items.find((o) => o.id === id)?.name ?? '';

  return (
    <section aria-labelledby="practices-heading" className="db-section">
      <div className="db-section__head">
        <Heading level={2} id="practices-heading">
          {t('admin.practices')}
        </Heading>
        {editing === null && (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('admin.addPractice')}
          </Button>
        )}
      </div>
      <div aria-live="polite">{notice && <p className="db-notice">{notice}</p>}</div>
      {editing !== null && (
        <PracticeForm
          practice={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setNotice(t('admin.practiceSaved', { name: saved.name }));
          }}
        />
      )}
      {practices.isPending ? (
        <Loading />
      ) : practices.isError ? (
        <LoadError error={practices.error} />
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--stack">
            <Table.Caption className="db-visually-hidden">{t('admin.practices')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.targetGroups')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.organisations')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.buurtCodes')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('accounts.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {practices.data.items.map((practice) => (
                <Table.Row key={practice.id}>
                  <Table.HeaderCell scope="row">{practice.name}</Table.HeaderCell>
                  <Table.Cell data-label={t('admin.targetGroups')}>
                    {practice.targetGroups?.map((group) => label('targetGroup', group)).join(', ')}
                  </Table.Cell>
                  <Table.Cell data-label={t('admin.organisations')}>{(practice.organisationIds ?? []).map(organisationName).join(', ')}</Table.Cell>
                  <Table.Cell data-label={t('admin.buurtCodes')}>{(practice.buurtCodes ?? []).join(', ')}</Table.Cell>
                  <Table.Cell data-label={t('accounts.actions')}>
                    <Button
                      variant="secondary"
                      disabled={editing !== null}
                      aria-label={t('admin.editNamed', { name: practice.name })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(practice);
                      }}
                    >
                      {t('admin.edit')}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function PracticeForm({ practice, onDone }: { practice?: Practice; onDone: (saved?: Practice) => void }) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const client = useQueryClient();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: listOrganisations });
  const [name, setName] = useState(practice?.name ?? '');
  const [description, setDescription] = useState(practice?.description ?? '');
  const [groups, setGroups] = useState<TargetGroup[]>(practice?.targetGroups ?? []);
  const [buurtCodes, setBuurtCodes] = useState((practice?.buurtCodes ?? []).join(', '));
  const [organisationIds, setOrganisationIds] = useState<string[]>(practice?.organisationIds ?? []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = 'practice-form-heading';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: PracticeInput = {
      name: name.trim(),
      targetGroups: groups,
      buurtCodes: splitList(buurtCodes),
      organisationIds,
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    try {
      const saved = practice ? await updatePractice(practice.id, body) : await createPractice(body);
      await client.invalidateQueries({ queryKey: ['practices'] });
      onDone(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const nameError = fieldReason(error, 'name');
  const descriptionError = fieldReason(error, 'description');
  const groupsError = fieldReason(error, 'targetGroups');
  const buurtError = fieldReason(error, 'buurtCodes');
  const organisationsError = fieldReason(error, 'organisationIds');
  return (
    <form onSubmit={submit} className="db-form-panel db-form" aria-labelledby={headingId} noValidate>
      <Heading level={3} id={headingId}>
        {practice ? t('admin.editPractice', { name: practice.name }) : t('admin.newPractice')}
      </Heading>
      {error !== null && (
        <p className="db-error-text" role="alert">
          {problemText(error, t('errors.network'))}
        </p>
      )}
      <Field invalid={Boolean(nameError)}>
        <Label htmlFor="practice-name">{t('admin.name')}</Label>
        {nameError && <ErrorMessage id="practice-name-error">{nameError}</ErrorMessage>}
        <TextInput
          id="practice-name"
          value={name}
          invalid={Boolean(nameError)}
          aria-describedby={nameError ? 'practice-name-error' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field invalid={Boolean(descriptionError)}>
        <Label htmlFor="practice-description">{t('admin.description')}</Label>
        {descriptionError && <ErrorMessage id="practice-description-error">{descriptionError}</ErrorMessage>}
        <TextArea
          id="practice-description"
          rows={3}
          value={description}
          invalid={Boolean(descriptionError)}
          aria-describedby={descriptionError ? 'practice-description-error' : undefined}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <FieldSet legend={t('admin.targetGroups')} invalid={Boolean(groupsError)} aria-describedby={groupsError ? 'practice-groups-error' : undefined}>
        {groupsError && <ErrorMessage id="practice-groups-error">{groupsError}</ErrorMessage>}
        <div className="db-checks">
          {options('targetGroup').map((option) => (
            <label key={option.value} className="db-check">
              <input
                type="checkbox"
                checked={groups.includes(option.value as TargetGroup)}
                onChange={(e) =>
                  setGroups(e.target.checked ? [...groups, option.value as TargetGroup] : groups.filter((g) => g !== option.value))
                }
              />
              {option.label}
            </label>
          ))}
        </div>
      </FieldSet>
      <Field invalid={Boolean(buurtError)}>
        <Label htmlFor="practice-buurt">{t('admin.buurtCodes')}</Label>
        <Paragraph size="small" id="practice-buurt-hint">
          {t('admin.buurtCodesHint')}
        </Paragraph>
        {buurtError && <ErrorMessage id="practice-buurt-error">{buurtError}</ErrorMessage>}
        <TextInput
          id="practice-buurt"
          value={buurtCodes}
          invalid={Boolean(buurtError)}
          aria-describedby={['practice-buurt-hint', buurtError ? 'practice-buurt-error' : ''].filter(Boolean).join(' ')}
          onChange={(e) => setBuurtCodes(e.target.value)}
        />
      </Field>
      <FieldSet
        legend={t('admin.organisations')}
        invalid={Boolean(organisationsError)}
        aria-describedby={organisationsError ? 'practice-organisations-error' : undefined}
      >
        {organisationsError && <ErrorMessage id="practice-organisations-error">{organisationsError}</ErrorMessage>}
        <div className="db-checks">
          {(organisations.data?.items ?? []).map((organisation) => (
            <label key={organisation.id} className="db-check">
              <input
                type="checkbox"
                checked={organisationIds.includes(organisation.id)}
                onChange={(e) =>
                  setOrganisationIds(
                    e.target.checked ? [...organisationIds, organisation.id] : organisationIds.filter((id) => id !== organisation.id),
                  )
                }
              />
              {organisation.name}
            </label>
          ))}
        </div>
      </FieldSet>
      <div className="db-inline">
        <Button type="submit" disabled={busy}>
          {t('admin.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone()}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}

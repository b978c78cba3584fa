import { Button, ErrorMessage, Field, Heading, Label, Select, Table, TextInput } from '@amsterdam/design-system-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createOrganisation, listOrganisations, updateOrganisation, type Organisation, type OrganisationInput } from '../../api/practices';
import { LoadError, Loading } from '../../components/PageState';
import { useEnumLabels } from '../../lib/enumLabels';
import { problemText } from '../../lib/problemText';
import { fieldReason } from './fieldErrors';

/** Organisations: list, add, and change name, kind and whether their help is formal. */
export function OrganisationsSection() {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: listOrganisations });
  // null: no form; 'new': adding; otherwise the organisation being changed.
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section aria-labelledby="organisations-heading" className="db-section">
      <div className="db-section__head">
        <Heading level={2} id="organisations-heading">
          {t('admin.organisations')}
        </Heading>
        {editing === null && (
          <Button variant="secondary" onClick={() => setEditing('new')}>
            {t('admin.addOrganisation')}
          </Button>
        )}
      </div>
      <div aria-live="polite">{notice && <p className="db-notice">{notice}</p>}</div>
      {editing !== null && (
        <OrganisationForm
          organisation={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setNotice(t('admin.organisationSaved', { name: saved.name }));
          }}
        />
      )}
      {organisations.isPending ? (
        <Loading />
      ) : organisations.isError ? (
        <LoadError error={organisations.error} />
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--stack">
            <Table.Caption className="db-visually-hidden">{t('admin.organisations')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('admin.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('admin.formal')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('accounts.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {organisations.data.items.map((organisation) => (
                <Table.Row key={organisation.id}>
                  <Table.HeaderCell scope="row">{organisation.name}</Table.HeaderCell>
                  <Table.Cell data-label={t('admin.kind')}>{label('organisationKind', organisation.kind)}</Table.Cell>
                  <Table.Cell data-label={t('admin.formal')}>{organisation.formal ? t('ecomap.formal') : t('ecomap.informal')}</Table.Cell>
                  <Table.Cell data-label={t('accounts.actions')}>
                    <Button
                      variant="secondary"
                      disabled={editing !== null}
                      aria-label={t('admin.editNamed', { name: organisation.name })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(organisation);
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

function OrganisationForm({ organisation, onDone }: { organisation?: Organisation; onDone: (saved?: Organisation) => void }) {
  const { t } = useTranslation();
  const { options } = useEnumLabels();
  const client = useQueryClient();
  const [input, setInput] = useState<OrganisationInput>({
    name: organisation?.name ?? '',
    kind: organisation?.kind ?? 'welfare',
    formal: organisation?.formal ?? true,
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingId = 'organisation-form-heading';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { ...input, name: input.name.trim() };
      const saved = organisation ? await updateOrganisation(organisation.id, body) : await createOrganisation(body);
      await client.invalidateQueries({ queryKey: ['organisations'] });
      onDone(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const nameError = fieldReason(error, 'name');
  const kindError = fieldReason(error, 'kind');
  const formalError = fieldReason(error, 'formal');
  return (
    <form onSubmit={submit} className="db-form-panel db-form" aria-labelledby={headingId} noValidate>
      <Heading level={3} id={headingId}>
        {organisation ? t('admin.editOrganisation', { name: organisation.name }) : t('admin.newOrganisation')}
      </Heading>
      {error !== null && (
        <p className="db-error-text" role="alert">
          {problemText(error, t('errors.network'))}
        </p>
      )}
      <Field invalid={Boolean(nameError)}>
        <Label htmlFor="organisation-name">{t('admin.name')}</Label>
        {nameError && <ErrorMessage id="organisation-name-error">{nameError}</ErrorMessage>}
        <TextInput
          id="organisation-name"
          value={input.name}
          invalid={Boolean(nameError)}
          aria-describedby={nameError ? 'organisation-name-error' : undefined}
          onChange={(e) => setInput({ ...input, name: e.target.value })}
        />
      </Field>
      <Field invalid={Boolean(kindError)}>
        <Label htmlFor="organisation-kind">{t('admin.kind')}</Label>
        {kindError && <ErrorMessage id="organisation-kind-error">{kindError}</ErrorMessage>}
        <Select
          id="organisation-kind"
          value={input.kind}
          aria-describedby={kindError ? 'organisation-kind-error' : undefined}
          onChange={(e) => setInput({ ...input, kind: e.target.value as OrganisationInput['kind'] })}
        >
          {options('organisationKind').map((option) => (
            <Select.Option key={option.value} value={option.value}>
              {option.label}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field invalid={Boolean(formalError)}>
        {formalError && <ErrorMessage id="organisation-formal-error">{formalError}</ErrorMessage>}
        <label className="db-check">
          <input
            type="checkbox"
            checked={input.formal}
            aria-describedby={formalError ? 'organisation-formal-error' : undefined}
            onChange={(e) => setInput({ ...input, formal: e.target.checked })}
          />
          {t('admin.formalCheck')}
        </label>
      </Field>
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

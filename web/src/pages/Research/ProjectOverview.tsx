import { Button, DescriptionList, Field, Heading, Label, Paragraph, Select, Table, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addMember, exchangeLinks, fetchExportSummary, listMembers, removeMember, type ProjectMemberInput } from '../../api/research';
import { LoadError, Loading } from '../../components/PageState';
import { useEnumLabels } from '../../lib/enumLabels';
import { Link as RouterLink } from 'react-router';
import { FormError, ProjectHeader, projectPath, researchKeys, useProject, usePracticeNames, useWho } from './shared';

/** A project: what it studies, its practices and its members. */
export function ProjectOverview({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const project = useProject(projectId);
  const { name: practiceName } = usePracticeNames();
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} />;
  return (
    <>
      <ProjectHeader projectId={projectId} title={project.data.name} />
      {project.data.description && <Paragraph className="db-lead">{project.data.description}</Paragraph>}
      <DescriptionList>
        <DescriptionList.Term>{t('research.projects.practices')}</DescriptionList.Term>
        <DescriptionList.Description>{(project.data.practiceIds ?? []).map(practiceName).join(', ') || '—'}</DescriptionList.Description>
        <DescriptionList.Term>{t('research.report.reports')}</DescriptionList.Term>
        <DescriptionList.Description>
          {(project.data.practiceIds ?? []).length === 0 ? '—' : (
            <ul className="rs-report-links">
              {(project.data.practiceIds ?? []).map((id) => (
                <li key={id}>
                  <RouterLink className="ams-link" to={projectPath(projectId, `/praktijken/${id}/rapport`)}>
                    {t('research.report.reportOf', { name: practiceName(id) })}
                  </RouterLink>
                </li>
              ))}
            </ul>
          )}
        </DescriptionList.Description>
        <DescriptionList.Term>{t('research.codebook.version')}</DescriptionList.Term>
        <DescriptionList.Description>{project.data.codebookVersion ?? 0}</DescriptionList.Description>
      </DescriptionList>
      <Members projectId={projectId} practiceIds={project.data.practiceIds ?? []} />
      <Exchange projectId={projectId} />
    </>
  );
}

/**
 * The REFI-QDA exchange with QDA programs: the codebook, the whole project
 * and the codings as downloads, and what the format cannot carry.
 */
function Exchange({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: [...researchKeys.members(projectId), 'export-summary'], queryFn: () => fetchExportSummary(projectId) });
  const links = exchangeLinks(projectId);
  return (
    <section aria-labelledby="rs-exchange" className="db-section">
      <Heading level={2} id="rs-exchange">
        {t('research.exchange.heading')}
      </Heading>
      <Paragraph>{t('research.exchange.intro')}</Paragraph>
      <ul className="db-downloads">
        <li>
          <a href={links.project} download className="ams-link">
            {t('research.exchange.project')}
          </a>
        </li>
        <li>
          <a href={links.codebook} download className="ams-link">
            {t('research.exchange.codebook')}
          </a>
        </li>
        <li>
          <a href={links.codings} download className="ams-link">
            {t('research.exchange.codings')}
          </a>
        </li>
      </ul>
      {summary.isPending ? (
        <Loading />
      ) : summary.isError ? (
        <LoadError error={summary.error} />
      ) : (
        <>
          <Paragraph>{t('research.exchange.counts', { sources: summary.data.sources, codings: summary.data.codings, codes: summary.data.codes })}</Paragraph>
          <Heading level={3}>{t('research.exchange.notCarried')}</Heading>
          <ul data-testid="exchange-warnings">
            {summary.data.warnings.map((warning) => (
              <li key={warning.code}>{t(`research.exchange.warnings.${warning.code}`, { notes: summary.data.leftOut.notes })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Members({ projectId, practiceIds }: { projectId: string; practiceIds: string[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { label } = useEnumLabels();
  const { name: practiceName } = usePracticeNames();
  const { who } = useWho();
  const members = useQuery({ queryKey: researchKeys.members(projectId), queryFn: () => listMembers(projectId) });
  const [input, setInput] = useState<ProjectMemberInput>({ accountId: '', role: 'researcher' });
  const refresh = () => client.invalidateQueries({ queryKey: researchKeys.members(projectId) });
  const add = useMutation({
    mutationFn: () => addMember(projectId, { ...input, accountId: input.accountId.trim(), ...(input.role === 'stakeholder' ? {} : { practiceId: undefined }) }),
    onSuccess: () => {
      setInput({ accountId: '', role: 'researcher' });
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (accountId: string) => removeMember(projectId, accountId), onSuccess: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section aria-labelledby="rs-members" className="db-section">
      <Heading level={2} id="rs-members">
        {t('research.members.heading')}
      </Heading>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <LoadError error={members.error} />
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--compact">
            <Table.Caption className="db-visually-hidden">{t('research.members.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('research.members.account')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.members.role')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('research.members.practice')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="db-visually-hidden">{t('research.actions')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {members.data.items.map((member) => (
                <Table.Row key={member.accountId}>
                  <Table.HeaderCell scope="row">{who(member.accountId)}</Table.HeaderCell>
                  <Table.Cell>{label('projectRole', member.role)}</Table.Cell>
                  <Table.Cell>{member.practiceId ? practiceName(member.practiceId) : '—'}</Table.Cell>
                  <Table.Cell>
                    <Button variant="tertiary" type="button" onClick={() => remove.mutate(member.accountId)}>
                      {t('research.members.remove', { who: who(member.accountId) })}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <FormError error={remove.error} />
      <Heading level={3}>{t('research.members.add')}</Heading>
      <form onSubmit={submit} className="db-form" noValidate>
        <FormError error={add.error} />
        <Field>
          <Label htmlFor="rs-member-account">{t('research.members.accountId')}</Label>
          <Paragraph size="small" className="db-muted" id="rs-member-account-hint">
            {t('research.members.accountIdHint')}
          </Paragraph>
          <TextInput id="rs-member-account" aria-describedby="rs-member-account-hint" value={input.accountId} onChange={(e) => setInput({ ...input, accountId: e.target.value })} />
        </Field>
        <Field>
          <Label htmlFor="rs-member-role">{t('research.members.role')}</Label>
          <Select id="rs-member-role" value={input.role} onChange={(e) => setInput({ ...input, role: e.target.value as ProjectMemberInput['role'] })}>
            <Select.Option value="researcher">{label('projectRole', 'researcher')}</Select.Option>
            <Select.Option value="stakeholder">{label('projectRole', 'stakeholder')}</Select.Option>
          </Select>
        </Field>
        {input.role === 'stakeholder' && (
          <Field>
            <Label htmlFor="rs-member-practice">{t('research.members.practice')}</Label>
            <Select id="rs-member-practice" value={input.practiceId ?? ''} onChange={(e) => setInput({ ...input, practiceId: e.target.value || undefined })}>
              <Select.Option value="">—</Select.Option>
              {practiceIds.map((id) => (
                <Select.Option key={id} value={id}>
                  {practiceName(id)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <div className="rs-actions">
          <Button type="submit" variant="secondary" disabled={add.isPending}>
            {t('research.members.addButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}

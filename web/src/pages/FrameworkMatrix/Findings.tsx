import { Button, Checkbox, Field, FieldSet, Heading, Label, Paragraph, Select, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { listPractices } from '../../api/practices';
import {
  fetchFinding,
  fetchResearchProject,
  listFindings,
  listFragments,
  listProjectCodes,
  publishFinding,
  reviseFinding,
  type Finding,
  type FindingInput,
} from '../../api/memberChecks';
import { LoadError, Loading } from '../../components/PageState';

/**
 * Terugkoppeling for the project's researchers: publish a finding to the
 * stakeholders of a practice, revise it (earlier versions stay readable) and
 * read every answer with the tally per version.
 */
export function Findings() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useQuery({ queryKey: ['research-project', projectId], queryFn: () => fetchResearchProject(projectId) });
  const findings = useQuery({ queryKey: ['findings', projectId], queryFn: () => listFindings(projectId) });
  const practices = usePracticeNames();
  const [editing, setEditing] = useState<Finding | 'new' | null>(null);

  if (project.isError) return <LoadError error={project.error} />;
  if (findings.isError) return <LoadError error={findings.error} />;
  if (!project.data || !findings.data) return <Loading />;
  return (
    <>
      <Heading level={1}>{t('memberCheck.researcherHeading', { project: project.data.name })}</Heading>
      <Paragraph className="db-lead">{t('memberCheck.researcherIntro')}</Paragraph>
      <p>
        <Link to={`/onderzoek/projecten/${projectId}/framework`} className="ams-link">
          {t('framework.title')}
        </Link>
      </p>
      {editing ? (
        <FindingForm
          projectId={projectId}
          practiceIds={project.data.practiceIds ?? []}
          practiceName={practices}
          finding={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : (
        <Button type="button" onClick={() => setEditing('new')}>
          {t('memberCheck.publish')}
        </Button>
      )}
      {findings.data.items.length === 0 ? (
        <Paragraph>{t('memberCheck.noFindings')}</Paragraph>
      ) : (
        findings.data.items.map((finding) => (
          <FindingDetail key={finding.id} projectId={projectId} summary={finding} practiceName={practices} onRevise={setEditing} />
        ))
      )}
    </>
  );
}

function usePracticeNames(): (id: string) => string {
  const practices = useQuery({ queryKey: ['practices', 'all'], queryFn: () => listPractices() });
  return (id: string) => practices.data?.items.find((practice) => practice.id === id)?.name ?? id;
}

function Tally({ tally }: { tally: Finding['tally'] }) {
  const { t } = useTranslation();
  if (!tally) return null;
  return (
    <p className="db-tally">
      {t('memberCheck.tally', { agree: tally.agree, partly: tally.partly, disagree: tally.disagree, open: tally.open })}
    </p>
  );
}

function FindingDetail({
  projectId,
  summary,
  practiceName,
  onRevise,
}: {
  projectId: string;
  summary: Finding;
  practiceName: (id: string) => string;
  onRevise: (finding: Finding) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const detail = useQuery({ queryKey: ['finding', projectId, summary.id, summary.version], queryFn: () => fetchFinding(projectId, summary.id) });
  const versions = detail.data?.versions ?? [];
  const current = versions[versions.length - 1];
  const earlier = versions.slice(0, -1).reverse();
  return (
    <article className="db-card" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        {summary.title}
      </Heading>
      <Paragraph className="db-muted">
        {t('memberCheck.publishedTo', { practice: practiceName(summary.practiceId), version: summary.version })}
      </Paragraph>
      <Paragraph>{summary.text}</Paragraph>
      <Tally tally={summary.tally} />
      {detail.isError ? <LoadError error={detail.error} /> : !detail.data ? <Loading /> : (
        <>
          {current && <Answers answers={current.answers} />}
          <Button type="button" variant="secondary" onClick={() => detail.data && onRevise(detail.data)}>
            {t('memberCheck.revise')}
          </Button>
          {earlier.length > 0 && (
            <details className="db-earlier-versions">
              <summary>{t('memberCheck.earlierVersions', { count: earlier.length })}</summary>
              {earlier.map((version) => (
                <section key={version.version} aria-label={t('memberCheck.versionLabel', { version: version.version })}>
                  <Heading level={3}>{t('memberCheck.versionHeading', { version: version.version, title: version.title })}</Heading>
                  <Paragraph>{version.text}</Paragraph>
                  {version.fragments.map((fragment, index) => (
                    fragment.withheld ? (
                      <Paragraph key={index} className="db-muted">{t('memberCheck.withheld')}</Paragraph>
                    ) : (
                      <blockquote key={index} className="db-quote">
                        {fragment.text}
                      </blockquote>
                    )
                  ))}
                  <Tally tally={version.tally} />
                  <Answers answers={version.answers} />
                </section>
              ))}
            </details>
          )}
        </>
      )}
    </article>
  );
}

function Answers({ answers }: { answers: NonNullable<Finding['versions']>[number]['answers'] }) {
  const { t } = useTranslation();
  if (answers.length === 0) return <Paragraph>{t('memberCheck.noAnswers')}</Paragraph>;
  return (
    <ul className="db-answers">
      {answers.map((answer) => (
        <li key={`${answer.accountId}-${answer.version}-${answer.number}`}>
          <strong>{answer.username}</strong>: {t(`memberCheck.answers.${answer.answer}`)}
          {answer.comment ? ` — ${answer.comment}` : ''} <span className="db-muted">({new Date(answer.answeredAt).toLocaleString('nl-NL')})</span>
        </li>
      ))}
    </ul>
  );
}

function FindingForm({
  projectId,
  practiceIds,
  practiceName,
  finding,
  onDone,
}: {
  projectId: string;
  practiceIds: string[];
  practiceName: (id: string) => string;
  finding?: Finding;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const formId = useId();
  const [practiceId, setPracticeId] = useState(finding?.practiceId ?? practiceIds[0] ?? '');
  const [title, setTitle] = useState(finding?.title ?? '');
  const [text, setText] = useState(finding?.text ?? '');
  const [codingIds, setCodingIds] = useState<string[]>(finding?.codingIds ?? []);
  const codes = useQuery({ queryKey: ['codes', projectId], queryFn: () => listProjectCodes(projectId) });
  const fragments = useQueries({
    queries: (codes.data?.items ?? []).map((code) => ({
      queryKey: ['fragments', projectId, code.id, practiceId],
      queryFn: () => listFragments(projectId, code.id, practiceId),
      enabled: practiceId !== '',
    })),
  });
  const choices = fragments.flatMap((result, index) =>
    (result.data?.items ?? []).map((fragment) => ({ ...fragment, codeName: codes.data?.items[index]?.name ?? '' })),
  );
  const save = useMutation({
    mutationFn: (input: FindingInput) => (finding ? reviseFinding(projectId, finding.id, finding.version, input) : publishFinding(projectId, input)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['findings', projectId] });
      await client.invalidateQueries({ queryKey: ['finding', projectId] });
      onDone();
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ practiceId, title: title.trim(), text: text.trim(), codingIds });
  }

  return (
    <form onSubmit={submit} noValidate className="db-card" aria-label={finding ? t('memberCheck.revise') : t('memberCheck.publish')}>
      <Field invalid={Boolean(error?.fieldError('practiceId'))}>
        <Label htmlFor={`${formId}-practice`}>{t('memberCheck.practice')}</Label>
        <Select id={`${formId}-practice`} value={practiceId} disabled={Boolean(finding)} onChange={(event) => setPracticeId(event.target.value)}>
          {practiceIds.map((id) => (
            <Select.Option key={id} value={id}>
              {practiceName(id)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field invalid={Boolean(error?.fieldError('title'))}>
        <Label htmlFor={`${formId}-title`}>{t('memberCheck.title')}</Label>
        {error?.fieldError('title') && <p className="db-error-text">{error.fieldError('title')}</p>}
        <TextInput id={`${formId}-title`} value={title} onChange={(event) => setTitle(event.target.value)} />
      </Field>
      <Field invalid={Boolean(error?.fieldError('text'))}>
        <Label htmlFor={`${formId}-text`}>{t('memberCheck.text')}</Label>
        {error?.fieldError('text') && <p className="db-error-text">{error.fieldError('text')}</p>}
        <TextArea id={`${formId}-text`} rows={4} value={text} onChange={(event) => setText(event.target.value)} />
      </Field>
      <FieldSet legend={t('memberCheck.chooseFragments')}>
        {choices.length === 0 ? (
          <Paragraph>{t('memberCheck.noFragments')}</Paragraph>
        ) : (
          choices.map((choice) => (
            <Checkbox
              key={choice.codingId}
              checked={codingIds.includes(choice.codingId)}
              onChange={(event) =>
                setCodingIds((current) => (event.target.checked ? [...current, choice.codingId] : current.filter((id) => id !== choice.codingId)))
              }
            >
              “{choice.excerpt}” ({choice.codeName})
            </Checkbox>
          ))
        )}
      </FieldSet>
      {save.isError && (
        <p className="db-error-text" role="alert">
          {error?.status === 412 ? t('memberCheck.stale') : error ? error.message : t('errors.network')}
        </p>
      )}
      <div className="db-form__actions">
        <Button type="submit" disabled={save.isPending}>
          {finding ? t('memberCheck.saveRevision') : t('memberCheck.publish')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}

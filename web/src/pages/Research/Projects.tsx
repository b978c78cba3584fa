import { Button, Field, FieldSet, Heading, Label, Paragraph, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { createProject, listProjects } from '../../api/research';
import { LoadError, Loading } from '../../components/PageState';
import { newIdempotencyKey } from '../../lib/idempotentRetry';
import { FormError, projectPath, researchKeys, usePracticeNames } from './shared';

/** The researcher's projects, and a form for a new one. */
export function Projects() {
  const { t } = useTranslation();
  const projects = useQuery({ queryKey: researchKeys.projects, queryFn: listProjects });
  const { name: practiceName } = usePracticeNames();
  return (
    <>
      <Heading level={1}>{t('research.projects.heading')}</Heading>
      <Paragraph className="db-lead">{t('research.projects.intro')}</Paragraph>
      <section aria-labelledby="rs-projects-list" className="db-section">
        <Heading level={2} id="rs-projects-list">
          {t('research.projects.mine')}
        </Heading>
        {projects.isPending ? (
          <Loading />
        ) : projects.isError ? (
          <LoadError error={projects.error} />
        ) : projects.data.items.length === 0 ? (
          <Paragraph>{t('research.projects.none')}</Paragraph>
        ) : (
          <ul className="rs-cards">
            {projects.data.items.map((project) => (
              <li key={project.id}>
                <Heading level={3}>
                  <Link to={projectPath(project.id)} className="ams-link">
                    {project.name}
                  </Link>
                </Heading>
                {project.description && <Paragraph>{project.description}</Paragraph>}
                <Paragraph className="db-muted">
                  {(project.practiceIds ?? []).map(practiceName).join(', ') || t('research.projects.noPractices')}
                </Paragraph>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewProject />
    </>
  );
}

function NewProject() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { practices } = usePracticeNames();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [practiceIds, setPracticeIds] = useState<string[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);
  const create = useMutation({
    mutationFn: () => createProject({ name: name.trim(), ...(description.trim() ? { description: description.trim() } : {}), practiceIds }, key),
    onSuccess: async (project) => {
      await client.invalidateQueries({ queryKey: researchKeys.projects });
      navigate(projectPath(project.id));
    },
  });
  const fieldError = (field: string) => (create.error instanceof ApiError ? create.error.fieldError(field) : undefined);
  const changed = <T,>(set: (value: T) => void) => (value: T) => {
    setKey(newIdempotencyKey());
    set(value);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="rs-project-new" className="db-section">
      <Heading level={2} id="rs-project-new">
        {t('research.projects.new')}
      </Heading>
      <form onSubmit={submit} className="db-form" noValidate>
        <FormError error={create.error} />
        <Field invalid={Boolean(fieldError('name'))}>
          <Label htmlFor="rs-project-name">{t('research.projects.name')}</Label>
          <TextInput id="rs-project-name" value={name} onChange={(e) => changed(setName)(e.target.value)} required />
        </Field>
        <Field>
          <Label htmlFor="rs-project-description">{t('research.projects.description')}</Label>
          <TextArea id="rs-project-description" rows={3} value={description} onChange={(e) => changed(setDescription)(e.target.value)} />
        </Field>
        <FieldSet legend={t('research.projects.practices')} invalid={Boolean(fieldError('practiceIds'))}>
          <div className="db-checks">
            {practices.data?.items.map((practice) => (
              <label key={practice.id} className="db-check">
                <input
                  type="checkbox"
                  checked={practiceIds.includes(practice.id)}
                  onChange={(e) =>
                    changed(setPracticeIds)(e.target.checked ? [...practiceIds, practice.id] : practiceIds.filter((id) => id !== practice.id))
                  }
                />
                {practice.name}
              </label>
            ))}
          </div>
        </FieldSet>
        <div className="db-form__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('research.projects.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

import { Button, DateInput, Field, Heading, Label, Paragraph, Select, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { createNote, fetchNote, kPerspectives, listNotes, updateNote, type FieldNote, type FieldNoteInput, type Perspective } from '../../api/research';
import { LoadError, Loading } from '../../components/PageState';
import { formatDate, isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { newIdempotencyKey } from '../../lib/idempotentRetry';
import { FormError, ProjectHeader, projectPath, researchKeys, useProject, usePracticeNames } from './shared';

/** The first words of a note, for a list. */
function opening(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = [...flat];
  return words.length > 140 ? `${words.slice(0, 140).join('')}…` : flat;
}

/** A project's field notes per practice and site, filtered by practice and perspective. */
export function Notes({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const project = useProject(projectId);
  const { name: practiceName } = usePracticeNames();
  const { label, options } = useEnumLabels();
  const [practiceId, setPracticeId] = useState('');
  const [perspective, setPerspective] = useState('');
  const notes = useQuery({
    queryKey: [...researchKeys.notes(projectId), practiceId, perspective],
    queryFn: () => listNotes(projectId, { practiceId: practiceId || undefined, perspective: perspective || undefined }),
  });
  const groups = new Map<string, FieldNote[]>();
  for (const note of notes.data?.items ?? []) {
    const key = `${note.practiceId}\u0000${note.site}`;
    groups.set(key, [...(groups.get(key) ?? []), note]);
  }
  const sorted = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl'));
  return (
    <>
      <ProjectHeader projectId={projectId} title={t('research.notes.heading')} />
      <p>
        <Link to={projectPath(projectId, '/notities/nieuw')} className="ams-link">
          {t('research.notes.new')}
        </Link>
      </p>
      <form className="db-inline rs-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('research.notes.filter')}>
        <Field>
          <Label htmlFor="rs-filter-practice">{t('research.notes.practice')}</Label>
          <Select id="rs-filter-practice" value={practiceId} onChange={(e) => setPracticeId(e.target.value)}>
            <Select.Option value="">{t('research.notes.allPractices')}</Select.Option>
            {(project.data?.practiceIds ?? []).map((id) => (
              <Select.Option key={id} value={id}>
                {practiceName(id)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="rs-filter-perspective">{t('research.notes.perspective')}</Label>
          <Select id="rs-filter-perspective" value={perspective} onChange={(e) => setPerspective(e.target.value)}>
            <Select.Option value="">{t('research.notes.allPerspectives')}</Select.Option>
            {options('perspective').map((option) => (
              <Select.Option key={option.value} value={option.value}>
                {option.label}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </form>
      {notes.isPending ? (
        <Loading />
      ) : notes.isError ? (
        <LoadError error={notes.error} />
      ) : sorted.length === 0 ? (
        <Paragraph>{t('research.notes.none')}</Paragraph>
      ) : (
        sorted.map(([key, group]) => (
          <section key={key} className="db-section" aria-label={`${practiceName(group[0]!.practiceId)} — ${group[0]!.site}`}>
            <Heading level={2}>
              {practiceName(group[0]!.practiceId)} — {group[0]!.site}
            </Heading>
            <ul className="rs-fragments">
              {group.map((note) => (
                <li key={note.id}>
                  <Link to={projectPath(projectId, `/notities/${note.id}`)} className="ams-link">
                    {formatDate(note.observedOn, i18n.language)} · {label('perspective', note.perspective)}
                  </Link>
                  {note.withheld ? (
                    <Paragraph className="db-muted">{t('research.notes.withheld')}</Paragraph>
                  ) : (
                    <Paragraph className="rs-fragment-text">{opening(note.text)}</Paragraph>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}

/** Writing a new note, or changing one that has no codings yet. */
export function NoteEditor({ projectId, noteId }: { projectId: string; noteId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const project = useProject(projectId);
  const { name: practiceName } = usePracticeNames();
  const { options } = useEnumLabels();
  const existing = useQuery({ queryKey: researchKeys.note(projectId, noteId ?? ''), queryFn: () => fetchNote(projectId, noteId!), enabled: Boolean(noteId) });
  const [input, setInput] = useState<FieldNoteInput>({ practiceId: '', site: '', observedOn: isoToday(), perspective: 'researcher', text: '' });
  const [key, setKey] = useState(newIdempotencyKey);
  useEffect(() => {
    if (existing.data) {
      const { practiceId, site, observedOn, perspective, text } = existing.data;
      setInput({ practiceId, site, observedOn, perspective, text });
    }
  }, [existing.data]);
  useEffect(() => {
    const first = project.data?.practiceIds?.[0];
    if (!noteId && first && !input.practiceId) setInput((current) => ({ ...current, practiceId: first }));
  }, [project.data, noteId, input.practiceId]);
  const save = useMutation({
    mutationFn: () => (noteId ? updateNote(projectId, noteId, input) : createNote(projectId, input, key)),
    onSuccess: async (note) => {
      await client.invalidateQueries({ queryKey: researchKeys.notes(projectId) });
      navigate(projectPath(projectId, `/notities/${note.id}`));
    },
  });
  const update = (changes: Partial<FieldNoteInput>) => {
    setKey(newIdempotencyKey());
    setInput({ ...input, ...changes });
  };
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  if (noteId && existing.isPending) return <Loading />;
  if (existing.isError) return <LoadError error={existing.error} />;
  return (
    <>
      <ProjectHeader projectId={projectId} title={noteId ? t('research.notes.edit') : t('research.notes.new')} />
      <form onSubmit={submit} className="db-form" noValidate>
        <FormError error={save.error} />
        <div className="db-form__row">
          <Field invalid={Boolean(fieldError('practiceId'))}>
            <Label htmlFor="rs-note-practice">{t('research.notes.practice')}</Label>
            <Select id="rs-note-practice" value={input.practiceId} onChange={(e) => update({ practiceId: e.target.value })}>
              {(project.data?.practiceIds ?? []).map((id) => (
                <Select.Option key={id} value={id}>
                  {practiceName(id)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field invalid={Boolean(fieldError('site'))}>
            <Label htmlFor="rs-note-site">{t('research.notes.site')}</Label>
            <TextInput id="rs-note-site" value={input.site} onChange={(e) => update({ site: e.target.value })} />
          </Field>
        </div>
        <div className="db-form__row">
          <Field invalid={Boolean(fieldError('observedOn'))}>
            <Label htmlFor="rs-note-date">{t('research.notes.observedOn')}</Label>
            <DateInput id="rs-note-date" value={input.observedOn} onChange={(e) => update({ observedOn: e.target.value })} />
          </Field>
          <Field invalid={Boolean(fieldError('perspective'))}>
            <Label htmlFor="rs-note-perspective">{t('research.notes.perspective')}</Label>
            <Select id="rs-note-perspective" value={input.perspective} onChange={(e) => update({ perspective: e.target.value as Perspective })}>
              {(options('perspective').length ? options('perspective') : kPerspectives.map((value) => ({ value, label: value }))).map((option) => (
                <Select.Option key={option.value} value={option.value}>
                  {option.label}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <Field invalid={Boolean(fieldError('text'))}>
          <Label htmlFor="rs-note-text">{t('research.notes.text')}</Label>
          <TextArea id="rs-note-text" rows={12} value={input.text} onChange={(e) => update({ text: e.target.value })} />
        </Field>
        <div className="db-form__actions">
          <Button type="submit" disabled={save.isPending}>
            {t('research.notes.save')}
          </Button>
        </div>
      </form>
    </>
  );
}

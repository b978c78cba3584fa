// What every research screen shares: the project's data as queries, the
// navigation between a project's screens, who someone is, memos, and the
// problem text of a failed change.
import { Button, Heading, Label, Paragraph, TextArea } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { ApiError, NetworkError } from '../../api/client';
import { listPractices } from '../../api/practices';
import { createMemo, fetchProject, listCodes, listMemos, removeMemo, type MemoTarget } from '../../api/research';
import { useSession } from '../../auth/SessionContext';
import { newIdempotencyKey } from '../../lib/idempotentRetry';
import { problemText } from '../../lib/problemText';
import './research.css';

export const projectsPath = '/onderzoek/projecten';
export const projectPath = (projectId: string, rest = '') => `${projectsPath}/${projectId}${rest}`;

export const researchKeys = {
  projects: ['research', 'projects'] as const,
  project: (id: string) => ['research', 'project', id] as const,
  members: (id: string) => ['research', 'project', id, 'members'] as const,
  notes: (id: string) => ['research', 'project', id, 'notes'] as const,
  note: (id: string, noteId: string) => ['research', 'project', id, 'notes', noteId] as const,
  codes: (id: string) => ['research', 'project', id, 'codes'] as const,
  changes: (id: string) => ['research', 'project', id, 'codebook-changes'] as const,
  codings: (id: string, noteId: string) => ['research', 'project', id, 'codings', noteId] as const,
  memos: (id: string, target: MemoTarget) => ['research', 'project', id, 'memos', target] as const,
  analyses: (id: string) => ['research', 'project', id, 'analyses'] as const,
};

export function useProject(projectId: string) {
  return useQuery({ queryKey: researchKeys.project(projectId), queryFn: () => fetchProject(projectId) });
}

export function useCodes(projectId: string) {
  return useQuery({ queryKey: researchKeys.codes(projectId), queryFn: () => listCodes(projectId) });
}

/** Practice names by id; the id itself until they arrive. */
export function usePracticeNames() {
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  const name = (id: string) => practices.data?.items.find((practice) => practice.id === id)?.name ?? id;
  return { practices, name };
}

/**
 * Who an account is, as far as a researcher may know: "jij" for oneself,
 * otherwise a short form of the account id (researchers cannot list accounts).
 */
export function useWho() {
  const { t } = useTranslation();
  const { session } = useSession();
  const ownId = session?.account.id;
  return {
    ownId,
    who: (accountId: string | undefined) => (!accountId ? '' : accountId === ownId ? t('research.you') : t('research.account', { id: accountId.slice(0, 8) })),
  };
}

/** The links between a project's screens; the current one is marked. */
export function ProjectNav({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const links = [
    { to: projectPath(projectId), label: t('research.nav.overview'), end: true },
    { to: projectPath(projectId, '/notities'), label: t('research.nav.notes'), end: false },
    { to: projectPath(projectId, '/codeboek'), label: t('research.nav.codebook'), end: false },
    { to: projectPath(projectId, '/analyses'), label: t('research.nav.analyses'), end: false },
    { to: projectPath(projectId, '/terugkoppeling'), label: t('research.nav.findings'), end: false },
    { to: projectPath(projectId, '/framework'), label: t('research.nav.framework'), end: false },
  ];
  return (
    <nav aria-label={t('research.nav.label')} className="rs-nav">
      <ul>
        <li>
          <NavLink to={projectsPath} end className="ams-link">
            {t('research.nav.projects')}
          </NavLink>
        </li>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="ams-link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The header of a project's screen: the project's name, the navigation, the screen's heading. */
export function ProjectHeader({ projectId, title }: { projectId: string; title: string }) {
  const project = useProject(projectId);
  return (
    <>
      <Paragraph className="db-muted rs-project-name">{project.data?.name ?? ''}</Paragraph>
      <ProjectNav projectId={projectId} />
      <Heading level={1}>{title}</Heading>
    </>
  );
}

export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  // A check of our own before anything was sent says what is missing.
  const text = error instanceof ApiError || error instanceof NetworkError || !(error instanceof Error) ? problemText(error, t('errors.network')) : error.message;
  return (
    <p className="db-error-text" role="alert">
      {text}
    </p>
  );
}

/** The memos on a note, a code or a coding, and a form to add one. */
export function MemoPanel({ projectId, target, title }: { projectId: string; target: MemoTarget; title: string }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const { ownId, who } = useWho();
  const [text, setText] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const memos = useQuery({ queryKey: researchKeys.memos(projectId, target), queryFn: () => listMemos(projectId, target) });
  const refresh = () => client.invalidateQueries({ queryKey: researchKeys.memos(projectId, target) });
  const add = useMutation({
    mutationFn: () => createMemo(projectId, { ...target, text: text.trim() }, key),
    onSuccess: () => {
      setText('');
      setKey(newIdempotencyKey());
      return refresh();
    },
  });
  const remove = useMutation({ mutationFn: (memoId: string) => removeMemo(projectId, memoId), onSuccess: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <section className="rs-memos" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} className="rs-memos__title">
        {title}
      </h3>
      {memos.data && memos.data.items.length === 0 && <p className="db-muted">{t('research.memos.none')}</p>}
      <ul className="rs-memos__list">
        {memos.data?.items.map((memo) => (
          <li key={memo.id}>
            <span className="rs-memos__text">{memo.text}</span> <span className="db-muted">— {who(memo.authorId)}</span>
            {memo.authorId === ownId && (
              <Button variant="tertiary" type="button" onClick={() => remove.mutate(memo.id)}>
                {t('research.memos.remove')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="rs-memos__form">
        <Label htmlFor={`${id}-text`}>{t('research.memos.new')}</Label>
        <TextArea id={`${id}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        <FormError error={add.error ?? remove.error} />
        <Button type="submit" variant="secondary" disabled={add.isPending}>
          {t('research.memos.add')}
        </Button>
      </form>
    </section>
  );
}

import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useParams } from 'react-router';
import { NotFound } from '../NotFound';
import { Analyses } from './Analyses';
import { Codebook } from './Codebook';
import { NoteEditor, Notes } from './Notes';
import { NotePage } from './NotePage';
import { PracticeReport } from './PracticeReport';
import { ProjectOverview } from './ProjectOverview';
import { Projects } from './Projects';

/** Sets the window title of a research screen, as App's Guarded does for the top level. */
function Titled({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    // After Guarded's own title: a parent's effects run after its children's.
    const timer = setTimeout(() => {
      document.title = `${title} · Dichtbij`;
    }, 0);
    return () => clearTimeout(timer);
  }, [title]);
  return <>{children}</>;
}

function WithProject({ render }: { render: (projectId: string, noteId?: string) => ReactNode }) {
  const { projectId = '', noteId } = useParams();
  return <>{render(projectId, noteId)}</>;
}

function WithPractice({ render }: { render: (projectId: string, practiceId: string) => ReactNode }) {
  const { projectId = '', practiceId = '' } = useParams();
  return <>{render(projectId, practiceId)}</>;
}

/**
 * The research projects under /onderzoek/projecten: the list, a project's
 * overview and members, its field notes and coding, its codebook, and the
 * analyses. App guards the whole tree for researchers.
 */
export function ResearchProjects() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route index element={<Titled title={t('research.projects.heading')}><Projects /></Titled>} />
      <Route path=":projectId" element={<Titled title={t('research.nav.overview')}><WithProject render={(id) => <ProjectOverview projectId={id} />} /></Titled>} />
      <Route path=":projectId/notities" element={<Titled title={t('research.notes.heading')}><WithProject render={(id) => <Notes projectId={id} />} /></Titled>} />
      <Route path=":projectId/notities/nieuw" element={<Titled title={t('research.notes.new')}><WithProject render={(id) => <NoteEditor projectId={id} />} /></Titled>} />
      <Route path=":projectId/notities/:noteId" element={<Titled title={t('research.coding.heading')}><WithProject render={(id, note) => <NotePage key={note} projectId={id} noteId={note!} />} /></Titled>} />
      <Route path=":projectId/notities/:noteId/bewerken" element={<Titled title={t('research.notes.edit')}><WithProject render={(id, note) => <NoteEditor key={note} projectId={id} noteId={note} />} /></Titled>} />
      <Route path=":projectId/codeboek" element={<Titled title={t('research.codebook.heading')}><WithProject render={(id) => <Codebook projectId={id} />} /></Titled>} />
      <Route path=":projectId/analyses" element={<Titled title={t('research.analyses.heading')}><WithProject render={(id) => <Analyses projectId={id} />} /></Titled>} />
      <Route path=":projectId/praktijken/:practiceId/rapport" element={<Titled title={t('research.report.reports')}><WithPractice render={(id, practice) => <PracticeReport key={practice} projectId={id} practiceId={practice} />} /></Titled>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

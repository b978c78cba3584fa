// Research projects (issue 9, docs/research.md): projects and members, field
// notes, the codebook and its history, codings, memos and the analyses.
// Offsets in codings count Unicode code points, not UTF-16 units: see
// pages/Research/codePoints.ts for the conversion.
import type { components, operations } from './schema';
import { apiUrl, get, request, type Page } from './client';

export type ResearchProject = components['schemas']['ResearchProject'];
export type ResearchProjectInput = components['schemas']['ResearchProjectInput'];
export type ProjectMember = components['schemas']['ProjectMember'];
export type ProjectMemberInput = components['schemas']['ProjectMemberInput'];
export type FieldNote = components['schemas']['FieldNote'];
export type FieldNoteInput = components['schemas']['FieldNoteInput'];
export type Perspective = FieldNote['perspective'];
export type ResearchCode = components['schemas']['Code'];
export type ResearchCodeInput = components['schemas']['CodeInput'];
export type CodebookChange = components['schemas']['CodebookChange'];
export type Coding = components['schemas']['Coding'];
export type CodingInput = components['schemas']['CodingInput'];
export type Memo = components['schemas']['Memo'];
export type MemoInput = components['schemas']['MemoInput'];
export type CodeMatrix = components['schemas']['CodeMatrix'];
export type CodeCooccurrence = components['schemas']['CodeCooccurrence'];
export type CoderAgreement = components['schemas']['CoderAgreement'];
export type AnalysisFragment = components['schemas']['AnalysisFragment'];
export type RefiQdaExportSummary = components['schemas']['RefiQdaExportSummary'];
export type FragmentQuery = NonNullable<operations['listAnalysisFragments']['parameters']['query']>;
export type CodebookImport = operations['importCodebook']['responses'][200]['content']['application/json'];

export const kPerspectives: Perspective[] = ['professional', 'manager', 'civilServant', 'experientialExpert', 'volunteer', 'citizen', 'researcher'];

const projects = '/research/projects';
const of = (projectId: string, rest = '') => `${projects}/${projectId}${rest}`;
const kAll = { pageSize: 200 };

async function post<T>(path: string, body: unknown, idempotencyKey?: string): Promise<T> {
  const headers = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
  return (await request<T>(path, { method: 'POST', body, headers })).data;
}

/** A change quoting the ETag just read, so nobody's edit is silently overwritten. */
async function putFresh<T>(path: string, body: unknown): Promise<T> {
  const current = await request<T>(path);
  const etag = current.headers.get('ETag') ?? '';
  return (await request<T>(path, { method: 'PUT', body, headers: { 'If-Match': etag } })).data;
}

async function remove(path: string): Promise<void> {
  await request<void>(path, { method: 'DELETE' });
}

export const listProjects = () => get<Page<ResearchProject>>(projects, kAll);
export const fetchProject = (projectId: string) => get<ResearchProject>(of(projectId));
export const createProject = (input: ResearchProjectInput, key: string) => post<ResearchProject>(projects, input, key);
export const updateProject = (projectId: string, input: ResearchProjectInput) => putFresh<ResearchProject>(of(projectId), input);

export const listMembers = (projectId: string) => get<Page<ProjectMember>>(of(projectId, '/members'), kAll);
export const addMember = (projectId: string, input: ProjectMemberInput) => post<ProjectMember>(of(projectId, '/members'), input);
export const removeMember = (projectId: string, accountId: string) => remove(of(projectId, `/members/${accountId}`));

export const listNotes = (projectId: string, filter: { practiceId?: string; perspective?: string } = {}) =>
  get<Page<FieldNote>>(of(projectId, '/field-notes'), { ...kAll, ...filter });
export const fetchNote = (projectId: string, id: string) => get<FieldNote>(of(projectId, `/field-notes/${id}`));
export const createNote = (projectId: string, input: FieldNoteInput, key: string) => post<FieldNote>(of(projectId, '/field-notes'), input, key);
export const updateNote = (projectId: string, id: string, input: FieldNoteInput) => putFresh<FieldNote>(of(projectId, `/field-notes/${id}`), input);
export const removeNote = (projectId: string, id: string) => remove(of(projectId, `/field-notes/${id}`));
export const pseudonymiseNote = (projectId: string, id: string, names: string[]) =>
  post<FieldNote>(of(projectId, `/field-notes/${id}/pseudonymisations`), { names });

export const listCodes = (projectId: string) => get<Page<ResearchCode>>(of(projectId, '/codes'), kAll);
export const createCode = (projectId: string, input: ResearchCodeInput, key: string) => post<ResearchCode>(of(projectId, '/codes'), input, key);
export const updateCode = (projectId: string, id: string, input: ResearchCodeInput) => putFresh<ResearchCode>(of(projectId, `/codes/${id}`), input);
export const removeCode = (projectId: string, id: string) => remove(of(projectId, `/codes/${id}`));
/**
 * Merges a REFI-QDA codebook (.qdc) into the project's codebook. A file the
 * server cannot take is a 422 whose invalidParams name the line and the
 * problem; then nothing changed. The key makes a retry safe.
 */
export async function importCodebook(projectId: string, file: Blob, idempotencyKey: string): Promise<CodebookImport> {
  const answer = await request<CodebookImport>(of(projectId, '/codebook.qdc'), {
    method: 'POST',
    raw: { content: file, type: 'application/xml' },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  return answer.data;
}
export const listCodebookChanges = (projectId: string) => get<Page<CodebookChange>>(of(projectId, '/codebook-changes'), kAll);

export const listCodings = (projectId: string, noteId: string) => get<Page<Coding>>(of(projectId, '/codings'), { ...kAll, noteId });
export const createCoding = (projectId: string, input: CodingInput, key: string) => post<Coding>(of(projectId, '/codings'), input, key);
export const removeCoding = (projectId: string, id: string) => remove(of(projectId, `/codings/${id}`));

export type MemoTarget = { noteId: string } | { codeId: string } | { codingId: string };
export const listMemos = (projectId: string, target: MemoTarget) => get<Page<Memo>>(of(projectId, '/memos'), { ...kAll, ...target });
export const createMemo = (projectId: string, input: MemoInput, key: string) => post<Memo>(of(projectId, '/memos'), input, key);
export const removeMemo = (projectId: string, id: string) => remove(of(projectId, `/memos/${id}`));

export const fetchCodePracticeMatrix = (projectId: string) => get<CodeMatrix>(of(projectId, '/analyses/code-practice-matrix'));
export const fetchCodePerspectiveMatrix = (projectId: string) => get<CodeMatrix>(of(projectId, '/analyses/code-perspective-matrix'));
export const fetchCooccurrence = (projectId: string) => get<CodeCooccurrence>(of(projectId, '/analyses/code-co-occurrence'));
export const fetchCoderAgreement = (projectId: string) => get<CoderAgreement>(of(projectId, '/analyses/coder-agreement'));
export const listFragments = (projectId: string, query: FragmentQuery) =>
  get<Page<AnalysisFragment>>(of(projectId, '/analyses/fragments'), { pageSize: 50, ...query });

/** The REFI-QDA exchange (docs/research.md): downloads, and what they leave out. */
export const fetchExportSummary = (projectId: string) => get<RefiQdaExportSummary>(of(projectId, '/export-summary'));
export const exchangeLinks = (projectId: string) => ({
  codebook: apiUrl(of(projectId, '/codebook.qdc')),
  project: apiUrl(of(projectId, '/export.qdpx')),
  codings: apiUrl(of(projectId, '/codings.csv')),
});

export type PracticeReport = components['schemas']['PracticeReport'];
/** A report's period; either day may be left to the server's default (the last year). */
export interface ReportPeriod {
  from?: string;
  to?: string;
}
export const fetchPracticeReport = (projectId: string, practiceId: string, period: ReportPeriod) =>
  get<PracticeReport>(of(projectId, `/practices/${practiceId}/report`), { ...period });
/** The same report as a PDF: a download the browser fetches itself (the session cookie goes along). */
export const practiceReportPdfUrl = (projectId: string, practiceId: string, period: ReportPeriod) =>
  apiUrl(of(projectId, `/practices/${practiceId}/report.pdf`), { ...period });
export type PracticeMeasuresBesideCodes = components['schemas']['PracticeMeasuresBesideCodes'];
export const fetchPracticeMeasures = (projectId: string, period: ReportPeriod = {}) =>
  get<PracticeMeasuresBesideCodes>(of(projectId, '/analyses/practice-measures'), { ...period });

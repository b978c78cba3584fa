// Member checking (docs/research.md): a stakeholder's findings and answers,
// and the researcher's side: publishing, revising and reading the answers.
import type { components } from './schema';
import { get, request, type Page } from './client';

export type MemberCheck = components['schemas']['MemberCheck'];
export type MemberCheckAnswer = components['schemas']['MemberCheckAnswer'];
export type AnswerValue = components['schemas']['MemberCheckAnswerInput']['answer'];
export type Finding = components['schemas']['Finding'];
export type FindingInput = components['schemas']['FindingInput'];

export const answerValues: AnswerValue[] = ['agree', 'partly', 'disagree'];

/** The findings published to the signed-in stakeholder. */
export function listMemberChecks(): Promise<Page<MemberCheck>> {
  return get<Page<MemberCheck>>('/member-checks', { pageSize: 100 });
}

/** Answers the version the stakeholder read; an earlier answer is kept. */
export async function answerMemberCheck(findingId: string, version: number, answer: AnswerValue, comment: string): Promise<MemberCheckAnswer> {
  const body = comment ? { version, answer, comment } : { version, answer };
  return (await request<MemberCheckAnswer>(`/member-checks/${findingId}/answers`, { method: 'POST', body })).data;
}

const projectPath = (projectId: string) => `/research/projects/${projectId}`;

export function listFindings(projectId: string): Promise<Page<Finding>> {
  return get<Page<Finding>>(`${projectPath(projectId)}/findings`, { pageSize: 100 });
}

export function fetchFinding(projectId: string, id: string): Promise<Finding> {
  return get<Finding>(`${projectPath(projectId)}/findings/${id}`);
}

export async function publishFinding(projectId: string, input: FindingInput): Promise<Finding> {
  return (await request<Finding>(`${projectPath(projectId)}/findings`, { method: 'POST', body: input })).data;
}

/** A new version, if nobody revised it since `version` was read. */
export async function reviseFinding(projectId: string, id: string, version: number, input: FindingInput): Promise<Finding> {
  return (await request<Finding>(`${projectPath(projectId)}/findings/${id}`, { method: 'PUT', body: input, headers: { 'If-Match': `"${version}"` } })).data;
}

export type ResearchProject = components['schemas']['ResearchProject'];
export type Code = components['schemas']['Code'];
export type AnalysisFragment = components['schemas']['AnalysisFragment'];

export function fetchResearchProject(projectId: string): Promise<ResearchProject> {
  return get<ResearchProject>(projectPath(projectId));
}

export function listProjectCodes(projectId: string): Promise<Page<Code>> {
  return get<Page<Code>>(`${projectPath(projectId)}/codes`, { pageSize: 200 });
}

/** The coded fragments of one code in one practice: what a finding may rest on. */
export function listFragments(projectId: string, codeId: string, practiceId: string): Promise<Page<AnalysisFragment>> {
  return get<Page<AnalysisFragment>>(`${projectPath(projectId)}/analyses/fragments`, { codeId, practiceId, pageSize: 100 });
}

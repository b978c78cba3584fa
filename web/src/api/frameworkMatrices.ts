// The framework matrix (docs/research.md): practices or households
// (pseudonymised) as rows, codes as columns, a researcher's summary per
// cell; cells change only against the version they were read at.
import type { components } from './schema';
import { apiUrl, get, request, type Page } from './client';

export type FrameworkMatrix = components['schemas']['FrameworkMatrix'];
export type FrameworkCell = components['schemas']['FrameworkCell'];
export type FrameworkMatrixInput = components['schemas']['FrameworkMatrixInput'];
export type FrameworkCaseKind = FrameworkMatrix['caseKind'];

const matricesPath = (projectId: string) => `/research/projects/${projectId}/framework-matrices`;

export function listFrameworkMatrices(projectId: string): Promise<Page<FrameworkMatrix>> {
  return get<Page<FrameworkMatrix>>(matricesPath(projectId), { pageSize: 100 });
}

export function fetchFrameworkMatrix(projectId: string, id: string): Promise<FrameworkMatrix> {
  return get<FrameworkMatrix>(`${matricesPath(projectId)}/${id}`);
}

export async function createFrameworkMatrix(projectId: string, input: FrameworkMatrixInput): Promise<FrameworkMatrix> {
  return (await request<FrameworkMatrix>(matricesPath(projectId), { method: 'POST', body: input })).data;
}

/**
 * Writes one cell if it is still at `version` (0: never written). The row is
 * the case's `caseKey`: a practice's id, or a household's pseudonym.
 */
export async function writeFrameworkCell(
  projectId: string,
  matrixId: string,
  caseKey: string,
  codeId: string,
  version: number,
  summary: string,
  codingIds: string[],
): Promise<FrameworkCell> {
  const path = `${matricesPath(projectId)}/${matrixId}/cells/${encodeURIComponent(caseKey)}/${codeId}`;
  return (await request<FrameworkCell>(path, { method: 'PUT', body: { summary, codingIds }, headers: { 'If-Match': `"${version}"` } })).data;
}

export function frameworkMatrixCsvUrl(projectId: string, id: string): string {
  return apiUrl(`${matricesPath(projectId)}/${id}/csv`);
}

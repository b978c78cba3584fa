import { Button, Checkbox, Field, FieldSet, Heading, Label, Paragraph, Radio, TextArea, TextInput } from '@amsterdam/design-system-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import {
  createFrameworkMatrix,
  fetchFrameworkMatrix,
  frameworkMatrixCsvUrl,
  listFrameworkMatrices,
  writeFrameworkCell,
  type FrameworkCaseKind,
  type FrameworkCell,
  type FrameworkMatrix as Matrix,
} from '../../api/frameworkMatrices';
import { fetchResearchProject, listProjectCodes } from '../../api/memberChecks';
import { LoadError, Loading } from '../../components/PageState';
import { useEnumLabels } from '../../lib/enumLabels';

type MatrixCase = NonNullable<Matrix['cases']>[number];

/**
 * Framework-matrix (Framework Method, Gale et al. 2013): cases as rows (the
 * project's practices, or the households linked to its notes, shown only by
 * their pseudonym), chosen codes as columns, and a summary per cell that
 * the project's researchers write; a cell changed by someone else since it
 * was read is refused, never overwritten.
 */
export function FrameworkMatrix() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const project = useQuery({ queryKey: ['research-project', projectId], queryFn: () => fetchResearchProject(projectId) });
  const matrices = useQuery({ queryKey: ['framework-matrices', projectId], queryFn: () => listFrameworkMatrices(projectId) });
  const [chosen, setChosen] = useState<string | null>(null);

  if (project.isError) return <LoadError error={project.error} />;
  if (matrices.isError) return <LoadError error={matrices.error} />;
  if (!project.data || !matrices.data) return <Loading />;
  const matrixId = chosen ?? matrices.data.items[0]?.id;
  return (
    <>
      <Heading level={1}>{t('framework.heading', { project: project.data.name })}</Heading>
      <Paragraph className="db-lead">{t('framework.intro')}</Paragraph>
      <p>
        <Link to={`/onderzoek/projecten/${projectId}/terugkoppeling`} className="ams-link">
          {t('memberCheck.heading')}
        </Link>
      </p>
      {matrices.data.items.length > 1 && (
        <nav aria-label={t('framework.matrices')} className="db-inline">
          {matrices.data.items.map((matrix) => (
            <Button key={matrix.id} type="button" variant={matrix.id === matrixId ? 'primary' : 'secondary'} onClick={() => setChosen(matrix.id)}>
              {matrix.name}
            </Button>
          ))}
        </nav>
      )}
      {matrixId ? <MatrixTable projectId={projectId} matrixId={matrixId} /> : <Paragraph>{t('framework.none')}</Paragraph>}
      <NewMatrix projectId={projectId} onCreated={setChosen} />
    </>
  );
}

function MatrixTable({ projectId, matrixId }: { projectId: string; matrixId: string }) {
  const { t } = useTranslation();
  const matrix = useQuery({ queryKey: ['framework-matrix', projectId, matrixId], queryFn: () => fetchFrameworkMatrix(projectId, matrixId) });
  const [editing, setEditing] = useState<{ caseKey: string; codeId: string } | null>(null);
  if (matrix.isError) return <LoadError error={matrix.error} />;
  if (!matrix.data) return <Loading />;
  const data = matrix.data;
  const households = data.caseKind === 'household';
  const cellOf = (caseKey: string, codeId: string) => data.cells?.find((cell) => cell.caseKey === caseKey && cell.codeId === codeId);
  // A household is shown by the start of its pseudonym, never by name.
  const caseName = (row: MatrixCase) => row.name ?? t('framework.household', { pseudonym: (row.householdPseudonym ?? row.caseKey).slice(0, 8) });
  return (
    <section aria-labelledby="framework-table-heading" className="db-section">
      <Heading level={2} id="framework-table-heading">
        {data.name}
      </Heading>
      {households && <Paragraph>{t('framework.householdsIntro')}</Paragraph>}
      <p>
        <a href={frameworkMatrixCsvUrl(projectId, matrixId)} download className="ams-link">
          {t('framework.csv')}
        </a>
      </p>
      {households && (data.cases ?? []).length === 0 && <Paragraph>{t('framework.noHouseholds')}</Paragraph>}
      <div className="db-table-scroll">
        <table className="ams-table db-table db-framework">
          <caption className="ams-visually-hidden">{t(households ? 'framework.captionHouseholds' : 'framework.caption')}</caption>
          <thead className="ams-table__header">
            <tr className="ams-table__row">
              <th scope="col" className="ams-table__header-cell">
                {t(households ? 'framework.caseHousehold' : 'framework.case')}
              </th>
              {(data.themes ?? []).map((theme) => (
                <th key={theme.codeId} scope="col" className="ams-table__header-cell">
                  {theme.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="ams-table__body">
            {(data.cases ?? []).map((row) => (
              <tr key={row.caseKey} className="ams-table__row">
                <th scope="row" className="ams-table__header-cell">
                  {caseName(row)}
                </th>
                {(data.themes ?? []).map((theme) => {
                  const cell = cellOf(row.caseKey, theme.codeId);
                  const open = editing?.caseKey === row.caseKey && editing.codeId === theme.codeId;
                  return (
                    <td key={theme.codeId} className="ams-table__cell">
                      {open ? (
                        <CellEditor
                          projectId={projectId}
                          matrixId={matrixId}
                          caseKey={row.caseKey}
                          codeId={theme.codeId}
                          label={t('framework.cellLabel', { case: caseName(row), theme: theme.name })}
                          cell={cell}
                          onDone={() => setEditing(null)}
                        />
                      ) : (
                        <>
                          <p className="db-framework__summary">{cell?.summary || <span className="db-muted">{t('framework.empty')}</span>}</p>
                          {cell && cell.fragments.length > 0 && (
                            <p className="db-muted">{t('framework.fragments', { count: cell.fragments.length })}</p>
                          )}
                          <Button
                            type="button"
                            variant="secondary"
                            aria-label={t('framework.editCell', { case: caseName(row), theme: theme.name })}
                            onClick={() => setEditing({ caseKey: row.caseKey, codeId: theme.codeId })}
                          >
                            {t('framework.edit')}
                          </Button>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CellEditor({
  projectId,
  matrixId,
  caseKey,
  codeId,
  label,
  cell,
  onDone,
}: {
  projectId: string;
  matrixId: string;
  caseKey: string;
  codeId: string;
  label: string;
  cell?: FrameworkCell;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const [summary, setSummary] = useState(cell?.summary ?? '');
  const save = useMutation({
    mutationFn: () => writeFrameworkCell(projectId, matrixId, caseKey, codeId, cell?.version ?? 0, summary.trim(), cell?.codingIds ?? []),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['framework-matrix', projectId, matrixId] });
      onDone();
    },
  });
  const error = save.error instanceof ApiError ? save.error : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Field>
        <Label htmlFor={id}>{label}</Label>
        <TextArea id={id} rows={4} value={summary} autoFocus onChange={(event) => setSummary(event.target.value)} />
      </Field>
      {save.isError && (
        <p className="db-error-text" role="alert">
          {error?.status === 412 ? t('framework.stale') : error ? error.message : t('errors.network')}
        </p>
      )}
      <div className="db-inline">
        <Button type="submit" disabled={save.isPending}>
          {t('framework.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}

function NewMatrix({ projectId, onCreated }: { projectId: string; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = useId();
  const codes = useQuery({ queryKey: ['codes', projectId], queryFn: () => listProjectCodes(projectId) });
  const { options } = useEnumLabels();
  const [name, setName] = useState('');
  const [caseKind, setCaseKind] = useState<FrameworkCaseKind>('practice');
  const [themes, setThemes] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => createFrameworkMatrix(projectId, { name: name.trim(), caseKind, themeCodeIds: themes }),
    onSuccess: async (created: Matrix) => {
      await client.invalidateQueries({ queryKey: ['framework-matrices', projectId] });
      setName('');
      setCaseKind('practice');
      setThemes([]);
      onCreated(created.id);
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const topLevel = (codes.data?.items ?? []).filter((code) => !code.parentId);
  return (
    <section aria-labelledby={`${id}-heading`} className="db-section">
      <Heading level={2} id={`${id}-heading`}>
        {t('framework.new')}
      </Heading>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Field invalid={Boolean(error?.fieldError('name'))}>
          <Label htmlFor={`${id}-name`}>{t('framework.name')}</Label>
          <TextInput id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
        <FieldSet legend={t('framework.caseKind')} invalid={Boolean(error?.fieldError('caseKind'))}>
          {options('frameworkCaseKind').map((option) => (
            <Radio
              key={option.value}
              name={`${id}-case-kind`}
              value={option.value}
              checked={caseKind === option.value}
              onChange={() => setCaseKind(option.value as FrameworkCaseKind)}
            >
              {option.label}
            </Radio>
          ))}
        </FieldSet>
        <FieldSet legend={t('framework.themes')} invalid={Boolean(error?.fieldError('themeCodeIds'))}>
          {topLevel.map((code) => (
            <Checkbox
              key={code.id}
              checked={themes.includes(code.id)}
              onChange={(event) => setThemes((current) => (event.target.checked ? [...current, code.id] : current.filter((each) => each !== code.id)))}
            >
              {code.name}
            </Checkbox>
          ))}
        </FieldSet>
        {create.isError && (
          <p className="db-error-text" role="alert">
            {error?.fieldError('themeCodeIds') ?? error?.message ?? t('errors.network')}
          </p>
        )}
        <div className="db-form__actions">
          <Button type="submit" disabled={create.isPending}>
            {t('framework.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

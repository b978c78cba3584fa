import { Button, FieldSet, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchCodePerspectiveMatrix, fetchCodePracticeMatrix, fetchCoderAgreement, fetchCooccurrence, listFragments, type FragmentQuery, type Perspective } from '../../api/research';
import { LoadError, Loading } from '../../components/PageState';
import { useEnumLabels } from '../../lib/enumLabels';
import { buildCodeTree, codePath, flattenTree } from './codebookTree';
import { HeatmapView } from './HeatmapView';
import { PracticesSideBySide } from './PracticesSideBySide';
import { codeRows, cooccurrenceHeatmap, matrixHeatmap, type HeatCell, type Measure } from './heatmapData';
import { ProjectHeader, projectPath, researchKeys, useCodes, usePracticeNames, useWho } from './shared';

interface DrillDown {
  query: FragmentQuery;
  label: string;
}

/** The cross-case analyses: code × practice, code × perspective, co-occurrence, coder agreement, with drill-down. */
export function Analyses({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const { name: practiceName } = usePracticeNames();
  const { who } = useWho();
  const codes = useCodes(projectId);
  const [measure, setMeasure] = useState<Measure>('codings');
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const drillHeading = useRef<HTMLHeadingElement>(null);
  const keys = researchKeys.analyses(projectId);
  const practice = useQuery({ queryKey: [...keys, 'practice'], queryFn: () => fetchCodePracticeMatrix(projectId) });
  const perspective = useQuery({ queryKey: [...keys, 'perspective'], queryFn: () => fetchCodePerspectiveMatrix(projectId) });
  const cooccurrence = useQuery({ queryKey: [...keys, 'cooccurrence'], queryFn: () => fetchCooccurrence(projectId) });
  const agreement = useQuery({ queryKey: [...keys, 'agreement'], queryFn: () => fetchCoderAgreement(projectId) });
  const all = codes.data?.items ?? [];
  const rows = useMemo(() => codeRows(all, flattenTree(buildCodeTree(all))), [all]);
  const nameOf = (id: string) => codePath(all, id) || id.slice(0, 8);

  const open = (next: DrillDown) => {
    setDrill(next);
    requestAnimationFrame(() => drillHeading.current?.focus());
  };
  const practiceHeat = practice.data && matrixHeatmap(practice.data, rows, practiceName, measure);
  const perspectiveHeat = perspective.data && matrixHeatmap(perspective.data, rows, (code) => label('perspective', code), measure);
  const cooccurrenceHeat = cooccurrence.data && cooccurrenceHeatmap(cooccurrence.data, rows, measure === 'codings' ? 'overlaps' : 'notes');
  const measures: { value: Measure; label: string }[] = [
    { value: 'codings', label: t('research.analyses.measures.codings') },
    { value: 'notes', label: t('research.analyses.measures.notes') },
    { value: 'share', label: t('research.analyses.measures.share') },
  ];
  const format = (value: number | null) => (value === null ? '—' : value.toFixed(2));

  return (
    <>
      <ProjectHeader projectId={projectId} title={t('research.analyses.heading')} />
      <Paragraph className="db-lead">{t('research.analyses.intro')}</Paragraph>
      {practice.data && <Paragraph className="db-muted">{t('research.analyses.version', { version: practice.data.codebookVersion })}</Paragraph>}
      <FieldSet legend={t('research.analyses.measure')}>
        <div className="rs-measure">
          {measures.map((option) => (
            <label key={option.value} className="db-check">
              <input type="radio" name="rs-measure" value={option.value} checked={measure === option.value} onChange={() => setMeasure(option.value)} />
              {option.label}
            </label>
          ))}
        </div>
      </FieldSet>
      {codes.isError && <LoadError error={codes.error} />}
      <div className="rs-grid-2">
        {practice.isError ? (
          <LoadError error={practice.error} />
        ) : practiceHeat ? (
          <HeatmapView
            title={t('research.analyses.codePractice')}
            description={t('research.analyses.codePracticeDescription')}
            heatmap={practiceHeat}
            measure={measure}
            onSelect={(cell: HeatCell) => open({ query: { codeId: cell.codeId, practiceId: cell.column }, label: `${nameOf(cell.codeId)} × ${practiceName(cell.column)}` })}
          />
        ) : (
          <Loading />
        )}
        {perspective.isError ? (
          <LoadError error={perspective.error} />
        ) : perspectiveHeat ? (
          <HeatmapView
            title={t('research.analyses.codePerspective')}
            description={t('research.analyses.codePerspectiveDescription')}
            heatmap={perspectiveHeat}
            measure={measure}
            onSelect={(cell) =>
              open({ query: { codeId: cell.codeId, perspective: cell.column as Perspective }, label: `${nameOf(cell.codeId)} × ${label('perspective', cell.column)}` })
            }
          />
        ) : (
          <Loading />
        )}
        {cooccurrence.isError ? (
          <LoadError error={cooccurrence.error} />
        ) : cooccurrenceHeat ? (
          <HeatmapView
            title={t('research.analyses.cooccurrence')}
            description={t('research.analyses.cooccurrenceDescription')}
            heatmap={cooccurrenceHeat}
            measure={measure === 'codings' ? 'codings' : 'notes'}
            onSelect={(cell) => open({ query: { codeId: cell.codeId, otherCodeId: cell.column }, label: `${nameOf(cell.codeId)} + ${nameOf(cell.column)}` })}
          />
        ) : (
          <Loading />
        )}
      </div>
      <section aria-labelledby="rs-drill" className="db-section">
        <Heading level={2} id="rs-drill" ref={drillHeading} tabIndex={-1}>
          {drill ? t('research.analyses.fragmentsOf', { cell: drill.label }) : t('research.analyses.fragments')}
        </Heading>
        {drill ? (
          <Fragments key={JSON.stringify(drill.query)} projectId={projectId} query={drill.query} onClose={() => setDrill(null)} />
        ) : (
          <Paragraph>{t('research.analyses.pickCell')}</Paragraph>
        )}
      </section>
      <PracticesSideBySide projectId={projectId} />
      <section aria-labelledby="rs-agreement" className="db-section">
        <Heading level={2} id="rs-agreement">
          {t('research.agreement.heading')}
        </Heading>
        <Paragraph>{t('research.agreement.intro')}</Paragraph>
        {agreement.isPending ? (
          <Loading />
        ) : agreement.isError ? (
          <LoadError error={agreement.error} />
        ) : (
          <>
            <Paragraph className="db-muted">{t('research.agreement.coders', { coders: agreement.data.coderIds.map(who).join(', ') || '—' })}</Paragraph>
            {agreement.data.codes.length === 0 ? (
              <Paragraph>{t('research.agreement.none')}</Paragraph>
            ) : (
              <div className="db-table-scroll">
                <Table className="db-table db-table--compact">
                  <Table.Caption className="db-visually-hidden">{t('research.agreement.heading')}</Table.Caption>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('research.analyses.code')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('research.agreement.units')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('research.agreement.kappa')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('research.agreement.alpha')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {agreement.data.codes.map((row) => (
                      <Table.Row key={row.codeId}>
                        <Table.HeaderCell scope="row">{nameOf(row.codeId)}</Table.HeaderCell>
                        <Table.Cell>{row.units}</Table.Cell>
                        <Table.Cell>{format(row.kappa)}</Table.Cell>
                        <Table.Cell>{format(row.alpha)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </>
        )}
      </section>
    </>
  );
}

function Fragments({ projectId, query, onClose }: { projectId: string; query: FragmentQuery; onClose: () => void }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const { name: practiceName } = usePracticeNames();
  const [page, setPage] = useState(1);
  const fragments = useQuery({ queryKey: [...researchKeys.analyses(projectId), 'fragments', query, page], queryFn: () => listFragments(projectId, { ...query, page }) });
  if (fragments.isPending) return <Loading />;
  if (fragments.isError) return <LoadError error={fragments.error} />;
  const pages = Math.max(1, Math.ceil(fragments.data.total / fragments.data.pageSize));
  return (
    <>
      <Paragraph>{t('research.analyses.fragmentCount', { count: fragments.data.total })}</Paragraph>
      <ol className="rs-fragments" aria-label={t('research.analyses.fragments')}>
        {fragments.data.items.map((fragment) => (
          <li key={fragment.codingId} data-testid="fragment">
            <blockquote className="rs-fragment-text">{fragment.excerpt}</blockquote>
            <Paragraph size="small" className="db-muted">
              {practiceName(fragment.practiceId)} · {label('perspective', fragment.perspective)} · {t('research.coding.at', { start: fragment.start, end: fragment.end })} ·{' '}
              <Link to={projectPath(projectId, `/notities/${fragment.noteId}`)} className="ams-link">
                {t('research.analyses.openNote')}
              </Link>
            </Paragraph>
          </li>
        ))}
      </ol>
      <div className="db-inline">
        {page > 1 && (
          <Button variant="secondary" type="button" onClick={() => setPage(page - 1)}>
            {t('common.previousPage')}
          </Button>
        )}
        {page < pages && (
          <Button variant="secondary" type="button" onClick={() => setPage(page + 1)}>
            {t('common.nextPage')}
          </Button>
        )}
        <Button variant="tertiary" type="button" onClick={onClose}>
          {t('research.analyses.closeFragments')}
        </Button>
      </div>
    </>
  );
}

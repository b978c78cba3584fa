import { Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { fetchPracticeMeasures, type PracticeMeasuresBesideCodes } from '../../api/research';
import { LoadError, Loading } from '../../components/PageState';
import { percent } from '../Dashboard/chartData';
import { projectPath, researchKeys } from './shared';

type Item = PracticeMeasuresBesideCodes['items'][number];

const share = (value: number | null | undefined) => (value == null ? '–' : percent(value));

/** The share of consenting households with informal practical help in the 90 days up to the period's end. */
function practicalCoverage(item: Item) {
  return share(item.capacity.bySupportType.find((type) => type.supportType === 'practical')?.coveredShare);
}

/**
 * Mixed methods: per practice of the project, its numbers (consenting
 * households, the last year) beside its most frequent codes, each row
 * leading to the practice's report.
 */
export function PracticesSideBySide({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const measures = useQuery({ queryKey: [...researchKeys.analyses(projectId), 'practice-measures'], queryFn: () => fetchPracticeMeasures(projectId) });
  const columns = [
    t('research.sideBySide.practice'),
    t('research.report.acts'),
    t('dashboard.byNetwork'),
    t('dashboard.jointShare'),
    t('research.sideBySide.practicalCoverage'),
    t('research.report.notes'),
    t('research.sideBySide.codes'),
  ];
  return (
    <section aria-labelledby="rs-side-by-side" className="db-section">
      <Heading level={2} id="rs-side-by-side">{t('research.sideBySide.heading')}</Heading>
      {measures.isPending ? <Loading /> : measures.isError ? <LoadError error={measures.error} /> : (
        <>
          <Paragraph>{t('research.sideBySide.intro', { from: measures.data.period.from, to: measures.data.period.to })}</Paragraph>
          <Table className="db-table--stack">
            <Table.Caption className="db-visually-hidden">{t('research.sideBySide.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                {columns.map((column) => <Table.HeaderCell key={column} scope="col">{column}</Table.HeaderCell>)}
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {measures.data.items.map((item) => (
                <Table.Row key={item.practiceId}>
                  <Table.Cell data-label={columns[0]}>
                    <RouterLink className="ams-link" to={projectPath(projectId, `/praktijken/${item.practiceId}/rapport`)}>{item.name}</RouterLink>
                  </Table.Cell>
                  <Table.Cell data-label={columns[1]}>{item.total.acts}</Table.Cell>
                  <Table.Cell data-label={columns[2]}>{share(item.total.networkShare)}</Table.Cell>
                  <Table.Cell data-label={columns[3]}>{share(item.total.jointShare)}</Table.Cell>
                  <Table.Cell data-label={columns[4]}>{practicalCoverage(item)}</Table.Cell>
                  <Table.Cell data-label={columns[5]}>{item.notes}</Table.Cell>
                  <Table.Cell data-label={columns[6]}>
                    {item.codes.length === 0 ? '—' : (
                      <ul className="rs-code-list">
                        {item.codes.map((code) => (
                          <li key={code.codeId}>
                            <span className="rs-swatch" style={{ background: code.colour }} aria-hidden="true" /> {code.name} ({percent(code.share)})
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </section>
  );
}

import { Button, Field, Heading, Label, Link, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { fetchPracticeReport, practiceReportPdfUrl, type ReportPeriod } from '../../api/research';
import { ChartWithTable } from '../../components/ChartWithTable';
import { LoadError, Loading } from '../../components/PageState';
import { useEnumLabels } from '../../lib/enumLabels';
import { collaborationChart, mobilisationChart, percent } from '../Dashboard/chartData';
import { capacityComparison, reportMonths } from './reportData';
import { ProjectHeader, projectPath, researchKeys, usePracticeNames } from './shared';

/**
 * The report of one practice: its numbers (consenting households only)
 * beside its codes, its framework-matrix row and its member checks; the
 * same as a PDF to take to a meeting.
 */
export function PracticeReport({ projectId, practiceId }: { projectId: string; practiceId: string }) {
  const { t } = useTranslation();
  const { label } = useEnumLabels();
  const { name: practiceName } = usePracticeNames();
  const [search, setSearch] = useSearchParams();
  const period: ReportPeriod = { from: search.get('van') ?? undefined, to: search.get('tot') ?? undefined };
  const report = useQuery({
    queryKey: [...researchKeys.project(projectId), 'report', practiceId, period.from ?? '', period.to ?? ''],
    queryFn: () => fetchPracticeReport(projectId, practiceId, period),
  });
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');

  const months = useMemo(() => (report.data ? reportMonths(report.data.months) : []), [report.data]);
  const mobilisationView = useMemo(() => mobilisationChart(months, t), [months, t]);
  const collaborationView = useMemo(() => collaborationChart(months, t), [months, t]);
  const capacityView = useMemo(
    () =>
      report.data &&
      capacityComparison(
        report.data.capacity.start,
        report.data.capacity.end,
        {
          supportType: (code) => label('supportType', code),
          start: t('research.report.capacityOn', { date: report.data.capacity.start.date, households: report.data.capacity.start.households }),
          end: t('research.report.capacityOn', { date: report.data.capacity.end.date, households: report.data.capacity.end.households }),
        },
        t,
      ),
    [report.data, label, t],
  );

  const show = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (from) next.set('van', from);
    if (to) next.set('tot', to);
    setSearch(next);
  };

  const title = t('research.report.heading', { name: report.data?.practiceName ?? practiceName(practiceId) });
  return (
    <>
      <ProjectHeader projectId={projectId} title={title} />
      <Paragraph className="db-lead">{t('research.report.intro')}</Paragraph>
      <form className="rs-report-period" onSubmit={show} aria-label={t('research.report.period')}>
        <Field>
          <Label htmlFor="rs-report-from">{t('research.report.from')}</Label>
          <input id="rs-report-from" className="ams-text-input" type="date" max={to || undefined} value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field>
          <Label htmlFor="rs-report-to">{t('research.report.to')}</Label>
          <input id="rs-report-to" className="ams-text-input" type="date" min={from || undefined} value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Button type="submit" variant="secondary">{t('research.report.show')}</Button>
      </form>
      {report.isPending ? <Loading /> : report.isError ? <LoadError error={report.error} /> : (
        <>
          <Paragraph>
            <Link href={practiceReportPdfUrl(projectId, practiceId, period)} download>
              {t('research.report.pdf')}
            </Link>
          </Paragraph>
          <section className="rs-report-section" aria-labelledby="rs-report-numbers">
            <Heading level={2} id="rs-report-numbers">{t('research.report.numbers')}</Heading>
            <Paragraph className="db-muted">
              {t('research.report.numbersIntro', { from: report.data.period.from, to: report.data.period.to })}
            </Paragraph>
            <ul className="db-kpis" aria-label={t('research.report.keyFigures')}>
              <li><span className="db-kpi__value">{report.data.total.acts}</span><span className="db-kpi__label">{t('research.report.acts')}</span></li>
              <li><span className="db-kpi__value">{sharePercent(report.data.total.selfShare)}</span><span className="db-kpi__label">{t('dashboard.bySelf')}</span></li>
              <li><span className="db-kpi__value">{sharePercent(report.data.total.networkShare)}</span><span className="db-kpi__label">{t('dashboard.byNetwork')}</span></li>
              <li><span className="db-kpi__value">{sharePercent(report.data.total.professionalShare)}</span><span className="db-kpi__label">{t('research.report.byProfessional')}</span></li>
              <li><span className="db-kpi__value">{sharePercent(report.data.total.jointShare)}</span><span className="db-kpi__label">{t('dashboard.jointShare')}</span></li>
              <li><span className="db-kpi__value">{report.data.total.handovers}</span><span className="db-kpi__label">{t('dashboard.handovers')}</span></li>
            </ul>
            <div className="db-dashboard">
              <ChartWithTable title={t('dashboard.mobilisation')} description={t('dashboard.mobilisationDescription')} {...mobilisationView} />
              <ChartWithTable title={t('dashboard.collaboration')} description={t('dashboard.collaborationDescription')} {...collaborationView} />
              {capacityView && (
                <ChartWithTable title={t('research.report.capacity')} description={t('research.report.capacityDescription')} {...capacityView} height={260} />
              )}
            </div>
          </section>
          <section className="rs-report-section" aria-labelledby="rs-report-codes">
            <Heading level={2} id="rs-report-codes">{t('research.report.qualitative')}</Heading>
            <Paragraph className="db-muted">
              {t('research.report.notesIntro', { count: report.data.notes, version: report.data.codebookVersion })}
            </Paragraph>
            <Heading level={3}>{t('research.report.topCodes')}</Heading>
            {report.data.codes.length === 0 ? (
              <Paragraph>{t('research.report.noCodes')}</Paragraph>
            ) : (
              <Table className="db-table--stack">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('research.report.code')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.notes')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.share')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.codings')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {report.data.codes.map((code) => (
                    <Table.Row key={code.codeId}>
                      <Table.Cell data-label={t('research.report.code')}>
                        <span className="rs-swatch" style={{ background: code.colour }} aria-hidden="true" /> {code.name}
                      </Table.Cell>
                      <Table.Cell data-label={t('research.report.notes')}>{code.notes}</Table.Cell>
                      <Table.Cell data-label={t('research.report.share')}>{percent(code.share)}</Table.Cell>
                      <Table.Cell data-label={t('research.report.codings')}>{code.codings}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
            {report.data.framework.map((matrix) => (
              <div key={matrix.matrixId}>
                <Heading level={3}>{t('research.report.framework', { name: matrix.name })}</Heading>
                <Table className="db-table--stack">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('research.report.theme')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('research.report.summary')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {matrix.cells.map((cell) => (
                      <Table.Row key={cell.codeId}>
                        <Table.Cell data-label={t('research.report.theme')}>{cell.theme}</Table.Cell>
                        <Table.Cell data-label={t('research.report.summary')}>
                          {cell.summary || <span className="db-muted">{t('research.report.unwritten')}</span>}
                          {cell.fragments > 0 && <span className="db-muted"> ({t('research.report.fragments', { count: cell.fragments })})</span>}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
                <Paragraph>
                  <RouterLink className="ams-link" to={projectPath(projectId, '/framework')}>{t('research.report.toFramework')}</RouterLink>
                </Paragraph>
              </div>
            ))}
            <Heading level={3}>{t('research.report.memberChecks')}</Heading>
            {report.data.findings.length === 0 ? (
              <Paragraph>{t('research.report.noFindings')}</Paragraph>
            ) : (
              <Table className="db-table--stack">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('research.report.finding')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.version')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.agree')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.partly')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.disagree')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('research.report.open')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {report.data.findings.map((finding) => (
                    <Table.Row key={finding.findingId}>
                      <Table.Cell data-label={t('research.report.finding')}>
                        <RouterLink className="ams-link" to={projectPath(projectId, '/terugkoppeling')}>{finding.title}</RouterLink>
                      </Table.Cell>
                      <Table.Cell data-label={t('research.report.version')}>{finding.version}</Table.Cell>
                      <Table.Cell data-label={t('research.report.agree')}>{finding.agree}</Table.Cell>
                      <Table.Cell data-label={t('research.report.partly')}>{finding.partly}</Table.Cell>
                      <Table.Cell data-label={t('research.report.disagree')}>{finding.disagree}</Table.Cell>
                      <Table.Cell data-label={t('research.report.open')}>{finding.open}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            )}
          </section>
        </>
      )}
    </>
  );
}

function sharePercent(value: number | null | undefined): string {
  return value == null ? '–' : percent(value);
}

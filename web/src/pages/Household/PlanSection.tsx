import { Badge, Button, Heading, Paragraph, Table } from '@amsterdam/design-system-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAgreementHistory, listAgreements } from '../../api/agreements';
import { can } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { PersonName } from '../../components/PersonName';
import { formatDate } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import type { NetworkNode } from '../../api/households';
import { HandoverForm } from './HandoverForm';
import { handovers, type Handover } from './handovers';

interface PlanSectionProps {
  householdId: string;
  names: Map<string, string>;
  formal: Map<string, boolean>;
  people: NetworkNode[];
}

/** The support plan: who does what, and why; and the handovers over time. */
export function PlanSection({ householdId, names, formal, people }: PlanSectionProps) {
  const { t, i18n } = useTranslation();
  const { role } = useSession();
  const { label } = useEnumLabels();
  const agreements = useQuery({ queryKey: ['agreements', householdId], queryFn: () => listAgreements(householdId) });
  const withHistory = can(role, 'viewPlanHistory');
  const mayHandOver = can(role, 'editHousehold');
  const [handingOver, setHandingOver] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const histories = useQueries({
    queries: (withHistory ? (agreements.data?.items ?? []) : []).map((agreement) => ({
      queryKey: ['agreement-history', householdId, agreement.id],
      queryFn: () => fetchAgreementHistory(householdId, agreement.id),
    })),
  });
  const handoversOf = new Map<string, Handover[]>();
  (agreements.data?.items ?? []).forEach((agreement, index) => {
    const history = histories[index]?.data;
    if (history) handoversOf.set(agreement.id, handovers(history.items, (id) => formal.get(id)));
  });
  const allHandovers = [...handoversOf.entries()].flatMap(([id, list]) =>
    list.map((handover) => ({ ...handover, agreement: agreements.data?.items.find((a) => a.id === id) })),
  );

  return (
    <section aria-labelledby="plan-heading" className="db-section">
      <Heading level={2} id="plan-heading">
        {t('plan.heading')}
      </Heading>
      <Paragraph>{withHistory ? t('plan.intro') : t('plan.introOwn')}</Paragraph>
      <p role="status" className="db-confirmation">
        {message}
      </p>
      {agreements.isPending ? (
        <Loading />
      ) : agreements.isError ? (
        <LoadError error={agreements.error} />
      ) : agreements.data.items.length === 0 ? (
        <Paragraph>{t('plan.empty')}</Paragraph>
      ) : (
        <div className="db-table-scroll">
          <Table className="db-table db-table--stack">
            <Table.Caption className="db-visually-hidden">{t('plan.heading')}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col" className="db-col-wide">{t('plan.goal')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plan.who')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="db-col-medium">{t('plan.why')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plan.dates')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plan.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {agreements.data.items.map((agreement) => {
                const isFormal = formal.get(agreement.responsiblePersonId);
                const moved = handoversOf.get(agreement.id) ?? [];
                return (
                  <Fragment key={agreement.id}>
                  <Table.Row>
                    <Table.Cell data-label={t('plan.goal')}>
                      <strong>{agreement.goal}</strong>
                      <div>{agreement.action}</div>
                    </Table.Cell>
                    <Table.Cell data-label={t('plan.who')}>
                      <PersonName id={agreement.responsiblePersonId} known={names} />
                      {isFormal !== undefined && (
                        <div className="db-muted">{isFormal ? t('ecomap.formal') : t('ecomap.informal')}</div>
                      )}
                      {moved.length > 0 && (
                        <div className="db-handover-note">
                          {t('plan.handedOverFrom')} <PersonName id={moved[moved.length - 1]!.fromPersonId} known={names} />
                        </div>
                      )}
                    </Table.Cell>
                    <Table.Cell data-label={t('plan.why')}>{agreement.why ?? ''}</Table.Cell>
                    <Table.Cell data-label={t('plan.dates')}>
                      {agreement.dueDate && (
                        <div>
                          {t('plan.due')}: {formatDate(agreement.dueDate, i18n.language)}
                        </div>
                      )}
                      {agreement.reviewDate && (
                        <div className="db-muted">
                          {t('plan.review')}: {formatDate(agreement.reviewDate, i18n.language)}
                        </div>
                      )}
                    </Table.Cell>
                    <Table.Cell data-label={t('plan.status')}>
                      <Badge label={label('agreementStatus', agreement.status)} color={agreement.status === 'done' ? 'lime' : agreement.status === 'inProgress' ? 'azure' : undefined} />
                      <div className="db-muted">{agreement.agreedByHousehold ? t('plan.agreed') : t('plan.notAgreed')}</div>
                      {mayHandOver && handingOver !== agreement.id && (
                        <Button
                          variant="tertiary"
                          className="db-rowaction"
                          onClick={() => {
                            setMessage(null);
                            setHandingOver(agreement.id);
                          }}
                        >
                          {t('plan.handOver')}
                          <span className="db-visually-hidden">: {agreement.goal}</span>
                        </Button>
                      )}
                    </Table.Cell>
                  </Table.Row>
                  {handingOver === agreement.id && (
                    <Table.Row>
                      <Table.Cell colSpan={5}>
                        <HandoverForm
                          householdId={householdId}
                          agreement={agreement}
                          candidates={people}
                          onCancel={() => setHandingOver(null)}
                          onDone={(text) => {
                            setHandingOver(null);
                            setMessage(text);
                          }}
                        />
                      </Table.Cell>
                    </Table.Row>
                  )}
                  </Fragment>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {withHistory && agreements.isSuccess && (
        <>
          <Heading level={3} className="db-subheading">
            {t('plan.handovers')}
          </Heading>
          {allHandovers.length === 0 ? (
            <Paragraph>{t('plan.noHandovers')}</Paragraph>
          ) : (
            <ol className="db-timeline">
              {allHandovers
                .sort((a, b) => a.on.localeCompare(b.on))
                .map((handover) => (
                  <li key={`${handover.agreement?.id}-${handover.on}`} className={handover.formalToInformal ? 'db-timeline__item--handover' : undefined}>
                    <span className="db-timeline__date">{formatDate(handover.on, i18n.language)}</span>{' '}
                    <strong>{handover.agreement?.goal}</strong>: <PersonName id={handover.fromPersonId} known={names} /> →{' '}
                    <PersonName id={handover.toPersonId} known={names} />
                    {handover.formalToInformal && <> · {t('plan.toNetwork')}</>}
                  </li>
                ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

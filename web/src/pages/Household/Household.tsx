import { Heading, Tabs } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { listPractices } from '../../api/practices';
import { can, type Permission } from '../../auth/permissions';
import { useSession } from '../../auth/SessionContext';
import { LoadError, Loading } from '../../components/PageState';
import { PersonName } from '../../components/PersonName';
import { addDays, isoToday } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { rememberHousehold } from '../QuickLog/lastHousehold';
import { AccessLogSection } from './AccessLogSection';
import { ChangeSection } from './ChangeSection';
import { ConsentsSection } from './ConsentsSection';
import { NetworkSection } from './NetworkSection';
import { PlanSection } from './PlanSection';
import { householdQueries } from './queries';
import { SupportLogSection } from './SupportLogSection';
import { ZrmSection } from './ZrmSection';

interface TabDefinition {
  id: string;
  label: string;
  permission: Permission;
}

export function Household({ householdId: fixedId }: { householdId?: string }) {
  const { t } = useTranslation();
  const params = useParams();
  const householdId = fixedId ?? params.householdId ?? '';
  const { role } = useSession();
  const { label } = useEnumLabels();
  const [search, setSearch] = useSearchParams();
  const household = useQuery(householdQueries.household(householdId));
  const practices = useQuery({ queryKey: ['practices'], queryFn: listPractices, staleTime: 5 * 60_000 });
  // Names and formality of everyone around the household today, shared by
  // the plan and the log; the map section asks for other dates itself.
  const network = useQuery({ ...householdQueries.network(householdId), enabled: can(role, 'viewNetwork') });
  const names = useMemo(() => new Map((network.data?.nodes ?? []).map((node) => [node.id, node.label])), [network.data]);
  const people = useMemo(() => (network.data?.nodes ?? []).filter((node) => node.kind !== 'organisation'), [network.data]);
  const formal = useMemo(() => new Map((network.data?.nodes ?? []).map((node) => [node.id, node.formal])), [network.data]);

  const tabs: TabDefinition[] = [
    { id: 'netwerk', label: t('household.tabs.network'), permission: 'viewNetwork' },
    { id: 'plan', label: t('household.tabs.plan'), permission: 'viewPlan' },
    { id: 'steun', label: t('household.tabs.log'), permission: 'viewSupportLog' },
    { id: 'zrm', label: t('household.tabs.zrm'), permission: 'viewAssessments' },
    { id: 'verandering', label: t('household.tabs.change'), permission: 'viewChange' },
    { id: 'toestemmingen', label: t('household.tabs.consents'), permission: 'viewConsents' },
    { id: 'inzage', label: t('household.tabs.accessLog'), permission: 'viewAccessLog' },
  ];
  const visible = tabs.filter((tab) => can(role, tab.permission));
  const requested = search.get('tab');
  const active = visible.find((tab) => tab.id === requested)?.id ?? visible[0]?.id ?? 'plan';

  if (household.isPending) return <Loading />;
  if (household.isError) return <LoadError error={household.error} />;
  const data = household.data;
  if (data.members) rememberHousehold(householdId);
  const currentMembers = (data.members ?? [])
    .filter((m) => !m.until || m.until >= isoToday())
    .map((m) => ({ id: m.personId, name: names.get(m.personId) ?? '' }));
  const since = data.members?.reduce((earliest, m) => (m.from < earliest ? m.from : earliest), isoToday()) ?? addDays(isoToday(), -365);

  return (
    <>
      {role !== 'client' && (
        <p className="db-back">
          <Link to="/huishoudens" className="ams-link">
            ← {t('household.backToList')}
          </Link>
        </p>
      )}
      <Heading level={1}>
        {data.name ?? (
          <>
            {t('households.householdOf')}{' '}
            {(data.members ?? []).map((member, index) => (
              <span key={member.personId}>
                {index > 0 && ', '}
                <PersonName id={member.personId} />
              </span>
            ))}
          </>
        )}
      </Heading>
      {data.targetGroup && (
        <dl className="db-facts">
          <div>
            <dt>{t('households.targetGroup')}</dt>
            <dd>{label('targetGroup', data.targetGroup)}</dd>
          </div>
          <div>
            <dt>{t('households.status')}</dt>
            <dd>{label('householdStatus', data.status)}</dd>
          </div>
          <div>
            <dt>{t('households.practice')}</dt>
            <dd>{data.practiceIds?.map((id) => practices.data?.items.find((p) => p.id === id)?.name ?? '').join(', ')}</dd>
          </div>
          <div>
            <dt>{t('household.members')}</dt>
            <dd>
              {(data.members ?? []).map((member, index) => (
                <span key={member.personId}>
                  {index > 0 && ', '}
                  <PersonName id={member.personId} known={names} />
                </span>
              ))}
            </dd>
          </div>
          {data.team && data.team.length > 0 && (
            <div>
              <dt>{t('household.team')}</dt>
              <dd>
                {data.team
                  .filter((member) => !member.until || member.until >= isoToday())
                  .map((member, index) => (
                    <span key={member.personId}>
                      {index > 0 && ', '}
                      <PersonName id={member.personId} known={names} />
                    </span>
                  ))}
              </dd>
            </div>
          )}
        </dl>
      )}
      {can(role, 'logSupport') && (
        <p>
          <Link className="ams-button ams-button--primary db-buttonlink" to={`/steun-vastleggen?huishouden=${householdId}`}>
            {t('supportLog.logNew')}
          </Link>
        </p>
      )}
      <Tabs
        key={active}
        activeTab={active}
        onTabChange={(id) => {
          const next = new URLSearchParams(search);
          next.set('tab', id);
          setSearch(next, { replace: true });
        }}
      >
        <Tabs.List aria-label={t('household.sections')}>
          {visible.map((tab) => (
            <Tabs.Button key={tab.id} aria-controls={tab.id}>
              {tab.label}
            </Tabs.Button>
          ))}
        </Tabs.List>
        {visible.map((tab) => (
          <Tabs.Panel key={tab.id} id={tab.id}>
            {tab.id === active && tab.id === 'netwerk' && <NetworkSection householdId={householdId} since={since} members={currentMembers} />}
            {tab.id === active && tab.id === 'plan' && <PlanSection householdId={householdId} names={names} formal={formal} people={people} />}
            {tab.id === active && tab.id === 'steun' && <SupportLogSection householdId={householdId} names={names} />}
            {tab.id === active && tab.id === 'zrm' && (
              <ZrmSection
                householdId={householdId}
                members={currentMembers}
              />
            )}
            {tab.id === active && tab.id === 'verandering' && <ChangeSection householdId={householdId} names={names} />}
            {tab.id === active && tab.id === 'toestemmingen' && <ConsentsSection householdId={householdId} />}
            {tab.id === active && tab.id === 'inzage' && <AccessLogSection householdId={householdId} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

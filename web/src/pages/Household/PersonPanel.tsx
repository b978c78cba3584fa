import { Button, Heading } from '@amsterdam/design-system-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../api/households';
import { listSupportActs } from '../../api/supportActs';
import { formatDate } from '../../lib/dates';
import { useEnumLabels } from '../../lib/enumLabels';
import { directionFrom, tiesOf } from './ecomapElements';

interface PersonPanelProps {
  householdId: string;
  network: Network;
  personId: string;
  onClose: () => void;
}

/** One person of the ecomap: their ties and the support they gave lately. */
export function PersonPanel({ householdId, network, personId, onClose }: PersonPanelProps) {
  const { t, i18n } = useTranslation();
  const { label } = useEnumLabels();
  const node = network.nodes.find((n) => n.id === personId);
  const acts = useQuery({
    queryKey: ['support-acts', householdId, 'provider', personId],
    queryFn: () => listSupportActs({ householdId, providerId: personId, pageSize: 200 }),
  });
  if (!node) return null;
  const recent = [...(acts.data?.items ?? [])].reverse().slice(0, 8);
  const names = new Map(network.nodes.map((n) => [n.id, n.label]));
  return (
    <section className="db-panel" aria-labelledby="person-panel-heading" tabIndex={-1} id="person-panel">
      <div className="db-panel__head">
        <Heading level={3} id="person-panel-heading">
          {node.label}
        </Heading>
        <Button variant="tertiary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
      <p className="db-muted">
        {node.kind === 'member' ? t('ecomap.member') : label('personRole', node.role)} ·{' '}
        {node.formal ? t('ecomap.formal') : t('ecomap.informal')}
      </p>
      <Heading level={4}>{t('ecomap.ties')}</Heading>
      <ul className="db-plainlist">
        {tiesOf(network, personId).map(({ edge, other }) => (
          <li key={edge.id}>
            {edge.kind === 'team'
              ? t(other.kind === 'member' ? 'ecomap.teamOf' : 'ecomap.onTeam', { name: other.label })
              : t(`ecomap.direction.${directionFrom(edge, personId) ?? 'none'}`, { name: other.label })}
            {edge.quality && edge.quality !== 'ordinary' && ` · ${label('tieQuality', edge.quality)}`}
          </li>
        ))}
      </ul>
      <Heading level={4}>{t('ecomap.actsGiven', { count: acts.data?.total ?? 0 })}</Heading>
      {acts.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : recent.length === 0 ? (
        <p>{t('ecomap.noActs')}</p>
      ) : (
        <ul className="db-plainlist">
          {recent.map((act) => (
            <li key={act.id}>
              {formatDate(act.date, i18n.language)}: {label('supportType', act.supportType)} {t('supportLog.to')}{' '}
              {names.get(act.receiverId) ?? t('common.unknownPerson')} ({label('supportMode', act.mode)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

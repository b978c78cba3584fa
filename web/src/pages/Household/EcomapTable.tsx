import { Table } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../api/households';
import { useEnumLabels } from '../../lib/enumLabels';
import { directionFrom, ringOf, tiesOf } from './ecomapElements';

interface EcomapTableProps {
  network: Network;
  id: string;
  selected: string | null;
  onSelect: (personId: string) => void;
}

/** The ecomap's content as a table: the alternative for screen readers and keyboards. */
export function EcomapTable({ network, id, selected, onSelect }: EcomapTableProps) {
  const { t, i18n } = useTranslation();
  const { label } = useEnumLabels();
  const persons = network.nodes.filter((node) => node.kind !== 'organisation');
  const organisations = new Map(network.nodes.filter((n) => n.kind === 'organisation').map((n) => [n.id, n.label]));
  const membershipsOf = (personId: string) =>
    network.edges
      .filter((edge) => edge.kind === 'membership' && edge.source === personId)
      .map((edge) => organisations.get(edge.target))
      .filter(Boolean)
      .join(', ');
  return (
    <div className="db-table-scroll">
      <Table id={id} className="db-table db-table--stack db-table--compact">
        <Table.Caption>{t('ecomap.tableCaption', { date: new Date(network.date).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nl-NL') })}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('ecomap.person')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('ecomap.role')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('ecomap.closeness')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="db-col-wide">{t('ecomap.ties')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('ecomap.recentActs')}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {persons.map((node) => {
            const ties = tiesOf(network, node.id);
            return (
              <Table.Row key={node.id} aria-selected={selected === node.id ? true : undefined}>
                <Table.Cell data-label={t('ecomap.person')}>
                  <button type="button" className="db-linkbutton" onClick={() => onSelect(node.id)}>
                    {node.label}
                  </button>
                  {membershipsOf(node.id) && <div className="db-muted">{membershipsOf(node.id)}</div>}
                </Table.Cell>
                <Table.Cell data-label={t('ecomap.role')}>
                  {node.kind === 'member' ? t('ecomap.member') : label('personRole', node.role)}
                  <div className="db-muted">{node.formal ? t('ecomap.formal') : t('ecomap.informal')}</div>
                </Table.Cell>
                <Table.Cell data-label={t('ecomap.closeness')}>{node.kind === 'member' ? '—' : t(`ecomap.ring${ringOf(node)}`)}</Table.Cell>
                <Table.Cell data-label={t('ecomap.ties')}>
                  <ul className="db-plainlist">
                    {ties.map(({ edge, other }) => (
                      <li key={edge.id}>
                        {edge.kind === 'team'
                          ? t(other.kind === 'member' ? 'ecomap.teamOf' : 'ecomap.onTeam', { name: other.label })
                          : t(`ecomap.direction.${directionFrom(edge, node.id) ?? 'none'}`, { name: other.label })}
                        {edge.relationKind && ` (${label('relationKind', edge.relationKind)})`}
                        {edge.quality && edge.quality !== 'ordinary' && ` · ${label('tieQuality', edge.quality)}`}
                        {edge.supportTypes && edge.supportTypes.length > 0 &&
                          ` · ${edge.supportTypes.map((type) => label('supportType', type)).join(', ')}`}
                      </li>
                    ))}
                  </ul>
                </Table.Cell>
                <Table.Cell data-label={t('ecomap.recentActs')}>{node.supportActsLast90Days}</Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

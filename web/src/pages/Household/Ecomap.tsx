import cytoscape, { type Core, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../api/households';
import { buildElements, kRingRadius } from './ecomapElements';

// Colours from the theme (src/theme/base.css); the canvas cannot read CSS
// variables, so they are repeated here once.
const kInk = '#1b1b1b';
const kMember = '#1d4f73';
const kInformal = '#00805d';
const kFormal = '#b84f00';
const kOrganisation = '#555c63';
const kStressful = '#b0201a';
const kQuiet = '#8a939c';

const style: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': 'Source Sans 3, Arial, sans-serif',
      'font-size': 22,
      color: kInk,
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-wrap': 'ellipsis',
      'text-max-width': '180px',
      width: 40,
      height: 40,
      'border-width': 3,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.informal', style: { 'background-color': kInformal } },
  { selector: 'node.formal', style: { 'background-color': kFormal } },
  { selector: 'node.member', style: { 'background-color': kMember, width: 68, height: 68, 'font-weight': 'bold' } },
  { selector: 'node.role-family, node.role-partner', style: { shape: 'ellipse' } },
  { selector: 'node.role-friend, node.role-neighbour, node.role-peer', style: { shape: 'diamond', width: 46, height: 46 } },
  { selector: 'node.role-volunteer, node.role-mentor, node.role-experientialExpert', style: { shape: 'hexagon', width: 46, height: 42 } },
  { selector: 'node.role-professional', style: { shape: 'round-rectangle' } },
  { selector: 'node.organisation', style: { shape: 'rectangle', 'background-color': kOrganisation, width: 34, height: 34, 'font-style': 'italic' } },
  { selector: 'node.active', style: { 'border-color': kInk, 'border-width': 3 } },
  {
    selector: 'node.ring',
    style: {
      label: '',
      shape: 'ellipse',
      'background-opacity': 0,
      'border-width': 2,
      'border-style': 'dashed',
      'border-color': '#c4cad0',
      events: 'no',
      'z-compound-depth': 'bottom',
    },
  },
  { selector: 'node:selected', style: { 'border-color': '#ffd24d', 'border-width': 8 } },
  {
    selector: 'edge',
    style: { width: 3, 'line-color': kInk, 'curve-style': 'straight', 'arrow-scale': 1.6, opacity: 0.9 },
  },
  { selector: 'edge.quality-strong', style: { width: 8 } },
  { selector: 'edge.quality-tenuous', style: { 'line-style': 'dashed', 'line-dash-pattern': [12, 9] } },
  { selector: 'edge.quality-stressful', style: { 'line-color': kStressful, 'line-style': 'dashed', 'line-dash-pattern': [3, 5], width: 5, 'target-arrow-color': kStressful, 'source-arrow-color': kStressful } },
  { selector: 'edge.arrow-to-target', style: { 'target-arrow-shape': 'triangle' } },
  { selector: 'edge.arrow-to-source', style: { 'source-arrow-shape': 'triangle' } },
  { selector: 'edge.arrow-both', style: { 'target-arrow-shape': 'triangle', 'source-arrow-shape': 'triangle' } },
  { selector: 'edge.team', style: { 'line-color': kFormal, 'line-style': 'dotted', width: 2.5 } },
  { selector: 'edge.membership', style: { 'line-color': kQuiet, 'line-style': 'dotted', width: 1.5 } },
  { selector: 'edge.dimmed, node.dimmed', style: { opacity: 0.15 } },
];

interface EcomapProps {
  network: Network;
  selected: string | null;
  onSelect: (personId: string | null) => void;
  describedBy: string;
}

export function Ecomap({ network, selected, onSelect, describedBy }: EcomapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    if (!container.current) return;
    const rings = kRingRadius.slice(1, 4).map((radius, index) => ({
      group: 'nodes' as const,
      data: { id: `ring-${index + 1}` },
      position: { x: 0, y: 0 },
      classes: 'ring',
      selectable: false,
      grabbable: false,
      style: { width: radius * 2, height: radius * 2 },
    }));
    const instance = cytoscape({
      container: container.current,
      elements: [...rings, ...buildElements(network)],
      style,
      layout: { name: 'preset', fit: true, padding: 24 },
      autoungrabify: true,
      boxSelectionEnabled: false,
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
    });
    instance.on('tap', 'node', (event) => {
      const node = event.target;
      if (!node.hasClass('ring') && !node.hasClass('organisation')) select.current(node.id());
    });
    instance.on('tap', (event) => {
      if (event.target === instance) select.current(null);
    });
    cy.current = instance;
    const resize = new ResizeObserver(() => {
      instance.resize();
      instance.fit(undefined, 24);
    });
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      instance.destroy();
      cy.current = null;
    };
  }, [network]);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    instance.batch(() => {
      instance.elements().removeClass('dimmed').unselect();
      if (!selected) return;
      const node = instance.getElementById(selected);
      if (node.empty()) return;
      node.select();
      const neighbourhood = node.closedNeighborhood();
      instance.elements().not(neighbourhood).not('.ring').addClass('dimmed');
    });
  }, [selected, network]);

  return (
    <div
      ref={container}
      className="db-ecomap__canvas"
      role="img"
      aria-label={t('ecomap.canvasLabel', { date: network.date, count: network.nodes.length })}
      aria-describedby={describedBy}
      data-testid="ecomap-canvas"
    />
  );
}

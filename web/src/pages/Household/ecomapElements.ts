// Turns the API's ecomap of a household (GET /households/{id}/network) into
// what the map draws: positions on concentric rings around the household,
// and the visual classes that encode Hartman's conventions. Pure, so it is
// unit-tested without a browser.
import type { Network, NetworkEdge, NetworkNode } from '../../api/households';

export interface Point {
  x: number;
  y: number;
}

export interface EcomapElement {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean>;
  position?: Point;
  classes: string;
}

/** Radius of each ring, 0 the household; ring 4 holds organisations. */
export const kRingRadius = [0, 150, 270, 390, 500] as const;
const kMemberRadius = 48;

/** The ring a node is drawn on: organisations outside the persons. */
export function ringOf(node: NetworkNode): number {
  return node.kind === 'organisation' ? 4 : Math.max(0, Math.min(3, node.ring));
}

/**
 * Places nodes on their rings, evenly spread, each ring rotated a little so
 * that nodes of neighbouring rings do not line up on one spoke. Members sit
 * on a small circle in the centre (a single member exactly in the centre).
 * Stable: the same network gives the same picture.
 */
export function layoutRings(nodes: readonly NetworkNode[]): Map<string, Point> {
  const byRing = new Map<number, NetworkNode[]>();
  for (const node of nodes) {
    const ring = ringOf(node);
    byRing.set(ring, [...(byRing.get(ring) ?? []), node]);
  }
  const positions = new Map<string, Point>();
  for (const [ring, members] of byRing) {
    const sorted = [...members].sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
    const radius = ring === 0 ? (sorted.length === 1 ? 0 : kMemberRadius) : (kRingRadius[ring] ?? 500);
    const offset = -Math.PI / 2 + ring * 0.35;
    sorted.forEach((node, index) => {
      const angle = offset + (2 * Math.PI * index) / sorted.length;
      positions.set(node.id, {
        x: Math.round(radius * Math.cos(angle) * 100) / 100,
        y: Math.round(radius * Math.sin(angle) * 100) / 100,
      });
    });
  }
  return positions;
}

/** The classes that style a node: kind, formal or informal, role. */
export function nodeClasses(node: NetworkNode): string {
  const classes = [node.kind, node.formal ? 'formal' : 'informal'];
  if (node.role) classes.push(`role-${node.role}`);
  if (node.supportActsLast90Days > 0) classes.push('active');
  return classes.join(' ');
}

/**
 * The classes that style an edge: its kind, Hartman's line for the tie's
 * quality, and arrows for who helps whom. An API tie runs from source to
 * target; "gives" means the source gives help to the target.
 */
export function edgeClasses(edge: NetworkEdge): string {
  const classes: string[] = [edge.kind];
  if (edge.kind === 'tie') {
    classes.push(`quality-${edge.quality ?? 'ordinary'}`);
    if (edge.direction === 'gives') classes.push('arrow-to-target');
    else if (edge.direction === 'receives') classes.push('arrow-to-source');
    else if (edge.direction === 'both') classes.push('arrow-both');
  }
  return classes.join(' ');
}

export function buildElements(network: Network): EcomapElement[] {
  const positions = layoutRings(network.nodes);
  const ids = new Set(network.nodes.map((node) => node.id));
  const nodes: EcomapElement[] = network.nodes.map((node) => ({
    group: 'nodes',
    data: { id: node.id, label: node.label, ring: ringOf(node), acts: node.supportActsLast90Days },
    position: positions.get(node.id),
    classes: nodeClasses(node),
  }));
  const edges: EcomapElement[] = network.edges
    .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    .map((edge) => ({
      group: 'edges',
      data: { id: edge.id, source: edge.source, target: edge.target },
      classes: edgeClasses(edge),
    }));
  return [...nodes, ...edges];
}

/** The ties of one person, with the person at the other end. */
export function tiesOf(network: Network, personId: string): { edge: NetworkEdge; other: NetworkNode }[] {
  const nodes = new Map(network.nodes.map((node) => [node.id, node]));
  const result: { edge: NetworkEdge; other: NetworkNode }[] = [];
  for (const edge of network.edges) {
    if (edge.kind === 'membership') continue;
    const otherId = edge.source === personId ? edge.target : edge.target === personId ? edge.source : undefined;
    const other = otherId ? nodes.get(otherId) : undefined;
    if (other) result.push({ edge, other });
  }
  return result;
}

/**
 * How help flows on a tie as seen from `personId`: "gives" when that
 * person gives help over it, "receives" when they receive it, "both".
 */
export function directionFrom(edge: NetworkEdge, personId: string): 'gives' | 'receives' | 'both' | undefined {
  if (!edge.direction) return undefined;
  if (edge.direction === 'both' || edge.source === personId) return edge.direction;
  return edge.direction === 'gives' ? 'receives' : 'gives';
}

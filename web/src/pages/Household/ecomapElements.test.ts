import { describe, expect, it } from 'vitest';
import type { Network, NetworkNode } from '../../api/households';
import { buildElements, directionFrom, edgeClasses, kRingRadius, layoutRings, nodeClasses, ringOf, tiesOf } from './ecomapElements';
import fixture from './fixtures/network.json';

// A real answer of GET /households/{id}/network on the demo data.
const network = fixture as Network;

function node(id: string, ring: number, extra: Partial<NetworkNode> = {}): NetworkNode {
  return { id, kind: ring === 0 ? 'member' : 'person', label: id, formal: false, ring, supportActsLast90Days: 0, ...extra };
}

const distance = (p: { x: number; y: number }) => Math.hypot(p.x, p.y);

describe('layoutRings', () => {
  it('puts a single member in the centre and everyone else on the circle of their ring', () => {
    const positions = layoutRings(network.nodes);
    for (const n of network.nodes) {
      const position = positions.get(n.id)!;
      if (n.kind === 'member') expect(distance(position)).toBe(0);
      else expect(distance(position)).toBeCloseTo(kRingRadius[ringOf(n)]!, 0);
    }
  });

  it('spreads several members on a small circle rather than stacking them', () => {
    const positions = layoutRings([node('a', 0), node('b', 0), node('c', 1)]);
    expect(positions.get('a')).not.toEqual(positions.get('b'));
    expect(distance(positions.get('a')!)).toBeLessThan(kRingRadius[1]);
  });

  it('gives every node its own place, the same every time', () => {
    const first = layoutRings(network.nodes);
    const keys = [...first.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(keys).size).toBe(network.nodes.length);
    expect(layoutRings([...network.nodes].reverse())).toEqual(first);
  });

  it('draws organisations outside the persons', () => {
    expect(ringOf(node('org', 3, { kind: 'organisation' }))).toBe(4);
    expect(ringOf(node('p', 3))).toBe(3);
  });
});

describe('classes', () => {
  it('encodes formality and role of a node', () => {
    expect(nodeClasses(node('x', 2, { formal: true, role: 'professional', supportActsLast90Days: 3 }))).toBe(
      'person formal role-professional active',
    );
  });

  it("encodes Hartman's line and the direction of help of a tie", () => {
    const tie = { id: 't', kind: 'tie' as const, source: 'a', target: 'b' };
    expect(edgeClasses({ ...tie, quality: 'stressful', direction: 'gives' })).toBe('tie quality-stressful arrow-to-target');
    expect(edgeClasses({ ...tie, quality: 'tenuous', direction: 'receives' })).toBe('tie quality-tenuous arrow-to-source');
    expect(edgeClasses({ ...tie, direction: 'both' })).toBe('tie quality-ordinary arrow-both');
    expect(edgeClasses({ ...tie, kind: 'team' })).toBe('team');
  });
});

describe('buildElements', () => {
  it('makes one element per node and edge, each node placed', () => {
    const elements = buildElements(network);
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(network.nodes.length);
    expect(elements.filter((e) => e.group === 'edges')).toHaveLength(network.edges.length);
    expect(elements.filter((e) => e.group === 'nodes').every((e) => e.position !== undefined)).toBe(true);
  });

  it('drops an edge whose end is not on the map', () => {
    const broken: Network = { ...network, edges: [{ id: 'x', kind: 'tie', source: 'nobody', target: network.nodes[0]!.id }] };
    expect(buildElements(broken).filter((e) => e.group === 'edges')).toHaveLength(0);
  });
});

describe('ties of a person', () => {
  const member = network.nodes.find((n) => n.kind === 'member')!;

  it('lists the member’s ties with the person at the other end, never the member', () => {
    const ties = tiesOf(network, member.id);
    expect(ties.length).toBeGreaterThan(0);
    expect(ties.every(({ other }) => other.id !== member.id)).toBe(true);
  });

  it('turns the direction round when seen from the target', () => {
    const tie = { id: 't', kind: 'tie' as const, source: 'helper', target: 'member', direction: 'gives' as const };
    expect(directionFrom(tie, 'helper')).toBe('gives');
    expect(directionFrom(tie, 'member')).toBe('receives');
    expect(directionFrom({ ...tie, direction: 'both' }, 'member')).toBe('both');
  });
});

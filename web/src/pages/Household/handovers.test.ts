import { describe, expect, it } from 'vitest';
import type { AgreementVersion } from '../../api/agreements';
import { handovers } from './handovers';

function version(changedAt: string, responsiblePersonId: string): AgreementVersion {
  return { changedAt, responsiblePersonId, goal: 'g', action: 'a', status: 'inProgress', agreedByHousehold: true } as AgreementVersion;
}

const formal = new Map([
  ['pro', true],
  ['neighbour', false],
  ['friend', false],
]);

describe('handovers', () => {
  it('finds a task moved from a professional to the network, in time order', () => {
    const found = handovers(
      [version('2025-03-01T10:00:00Z', 'neighbour'), version('2025-01-01T10:00:00Z', 'pro'), version('2025-02-01T10:00:00Z', 'pro')],
      (id) => formal.get(id),
    );
    expect(found).toEqual([{ on: '2025-03-01T10:00:00Z', fromPersonId: 'pro', toPersonId: 'neighbour', formalToInformal: true }]);
  });

  it('reports a move between informal helpers as a handover, but not as one to the network', () => {
    const found = handovers([version('2025-01-01T00:00:00Z', 'neighbour'), version('2025-02-01T00:00:00Z', 'friend')], (id) => formal.get(id));
    expect(found).toHaveLength(1);
    expect(found[0]!.formalToInformal).toBe(false);
  });

  it('does not count a person it knows nothing about as informal', () => {
    const found = handovers([version('2025-01-01T00:00:00Z', 'pro'), version('2025-02-01T00:00:00Z', 'stranger')], (id) => formal.get(id));
    expect(found[0]!.formalToInformal).toBe(false);
  });

  it('finds nothing in an agreement that kept its person', () => {
    expect(handovers([version('2025-01-01T00:00:00Z', 'pro'), version('2025-02-01T00:00:00Z', 'pro')], () => true)).toEqual([]);
    expect(handovers([], () => true)).toEqual([]);
  });
});

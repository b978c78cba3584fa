import { describe, expect, it } from 'vitest';
import { personInput, roleForRelation, tieInput, type NewNetworkPerson } from './networkPerson';

const neighbour: NewNetworkPerson = {
  displayName: '  Riet de Buur ',
  relationKind: 'neighbour',
  memberId: 'member-1',
  closeness: 1,
  direction: 'gives',
  quality: 'strong',
  supportTypes: ['practical'],
  since: '2026-11-27',
};

describe('adding someone to the network', () => {
  it('gives the person the role their relation implies, from the tie’s start', () => {
    expect(personInput(neighbour)).toEqual({ displayName: 'Riet de Buur', roles: [{ role: 'neighbour', from: '2026-11-27' }] });
    expect(roleForRelation('sibling')).toBe('family');
    expect(roleForRelation('partner')).toBe('partner');
  });

  it('gives a colleague no role rather than a wrong one', () => {
    expect(personInput({ ...neighbour, relationKind: 'colleague' })).toEqual({ displayName: 'Riet de Buur' });
  });

  it('ties the new person to the member, help flowing as chosen', () => {
    expect(tieInput(neighbour, 'person-9')).toEqual({
      personId: 'person-9',
      otherPersonId: 'member-1',
      relationKind: 'neighbour',
      closeness: 1,
      direction: 'gives',
      quality: 'strong',
      supportTypes: ['practical'],
      from: '2026-11-27',
    });
  });
});

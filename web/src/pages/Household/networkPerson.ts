// What adding someone to a household's network sends: a person with the
// role their relation implies, and a tie from them to a member.
import type { components } from '../../api/schema';

export type PersonInput = components['schemas']['PersonInput'];
export type TieInput = components['schemas']['TieInput'];
export type RelationKind = TieInput['relationKind'];
type PersonRole = NonNullable<PersonInput['roles']>[number]['role'];

/** The role a relation implies, if any: a colleague or "other" has none. */
export function roleForRelation(relation: RelationKind): PersonRole | undefined {
  switch (relation) {
    case 'partner':
      return 'partner';
    case 'parent':
    case 'child':
    case 'sibling':
    case 'otherFamily':
      return 'family';
    case 'friend':
    case 'neighbour':
    case 'peer':
    case 'volunteer':
    case 'mentor':
    case 'experientialExpert':
    case 'professional':
      return relation;
    case 'colleague':
    case 'other':
      return undefined;
  }
}

export interface NewNetworkPerson {
  displayName: string;
  relationKind: RelationKind;
  memberId: string;
  closeness: 1 | 2 | 3;
  direction: TieInput['direction'];
  quality: TieInput['quality'];
  supportTypes: NonNullable<TieInput['supportTypes']>;
  since: string;
}

export function personInput(person: NewNetworkPerson): PersonInput {
  const role = roleForRelation(person.relationKind);
  return { displayName: person.displayName.trim(), ...(role ? { roles: [{ role, from: person.since }] } : {}) };
}

export function tieInput(person: NewNetworkPerson, personId: string): TieInput {
  return {
    personId,
    otherPersonId: person.memberId,
    relationKind: person.relationKind,
    closeness: person.closeness,
    direction: person.direction,
    quality: person.quality,
    supportTypes: person.supportTypes,
    from: person.since,
  };
}

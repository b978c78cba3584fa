// Handovers in a support plan: an agreement whose responsible person
// changed from one version to the next, and in particular a task moved
// from a professional to someone from the household's network.
import type { AgreementVersion } from '../../api/agreements';

export interface Handover {
  on: string; // when the version that changed it was made
  fromPersonId: string;
  toPersonId: string;
  /** A professional handed the task to an informal helper. */
  formalToInformal: boolean;
}

/**
 * The handovers in an agreement's versions, oldest first. isFormal says
 * whether a person is a professional; an unknown person counts as not.
 */
export function handovers(versions: readonly AgreementVersion[], isFormal: (personId: string) => boolean | undefined): Handover[] {
  const ordered = [...versions].sort((a, b) => a.changedAt.localeCompare(b.changedAt));
  const result: Handover[] = [];
  for (let i = 1; i < ordered.length; i += 1) {
    const before = ordered[i - 1]!;
    const after = ordered[i]!;
    if (before.responsiblePersonId === after.responsiblePersonId) continue;
    result.push({
      on: after.changedAt,
      fromPersonId: before.responsiblePersonId,
      toPersonId: after.responsiblePersonId,
      formalToInformal: isFormal(before.responsiblePersonId) === true && isFormal(after.responsiblePersonId) === false,
    });
  }
  return result;
}

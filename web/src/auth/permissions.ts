// What each role may do, mirroring the server's access rules
// (src/access/policy.cpp, tests/api/access_matrix_test.cpp). The server
// decides; the app uses this only to hide controls the server would refuse.
import type { Role } from '../api/session';

const everyCaseRole: Role[] = ['admin', 'coordinator', 'professional', 'volunteer', 'client'];
const keepers: Role[] = ['coordinator', 'professional'];
const keepersAndClient: Role[] = ['coordinator', 'professional', 'client'];

export const permissions = {
  listHouseholds: everyCaseRole,
  viewNetwork: keepersAndClient,
  viewPlan: ['coordinator', 'professional', 'volunteer', 'client'],
  addToNetwork: keepersAndClient,
  viewPlanHistory: keepersAndClient,
  viewAssessments: keepersAndClient,
  viewChange: keepersAndClient,
  viewConsents: keepersAndClient,
  viewAccessLog: keepersAndClient,
  viewSupportLog: everyCaseRole,
  logSupport: ['coordinator', 'professional', 'volunteer'],
  editHousehold: keepers,
  // Registering one; the server also wants a professional on its team.
  createHousehold: ['coordinator', 'professional'],
  practiceDashboard: ['coordinator'],
  listHelpRequests: keepers,
  askForHelp: keepersAndClient,
  runMatching: ['coordinator'],
  myHelp: ['volunteer'],
  research: ['researcher'],
  // Stakeholders in member checks hold any role; the server decides which findings.
  memberCheck: ['admin', 'coordinator', 'professional', 'volunteer', 'researcher', 'client'],
  admin: ['admin'],
} satisfies Record<string, Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (permissions[permission] as Role[]).includes(role);
}

/** Where each role lands after signing in. */
export function homePath(role: Role): string {
  switch (role) {
    case 'admin':
      return '/beheer';
    case 'coordinator':
      return '/dashboard';
    case 'professional':
      return '/huishoudens';
    case 'volunteer':
      return '/steun-vastleggen';
    case 'researcher':
      return '/onderzoek';
    case 'client':
      return '/mijn-dossier';
  }
}

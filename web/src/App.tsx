import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useParams, type Params } from 'react-router';
import type { Role, Session } from './api/session';
import { can, homePath, type Permission } from './auth/permissions';
import { useSession } from './auth/SessionContext';
import { AppShell } from './components/AppShell';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Loading } from './components/PageState';
import { prefetchDashboard } from './pages/Dashboard/queries';
import { prefetchHousehold } from './pages/Household/queries';
import { Households } from './pages/Households';
import { NotFound } from './pages/NotFound';
import { SignIn } from './pages/SignIn';

type Prefetch = (client: QueryClient, context: { session: Session; role: Role | undefined; params: Readonly<Params> }) => void;

// The ecomap (Cytoscape) and the charts (ECharts) are large; they load only
// with the pages that draw them.
const Household = lazy(() => import('./pages/Household').then((m) => ({ default: m.Household })));
const MyFile = lazy(() => import('./pages/MyFile').then((m) => ({ default: m.MyFile })));
const QuickLog = lazy(() => import('./pages/QuickLog').then((m) => ({ default: m.QuickLog })));
const Dashboard = lazy(() => import('./pages/Dashboard').then((m) => ({ default: m.Dashboard })));
const Research = lazy(() => import('./pages/Research').then((m) => ({ default: m.Research })));
const ResearchProjects = lazy(() => import('./pages/Research').then((m) => ({ default: m.ResearchProjects })));
const SecondFactorSetup = lazy(() => import('./pages/SecondFactorSetup').then((m) => ({ default: m.SecondFactorSetup })));
const HelpRequests = lazy(() => import('./pages/HelpRequests').then((m) => ({ default: m.HelpRequests })));
const NewHelpRequest = lazy(() => import('./pages/HelpRequests').then((m) => ({ default: m.NewHelpRequest })));
const HelpRequestDetail = lazy(() => import('./pages/HelpRequests').then((m) => ({ default: m.HelpRequestDetail })));
const Matching = lazy(() => import('./pages/Matching').then((m) => ({ default: m.Matching })));
const MyHelp = lazy(() => import('./pages/MyHelp').then((m) => ({ default: m.MyHelp })));
const NewHousehold = lazy(() => import('./pages/Households/NewHousehold').then((m) => ({ default: m.NewHousehold })));
const MemberCheck = lazy(() => import('./pages/MemberCheck').then((m) => ({ default: m.MemberCheck })));
const Findings = lazy(() => import('./pages/FrameworkMatrix').then((m) => ({ default: m.Findings })));
const FrameworkMatrix = lazy(() => import('./pages/FrameworkMatrix').then((m) => ({ default: m.FrameworkMatrix })));
const Admin = lazy(() => import('./pages/Admin').then((m) => ({ default: m.Admin })));

/**
 * A page for signed-in roles with the permission; others are sent on.
 * prefetch starts the page's first requests at once, while its code is still
 * loading (React shows the fallback for at least 300 ms, and the page's own
 * queries would only start after that).
 */
function Guarded({ permission, title, prefetch, children }: { permission: Permission; title: string; prefetch?: Prefetch; children: ReactNode }) {
  const { session, role, loading } = useSession();
  const location = useLocation();
  const params = useParams();
  const queryClient = useQueryClient();
  const allowed = Boolean(session) && !session?.secondFactorSetupRequired && can(role, permission);
  useEffect(() => {
    document.title = `${title} · Dichtbij`;
  }, [title]);
  useEffect(() => {
    if (allowed && session && prefetch) prefetch(queryClient, { session, role, params });
    // Once per page and its parameters, not on every render.
  }, [allowed, location.pathname]);
  if (loading) return <Loading />;
  if (!session) return <Navigate to="/inloggen" replace state={{ from: location.pathname + location.search }} />;
  if (session.secondFactorSetupRequired) return <Navigate to="/tweede-factor" replace />;
  if (!can(role, permission)) return <Navigate to={homePath(session.account.role as never)} replace />;
  return (
    <ErrorBoundary key={location.pathname}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function Home() {
  const { session, loading } = useSession();
  if (loading) return <Loading />;
  return <Navigate to={session ? homePath(session.account.role as never) : '/inloggen'} replace />;
}

function SignInRoute() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('signIn.heading')} · Dichtbij`;
  }, [t]);
  return <SignIn />;
}

function SecondFactorRoute() {
  const { session, loading } = useSession();
  if (loading) return <Loading />;
  if (!session) return <Navigate to="/inloggen" replace />;
  return (
    <Suspense fallback={<Loading />}>
      <SecondFactorSetup />
    </Suspense>
  );
}

/** Moves focus to the main content after navigation, as a page load would. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('inhoud')?.focus({ preventScroll: false });
  }, [location.pathname]);
}

export function App() {
  const { t } = useTranslation();
  useFocusOnNavigate();
  return (
    <AppShell>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/inloggen" element={<SignInRoute />} />
        <Route path="/tweede-factor" element={<SecondFactorRoute />} />
        <Route path="/huishoudens" element={<Guarded permission="listHouseholds" title={t('nav.households')}><Households /></Guarded>} />
        <Route path="/huishoudens/nieuw" element={<Guarded permission="createHousehold" title={t('newHousehold.heading')}><NewHousehold /></Guarded>} />
        <Route path="/huishoudens/:householdId" element={<Guarded permission="listHouseholds" title={t('household.title')} prefetch={(client, { role, params }) => prefetchHousehold(client, params.householdId ?? '', role)}><Household /></Guarded>} />
        <Route path="/mijn-dossier" element={<Guarded permission="listHouseholds" title={t('nav.myFile')}><MyFile /></Guarded>} />
        <Route path="/steun-vastleggen" element={<Guarded permission="logSupport" title={t('nav.quickLog')}><QuickLog /></Guarded>} />
        <Route path="/dashboard" element={<Guarded permission="practiceDashboard" title={t('nav.dashboard')} prefetch={(client, { session }) => prefetchDashboard(client, session.account.practiceId ?? '')}><Dashboard /></Guarded>} />
        <Route path="/onderzoek" element={<Guarded permission="research" title={t('nav.research')}><Research /></Guarded>} />
        <Route path="/onderzoek/projecten/*" element={<Guarded permission="research" title={t('research.projects.heading')}><ResearchProjects /></Guarded>} />
        <Route path="/onderzoek/projecten/:projectId/terugkoppeling" element={<Guarded permission="research" title={t('memberCheck.heading')}><Findings /></Guarded>} />
        <Route path="/onderzoek/projecten/:projectId/framework" element={<Guarded permission="research" title={t('framework.title')}><FrameworkMatrix /></Guarded>} />
        <Route path="/terugkoppeling" element={<Guarded permission="memberCheck" title={t('memberCheck.heading')}><MemberCheck /></Guarded>} />
        <Route path="/hulpvragen" element={<Guarded permission="listHelpRequests" title={t('nav.helpRequests')}><HelpRequests /></Guarded>} />
        <Route path="/hulpvragen/nieuw" element={<Guarded permission="askForHelp" title={t('nav.askForHelp')}><NewHelpRequest /></Guarded>} />
        <Route path="/hulpvragen/:helpRequestId" element={<Guarded permission="askForHelp" title={t('helpRequests.title')}><HelpRequestDetail /></Guarded>} />
        <Route path="/matching" element={<Guarded permission="runMatching" title={t('nav.matching')}><Matching /></Guarded>} />
        <Route path="/mijn-hulp" element={<Guarded permission="myHelp" title={t('nav.myHelp')}><MyHelp /></Guarded>} />
        <Route path="/beheer" element={<Guarded permission="admin" title={t('nav.admin')}><Admin /></Guarded>} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppShell>
  );
}

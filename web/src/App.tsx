// SPDX-License-Identifier: EUPL-1.2
// The shell: session, municipality and language around the screen the address asks for.
import { lazy, Suspense, useEffect } from 'react';
import { ApiError } from './api/problem.ts';
import { getTenant } from './api/session.ts';
import type { Session, Tenant } from './api/types.ts';
import { Layout } from './components/Layout.tsx';
import { ErrorState } from './components/ErrorState.tsx';
import { Loading } from './components/Loading.tsx';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { CaseListPage } from './pages/CaseListPage.tsx';
import { CaseScreeningPage } from './pages/CaseScreeningPage.tsx';
import { CaseViewPage } from './pages/CaseViewPage.tsx';
import { CreateCasePage } from './pages/CreateCasePage.tsx';
import { EntryViewPage } from './pages/EntryViewPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RegisterEntryPage } from './pages/RegisterEntryPage.tsx';
import { isWorker, StartPage } from './pages/StartPage.tsx';
import { WorkListPage } from './pages/WorkListPage.tsx';
import { AccessRequestsPage } from './pages/AccessRequestsPage.tsx';
import { DepositPage } from './pages/DepositPage.tsx';
import { DepositJobPage } from './pages/DepositJobPage.tsx';
import { TenantPickerPage } from './pages/TenantPickerPage.tsx';
import { MyCasePage } from './pages/my/MyCasePage.tsx';
import { MyMessagePage } from './pages/my/MyMessagePage.tsx';
import { MyMessagesPage, MyPage } from './pages/my/MyPage.tsx';
import { MyPropertyPage } from './pages/my/MyPropertyPage.tsx';
import { AdminTokensPage } from './pages/admin/AdminTokensPage.tsx';
import { AdminUnitsPage } from './pages/admin/AdminUnitsPage.tsx';
import { AdminUsersPage } from './pages/admin/AdminUsersPage.tsx';
import { ReceiptPage } from './pages/ReceiptPage.tsx';
import { ServicesPage } from './pages/ServicesPage.tsx';
import { SigningPage } from './pages/SigningPage.tsx';
import { navigate, useRoute } from './router/navigation.ts';
import { href, isCouncilRoute, isMyPageRoute, isProposalRoute, tenantOf, type Route } from './router/routes.ts';
import { isSecretariat } from './council/access.ts';
import { SessionProvider, useSession } from './session/SessionProvider.tsx';
import { useLoad, type Load } from './session/useLoad.ts';
import { browserDeps, isNetworkError, tenantOrSaved } from './workspace/offline.ts';

// The form library and its validator are loaded only when a form is opened, not with the staff screens.
const EFormPage = lazy(() => import('./pages/EFormPage.tsx').then((m) => ({ default: m.EFormPage })));
// The council pages are the secretariat's alone: loaded when one is opened.
const CouncilPage = lazy(() => import('./council/CouncilPage.tsx').then((m) => ({ default: m.CouncilPage })));
const BodyPage = lazy(() => import('./council/BodyPage.tsx').then((m) => ({ default: m.BodyPage })));
const MeetingPage = lazy(() => import('./council/MeetingPage.tsx').then((m) => ({ default: m.MeetingPage })));
// The politician's workspace (issue 11 §3): loaded when opened.
const WorkspacePage = lazy(() => import('./workspace/WorkspacePage.tsx').then((m) => ({ default: m.WorkspacePage })));
const WorkspaceMeetingPage = lazy(() => import('./workspace/WorkspaceMeetingPage.tsx').then((m) => ({ default: m.WorkspaceMeetingPage })));
const OfflineMeetingPage = lazy(() => import('./workspace/OfflineMeetingPage.tsx').then((m) => ({ default: m.OfflineMeetingPage })));
// Questions to politicians: the citizen's and the politician's pages, loaded when opened.
const AskQuestionPage = lazy(() => import('./questions/AskQuestionPage.tsx').then((m) => ({ default: m.AskQuestionPage })));
const AnswerQuestionsPage = lazy(() => import('./questions/AnswerQuestionsPage.tsx').then((m) => ({ default: m.AnswerQuestionsPage })));
// Citizen proposals (issue 11): the citizen's pages and the secretariat's, loaded when opened.
const ProposalsPage = lazy(() => import('./proposals/ProposalsPage.tsx').then((m) => ({ default: m.ProposalsPage })));
const NewProposalPage = lazy(() => import('./proposals/ProposalsPage.tsx').then((m) => ({ default: m.NewProposalPage })));
const ProposalPage = lazy(() => import('./proposals/ProposalPage.tsx').then((m) => ({ default: m.ProposalPage })));
const StaffProposalsPage = lazy(() => import('./proposals/StaffProposalsPage.tsx').then((m) => ({ default: m.StaffProposalsPage })));

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const route = useRoute();
  const slug = tenantOf(route);
  // Without a network, the municipality saved with a workspace meeting (the offline reload, issue 11 §3).
  const [tenant] = useLoad<Tenant | undefined>(() => (slug ? tenantOrSaved(browserDeps(), slug, () => getTenant(slug)) : Promise.resolve(undefined)), [slug]);
  const { state } = useSession();
  const tenantData = tenant.status === 'ready' ? tenant.data : undefined;
  return (
    <I18nProvider tenantLanguage={tenantData?.language}>
      <Title tenant={tenantData} />
      <Layout session={state.status === 'ready' ? state.session : undefined} tenant={tenantData}>
        <Screen route={route} tenant={tenant} />
      </Layout>
    </I18nProvider>
  );
}

function Title({ tenant }: { tenant: Tenant | undefined }) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = tenant ? `${t('app.name')} – ${tenant.name}` : `${t('app.name')} – ${t('app.tagline')}`;
  }, [t, tenant]);
  return null;
}

/** Someone with no role in the municipality gets a clear "no access", not a screen of errors. */
const worksIn = (session: Session, slug: string) => session.tenants.some((tenant) => tenant.slug === slug && tenant.roles.length > 0);

function Screen({ route, tenant }: { route: Route; tenant: Load<Tenant | undefined> }) {
  const { state, reload } = useSession();
  const session = state.status === 'ready' ? state.session : undefined;
  const only = session?.tenants.filter((x) => x.roles.length > 0);
  const single = route.name === 'home' && only?.length === 1 ? only[0]!.slug : undefined;
  // A tenant administrator without an archive role starts on the administration pages.
  const adminOnly = Boolean(single && only![0]!.roles.includes('tenant-admin') && !only![0]!.roles.some((r) => r === 'case-officer' || r === 'archivist'));
  useEffect(() => {
    if (session?.user && single) navigate(href({ name: adminOnly ? 'adminUsers' : 'start', tenant: single }), { replace: true });
  }, [session?.user, single, adminOnly]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    // A workspace meeting reloaded without a network: its saved copy, if this browser has one.
    if (route.name === 'workspaceMeeting' && isNetworkError(state.error)) {
      if (tenant.status === 'loading') return <Loading />;
      if (tenant.status === 'ready' && tenant.data)
        return (
          <Suspense fallback={<Loading />}>
            <OfflineMeetingPage key={route.id} tenant={tenant.data} id={route.id} error={state.error} />
          </Suspense>
        );
    }
    return <ErrorState error={state.error} onRetry={() => void reload()} />;
  }
  if (!state.session.user) {
    // A form of login level `none` and its receipt are open without a login (EFormPage asks for one
    // when the form needs it); everything else begins with the login.
    if ((route.name === 'eform' || route.name === 'receipt') && tenant.status === 'ready' && tenant.data) {
      return route.name === 'eform'
        ? <Suspense fallback={<Loading />}><EFormPage key={route.id} tenant={tenant.data} id={route.id} roles={[]} anonymous /></Suspense>
        : <ReceiptPage tenant={tenant.data} id={route.id} />;
    }
    if ((route.name === 'eform' || route.name === 'receipt') && tenant.status === 'loading') return <Loading />;
    return <LoginPage returnTo={location.pathname + location.search} only={tenantOf(route)} />;
  }
  if (route.name === 'home') return single ? <Loading /> : <TenantPickerPage session={state.session} />;
  if (route.name === 'notFound') return <NotFoundPage path={route.path} />;
  if (tenant.status === 'loading') return <Loading />;
  if (tenant.status === 'error') return <ErrorState error={tenant.error} />;
  const t = tenant.data!;
  if (!worksIn(state.session, t.slug)) return <ErrorState error={new ApiError(403, 'forbidden', t.name)} tenant={t} />;
  const roles = state.session.tenants.find((x) => x.slug === t.slug)?.roles ?? [];
  const name = state.session.user.name;
  if (route.name === 'start') return <StartPage tenant={t} roles={roles} name={name} />;
  // The administration pages are for tenant administrators, whether or not they also work in the archive.
  if (roles.includes('tenant-admin')) {
    if (route.name === 'adminUsers') return <AdminUsersPage tenant={t} />;
    if (route.name === 'adminUnits') return <AdminUnitsPage tenant={t} />;
    if (route.name === 'adminTokens') return <AdminTokensPage tenant={t} />;
  }
  // The council pages are the secretariat's (and the tenant administrator's), archive role or not.
  if (isCouncilRoute(route)) {
    if (!isSecretariat(roles)) return <StartPage tenant={t} roles={roles} name={name} notice />;
    return (
      <Suspense fallback={<Loading />}>
        {route.name === 'council' && <CouncilPage tenant={t} />}
        {route.name === 'councilBody' && <BodyPage key={route.id} tenant={t} id={route.id} />}
        {route.name === 'councilMeeting' && <MeetingPage key={route.id} tenant={t} id={route.id} />}
      </Suspense>
    );
  }
  // The workspace is the elected members' (the API answers for the role politician).
  if (route.name === 'workspace' || route.name === 'workspaceMeeting') {
    if (!roles.includes('politician')) return <StartPage tenant={t} roles={roles} name={name} notice />;
    return (
      <Suspense fallback={<Loading />}>
        {route.name === 'workspace' && <WorkspacePage tenant={t} />}
        {route.name === 'workspaceMeeting' && <WorkspaceMeetingPage key={route.id} tenant={t} id={route.id} />}
      </Suspense>
    );
  }
  // My page is every resident's, whatever else they do in the municipality (the API answers for the role citizen).
  if (isMyPageRoute(route)) {
    if (!roles.includes('citizen')) return <StartPage tenant={t} roles={roles} name={name} notice />;
    switch (route.name) {
      case 'myPage':
        return <MyPage tenant={t} />;
      case 'myCase':
        return <MyCasePage key={route.id} tenant={t} id={route.id} />;
      case 'myMessages':
        return <MyMessagesPage tenant={t} />;
      case 'myMessage':
        return <MyMessagePage key={route.id} tenant={t} id={route.id} />;
      case 'myProperty':
        return <MyPropertyPage key={route.id} tenant={t} id={route.id} />;
    }
  }
  // Citizens ask (the API answers for the role citizen); politicians answer.
  if (route.name === 'questionsNew' || route.name === 'questionsMine' || route.name === 'questionsAnswer') {
    const allowed = route.name === 'questionsAnswer' ? roles.includes('politician') : roles.includes('citizen');
    if (!allowed) return <StartPage tenant={t} roles={roles} name={name} notice />;
    return (
      <Suspense fallback={<Loading />}>
        {route.name === 'questionsAnswer' ? <AnswerQuestionsPage tenant={t} /> : <AskQuestionPage key={route.name} tenant={t} name={name} ask={route.name === 'questionsNew'} />}
      </Suspense>
    );
  }
  // Citizen proposals: the citizen writes and signs; the secretariat (and the tenant administrator)
  // sets the rule and registers paper lists, and also reads a proposal's page.
  if (isProposalRoute(route)) {
    const staff = isSecretariat(roles);
    if (route.name === 'proposalsStaff' ? !staff : route.name === 'proposal' ? !staff && !roles.includes('citizen') : !roles.includes('citizen'))
      return <StartPage tenant={t} roles={roles} name={name} notice />;
    return (
      <Suspense fallback={<Loading />}>
        {route.name === 'proposals' && <ProposalsPage tenant={t} />}
        {route.name === 'proposalNew' && <NewProposalPage tenant={t} />}
        {route.name === 'proposal' && <ProposalPage key={route.id} tenant={t} id={route.id} />}
        {route.name === 'proposalsStaff' && <StaffProposalsPage tenant={t} />}
      </Suspense>
    );
  }
  // E-services are for everyone who belongs to the municipality, citizens first.
  if (route.name === 'services') return <ServicesPage tenant={t} />;
  if (route.name === 'eform') {
    return (
      <Suspense fallback={<Loading />}>
        <EFormPage key={route.id} tenant={t} id={route.id} roles={roles} />
      </Suspense>
    );
  }
  if (route.name === 'receipt') return <ReceiptPage tenant={t} id={route.id} />;
  if (route.name === 'signing') return <SigningPage tenant={t} id={route.id} token={route.token} />;
  // The archive is for case officers and archivists: anyone else gets their own start page, with
  // a word on why, rather than a screen of refused requests.
  if (!isWorker(roles)) return <StartPage tenant={t} roles={roles} name={name} notice />;
  // The deposit hands the archive over to the depot: the archivist's work, not a case officer's.
  if ((route.name === 'deposit' || route.name === 'depositJob') && !roles.includes('archivist')) return <StartPage tenant={t} roles={roles} name={name} notice />;
  switch (route.name) {
    case 'workList':
      return <WorkListPage tenant={t} route={route} />;
    case 'caseList':
      return <CaseListPage key={location.search} tenant={t} />;
    case 'caseNew':
      return <CreateCasePage tenant={t} />;
    case 'caseView':
      return <CaseViewPage key={route.id} tenant={t} id={route.id} />;
    case 'caseScreening':
      return <CaseScreeningPage tenant={t} id={route.id} />;
    case 'entryNew':
      return <RegisterEntryPage tenant={t} caseId={route.caseId} followsUp={route.followsUp} />;
    case 'entryView':
      return <EntryViewPage key={route.id} tenant={t} id={route.id} />;
    case 'adminUsers':
      return <AdminUsersPage tenant={t} />;
    case 'adminUnits':
      return <AdminUnitsPage tenant={t} />;
    case 'adminTokens':
      return <AdminTokensPage tenant={t} />;
    case 'accessRequests':
      return <AccessRequestsPage tenant={t} />;
    case 'deposit':
      return <DepositPage tenant={t} />;
    case 'depositJob':
      return <DepositJobPage key={route.id} tenant={t} id={route.id} />;
  }
}

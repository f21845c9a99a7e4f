import { location } from './router/router';
import { match, type Route } from './router/routes';
import { Header } from './components/Header';
import { LoginPage } from './pages/LoginPage';
import { WorkflowListPage } from './pages/workflows/WorkflowListPage';
import { WorkflowPage } from './pages/workflow/WorkflowPage';
import { ResourceListPage } from './pages/resources/ResourceListPage';
import { ResourcePage } from './pages/resources/ResourcePage';
import { CronPage } from './pages/resources/CronPage';
import { SubmitPage } from './pages/submit/SubmitPage';
import { EventListPage } from './pages/events/EventListPage';
import { EventPage } from './pages/events/EventPage';
import { HistoryPage } from './pages/history/HistoryPage';

function page(route: Route) {
  switch (route.page) {
    case 'login':
      return <LoginPage />;
    case 'workflows':
      return <WorkflowListPage />;
    case 'workflow':
      return <WorkflowPage key={route.namespace + '/' + route.name} namespace={route.namespace} name={route.name} />;
    case 'templates':
      return <ResourceListPage kind="workflow-templates" />;
    case 'template':
      return <ResourcePage key={route.name} kind="workflow-templates" namespace={route.namespace} name={route.name} />;
    case 'clusterTemplates':
      return <ResourceListPage kind="cluster-workflow-templates" />;
    case 'clusterTemplate':
      return <ResourcePage key={route.name} kind="cluster-workflow-templates" name={route.name} />;
    case 'crons':
      return <ResourceListPage kind="cron-workflows" />;
    case 'cron':
      return <CronPage key={route.name} namespace={route.namespace} name={route.name} />;
    case 'events':
      return <EventListPage />;
    case 'event':
      return <EventPage key={route.namespace + '/' + route.name} namespace={route.namespace} name={route.name} />;
    case 'submit':
      return <SubmitPage />;
    case 'history':
      return <HistoryPage key={route.kind + route.name} kind={route.kind} namespace={route.namespace} name={route.name} />;
    default:
      return (
        <div class="page">
          <h1>Not found</h1>
          <p>No page at {route.path}.</p>
        </div>
      );
  }
}

export function App() {
  const route = match(location.value.path);
  return (
    <>
      {route.page !== 'login' && <Header />}
      <main>{page(route)}</main>
    </>
  );
}

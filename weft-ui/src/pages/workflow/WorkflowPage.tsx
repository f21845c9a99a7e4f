import { useState } from 'preact/hooks';
import { WorkflowGraph } from '../../graph/WorkflowGraph';
import { ErrorBox, Loading } from '../../components/Status';
import { useNow } from '../../components/useNow';
import { YamlView } from '../../components/YamlView';
import { LogViewer } from '../../logs/LogViewer';
import { Link } from '../../router/Link';
import { location, withQuery } from '../../router/router';
import { paths } from '../../router/routes';
import { ActionBar } from './ActionBar';
import { EventsTab } from './EventsTab';
import { NodePanel } from './NodePanel';
import { Summary } from './Summary';
import { Timeline } from './Timeline';
import { useWorkflow } from './useWorkflow';

const TABS = ['graph', 'timeline', 'logs', 'yaml', 'events'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = { graph: 'Graph', timeline: 'Timeline', logs: 'Logs', yaml: 'YAML', events: 'Events' };

export function WorkflowPage({ namespace, name }: { namespace: string; name: string }) {
  const [state, replace] = useWorkflow(namespace, name);
  const [actionError, setActionError] = useState<unknown>();
  const now = useNow(1000);
  const q = location.value.query;
  const tab: Tab = (TABS as readonly string[]).includes(q.get('tab') ?? '') ? (q.get('tab') as Tab) : 'graph';
  const nodeId = q.get('node') ?? undefined;
  const selectNode = (id?: string) => withQuery({ node: id }, false);
  const wf = state.workflow;

  if (state.error) {
    return (
      <div class="page">
        <h1>{name}</h1>
        <ErrorBox error={state.error} />
        <Link href={paths.workflows()}>← Workflows</Link>
      </div>
    );
  }
  if (!wf) return <div class="page"><Loading what={name} /></div>;
  const node = nodeId ? wf.status?.nodes?.[nodeId] : undefined;

  return (
    <div class="page workflow-page">
      <div class="page-head">
        <h1>
          <Link href={paths.workflows()} class="muted">Workflows</Link> / <span data-testid="workflow-name">{name}</span>
        </h1>
        <ActionBar wf={wf} onUpdated={(w) => (setActionError(undefined), replace(w))} onError={setActionError} />
      </div>
      {state.deleted && <div class="error" data-testid="deleted">This workflow was deleted.</div>}
      <ErrorBox error={actionError} />
      <Summary wf={wf} now={now} />
      <div class="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} role="tab" class={t === tab ? 'tab active' : 'tab'} aria-selected={t === tab} data-testid={'tab-' + t} onClick={() => withQuery({ tab: t === 'graph' ? undefined : t }, false)}>
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div class={'workflow-body' + (node ? ' with-panel' : '')}>
        <div class="tab-content card">
          {tab === 'graph' && <WorkflowGraph workflow={wf} selectedNodeId={nodeId} onSelectNode={(id) => selectNode(id)} />}
          {tab === 'timeline' && <Timeline wf={wf} now={now} onSelect={(id) => selectNode(id)} />}
          {tab === 'logs' && <LogViewer namespace={namespace} workflow={name} />}
          {tab === 'yaml' && <YamlView value={wf} />}
          {tab === 'events' && <EventsTab ns={namespace} name={name} />}
        </div>
        {node && <NodePanel wf={wf} node={node} now={now} onClose={() => selectNode(undefined)} onSelect={(id) => selectNode(id)} />}
        {nodeId && !node && (
          <aside class="node-panel card" data-testid="node-panel-missing">
            <p class="muted">Node {nodeId} has not started yet (or is not part of this workflow).</p>
            <button onClick={() => selectNode(undefined)}>Close</button>
          </aside>
        )}
      </div>
    </div>
  );
}

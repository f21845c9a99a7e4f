import type { NodeStatus, Workflow } from '../../api/types';
import { PhaseBadge } from '../../components/PhaseBadge';
import { Time } from '../../components/Time';
import { LogViewer } from '../../logs/LogViewer';
import { elapsed, formatDuration } from '../../util/time';
import { IoTables } from './IoTables';
import { attempts, containerOf, templateOf } from './nodeInfo';
import { NodeRetry } from './NodeRetry';

interface Props {
  wf: Workflow;
  node: NodeStatus;
  now: number;
  onClose: () => void;
  onSelect: (id: string) => void;
}

function ContainerSection({ wf, node }: { wf: Workflow; node: NodeStatus }) {
  const c = containerOf(templateOf(wf, node));
  if (!c) return null;
  return (
    <section class="panel-section" data-testid="node-container">
      <h4>Container</h4>
      <table class="kv">
        <tbody>
          <tr><th>image</th><td data-testid="node-image">{c.image}</td></tr>
          {c.command && <tr><th>command</th><td class="mono" data-testid="node-command">{JSON.stringify(c.command)}</td></tr>}
          {c.args && <tr><th>args</th><td class="mono" data-testid="node-args">{JSON.stringify(c.args)}</td></tr>}
          {c.source && <tr><th>source</th><td><pre class="mono">{c.source}</pre></td></tr>}
          {(c.env ?? []).map((e) => (
            <tr key={e.name}><th>env {e.name}</th><td class="mono">{e.value ?? (e.valueFrom ? '(from a reference)' : '')}</td></tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The clicked node: phase, times, ids, retries, inputs/outputs, container and its logs. */
export function NodePanel({ wf, node, now, onClose, onSelect }: Props) {
  const ns = wf.metadata.namespace ?? 'default';
  const name = wf.metadata.name ?? '';
  const tries = attempts(wf, node);
  return (
    <aside class="node-panel card" data-testid="node-panel" data-node-id={node.id}>
      <div class="panel-head">
        <h3 title={node.name}>{node.displayName ?? node.name}</h3>
        <button class="ghost" data-testid="node-panel-close" onClick={onClose} title="Close">✕</button>
      </div>
      <table class="kv">
        <tbody>
          <tr><th>phase</th><td><span data-testid="node-phase" data-value={node.phase ?? 'Pending'}>{node.phase ?? 'Pending'}</span> <PhaseBadge phase={node.phase} /></td></tr>
          <tr><th>message</th><td data-testid="node-message">{node.message ?? ''}</td></tr>
          <tr><th>started</th><td><Time value={node.startedAt} testid="node-started" /></td></tr>
          <tr><th>finished</th><td><Time value={node.finishedAt} testid="node-finished" /></td></tr>
          <tr><th>duration</th><td data-testid="node-duration">{formatDuration(elapsed(node.startedAt, node.finishedAt, now))}</td></tr>
          <tr><th>type</th><td data-testid="node-type">{node.type ?? ''}</td></tr>
          <tr><th>template</th><td data-testid="node-template">{node.templateRef ? `${node.templateRef.name}/${node.templateRef.template}` : node.templateName ?? ''}</td></tr>
          <tr><th>id</th><td class="mono" data-testid="node-id">{node.id}</td></tr>
          <tr><th>name</th><td class="mono">{node.name}</td></tr>
          <tr><th>pod</th><td class="mono" data-testid="node-pod">{node.podName ?? ''}</td></tr>
          {node.type === 'Retry' && (
            <tr>
              <th>retries</th>
              <td data-testid="node-retries" data-value={tries.length}>
                {tries.map((t, i) => (
                  <button key={t.id} class="link" data-testid="node-attempt" onClick={() => onSelect(t.id)}>
                    #{i} {t.phase}
                  </button>
                ))}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <NodeRetry wf={wf} node={node} />
      <IoTables io={node.inputs} kind="inputs" ns={ns} workflow={name} nodeId={node.id} />
      <IoTables io={node.outputs} kind="outputs" ns={ns} workflow={name} nodeId={node.id} />
      <ContainerSection wf={wf} node={node} />
      {node.podName && (
        <section class="panel-section" data-testid="node-logs">
          <h4>Logs</h4>
          <LogViewer key={node.podName} namespace={ns} workflow={name} podName={node.podName} compact />
        </section>
      )}
    </aside>
  );
}

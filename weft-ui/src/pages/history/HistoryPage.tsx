import { workflows } from '../../api/workflows';
import { ErrorBox, Loading } from '../../components/Status';
import { Link } from '../../router/Link';
import { PhaseBadge } from '../../components/PhaseBadge';
import { Time } from '../../components/Time';
import { formatDuration } from '../../util/time';
import { navigate } from '../../router/router';
import { paths, type HistoryKind } from '../../router/routes';
import { phaseColor } from '../../util/phases';
import { useLoad } from '../resources/useResource';
import { DurationChart } from './DurationChart';
import { historyGrid } from './historyGrid';

const LABELS: Record<HistoryKind, string> = {
  'workflow-template': 'workflows.argoproj.io/workflow-template',
  'cluster-workflow-template': 'workflows.argoproj.io/cluster-workflow-template',
  'cron-workflow': 'workflows.argoproj.io/cron-workflow',
};
const CELL = 26;
const NAMES = 220;

function runsUrl(kind: HistoryKind, ns: string, name: string): string {
  const q = new URLSearchParams({
    'listOptions.labelSelector': `${LABELS[kind]}=${name}`,
    fields: 'metadata,items.metadata,items.status.phase,items.status.startedAt,items.status.finishedAt,items.status.nodes',
  });
  return `/api/v1/workflows/${encodeURIComponent(ns)}?${q}`;
}

function ownerHref(kind: HistoryKind, ns: string, name: string): string {
  if (kind === 'workflow-template') return paths.template(ns, name);
  if (kind === 'cluster-workflow-template') return paths.clusterTemplate(name);
  return paths.cron(ns, name);
}

/** Runs of one template or cron: durations, and a grid of runs × nodes coloured by phase. */
export function HistoryPage({ kind, namespace, name }: { kind: HistoryKind; namespace: string; name: string }) {
  const list = useLoad(() => workflows.list(runsUrl(kind, namespace, name)), `${kind}/${namespace}/${name}`);
  const grid = list.value ? historyGrid(list.value.items ?? []) : undefined;
  return (
    <div class="page">
      <div class="page-head">
        <h1>
          History of <Link href={ownerHref(kind, namespace, name)}>{name}</Link>
        </h1>
        <button onClick={list.reload}>Refresh</button>
      </div>
      <ErrorBox error={list.error} />
      {!grid && !list.error && <Loading what="runs" />}
      {grid && grid.runs.length === 0 && <p class="muted">No runs yet.</p>}
      {grid && grid.runs.length > 0 && (
        <div class="card history">
          <DurationChart runs={grid.runs} cell={CELL} offset={NAMES} />
          <table class="history-grid" data-testid="history-grid">
            <thead>
              <tr>
                <th style={{ width: NAMES + 'px' }} />
                {grid.runs.map((r) => (
                  <th key={r.name} class="run-head" style={{ width: CELL + 'px' }}>
                    <Link href={paths.workflow(r.namespace, r.name)} title={`${r.name} (${r.phase})`}>
                      <span class="run-dot" data-testid="history-run" data-run={r.name} data-phase={r.phase} style={{ background: phaseColor(r.phase) }} />
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr key={row.node}>
                  <th class="node-name" title={row.node}>{row.node}</th>
                  {row.cells.map((c, i) => {
                    const run = grid.runs[i];
                    return (
                      <td key={run.name}>
                        {c.phase && (
                          <span
                            class="history-cell"
                            data-testid="history-cell"
                            data-run={run.name}
                            data-node={row.node}
                            data-phase={c.phase}
                            title={`${row.node} in ${run.name}: ${c.phase}${c.count > 1 ? ` (${c.count} nodes)` : ''}`}
                            style={{ background: phaseColor(c.phase) }}
                            onClick={() => navigate(paths.workflow(run.namespace, run.name, undefined, c.nodeId))}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <h4>Runs, newest first</h4>
          <table class="table" data-testid="history-runs">
            <thead>
              <tr><th>Run</th><th>Phase</th><th>Started</th><th>Duration</th></tr>
            </thead>
            <tbody>
              {[...grid.runs].reverse().map((r) => (
                <tr key={r.name}>
                  <td><Link href={paths.workflow(r.namespace, r.name)}>{r.name}</Link></td>
                  <td><PhaseBadge phase={r.phase} /></td>
                  <td><Time value={r.startedAt} /></td>
                  <td>{formatDuration(r.durationMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

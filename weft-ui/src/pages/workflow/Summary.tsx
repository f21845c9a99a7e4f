import { BINDING_LABEL, DELIVERY_LABEL } from '../../api/events';
import type { Workflow } from '../../api/types';
import { PhaseBadge } from '../../components/PhaseBadge';
import { Time } from '../../components/Time';
import { Link } from '../../router/Link';
import { paths } from '../../router/routes';
import { elapsed, formatDuration } from '../../util/time';

const TEMPLATE_LABEL = 'workflows.argoproj.io/workflow-template';
const CLUSTER_TEMPLATE_LABEL = 'workflows.argoproj.io/cluster-workflow-template';
const CRON_LABEL = 'workflows.argoproj.io/cron-workflow';

/** Links to what made the workflow (template, cluster template, cron or event) and to its runs' history. */
function Origins({ wf }: { wf: Workflow }) {
  const ns = wf.metadata.namespace ?? 'default';
  const labels = wf.metadata.labels ?? {};
  const ref = wf.spec?.workflowTemplateRef;
  const template = labels[TEMPLATE_LABEL] ?? (ref && !ref.clusterScope ? ref.name : undefined);
  const cluster = labels[CLUSTER_TEMPLATE_LABEL] ?? (ref?.clusterScope ? ref.name : undefined);
  const cron = labels[CRON_LABEL];
  const delivery = labels[DELIVERY_LABEL];
  const binding = labels[BINDING_LABEL];
  return (
    <>
      {template && (
        <span>
          Template <Link href={paths.template(ns, template)} data-testid="template-link">{template}</Link> ·{' '}
          <Link href={paths.history('workflow-template', ns, template)} data-testid="history-link">history</Link>
        </span>
      )}
      {cluster && (
        <span>
          Cluster template <Link href={paths.clusterTemplate(cluster)}>{cluster}</Link> ·{' '}
          <Link href={paths.history('cluster-workflow-template', ns, cluster)} data-testid="history-link">history</Link>
        </span>
      )}
      {delivery && (
        <span data-testid="triggered-by">
          Triggered by event <Link href={paths.event(ns, delivery)} data-testid="delivery-link">{delivery}</Link>
          {binding && <> (binding {binding})</>}
        </span>
      )}
      {cron && (
        <span>
          Cron <Link href={paths.cron(ns, cron)} data-testid="cron-link">{cron}</Link> ·{' '}
          <Link href={paths.history('cron-workflow', ns, cron)} data-testid="history-link">history</Link>
        </span>
      )}
    </>
  );
}

export function Summary({ wf, now }: { wf: Workflow; now: number }) {
  const s = wf.status ?? {};
  const params = wf.spec?.arguments?.parameters ?? [];
  const labels = Object.entries(wf.metadata.labels ?? {});
  return (
    <section class="summary card" data-testid="summary">
      <dl class="facts">
        <div>
          <dt>Phase</dt>
          <dd>
            <PhaseBadge phase={s.phase || 'Pending'} testid="workflow-phase" />
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd><Time value={s.startedAt} testid="workflow-started" /></dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd><Time value={s.finishedAt} testid="workflow-finished" /></dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd data-testid="workflow-duration">{formatDuration(elapsed(s.startedAt, s.finishedAt, now))}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd data-testid="workflow-progress">{s.progress ?? ''}</dd>
        </div>
      </dl>
      {s.message && <p class="message-line" data-testid="workflow-message">{s.message}</p>}
      <div class="origins"><Origins wf={wf} /></div>
      {labels.length > 0 && (
        <div class="labels" data-testid="workflow-labels">
          {labels.map(([k, v]) => (
            <span key={k} class="chip">{k}={v}</span>
          ))}
        </div>
      )}
      {params.length > 0 && (
        <table class="kv" data-testid="workflow-parameters">
          <tbody>
            {params.map((p) => (
              <tr key={p.name}>
                <th>{p.name}</th>
                <td data-testid={'workflow-param-' + p.name}>{p.value ?? p.default ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

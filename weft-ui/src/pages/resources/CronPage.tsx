import { useState } from 'preact/hooks';
import { resources } from '../../api/resources';
import type { CronWorkflow, Workflow } from '../../api/types';
import { workflows } from '../../api/workflows';
import { PhaseBadge } from '../../components/PhaseBadge';
import { ErrorBox, Loading } from '../../components/Status';
import { Time } from '../../components/Time';
import { YamlView } from '../../components/YamlView';
import { Link } from '../../router/Link';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { DeleteButton } from './DeleteButton';
import { NextRuns } from './NextRuns';
import { useLoad } from './useResource';

function runsUrl(ns: string, name: string): string {
  const q = new URLSearchParams({
    'listOptions.labelSelector': 'workflows.argoproj.io/cron-workflow=' + name,
    fields: 'metadata,items.metadata.name,items.metadata.namespace,items.metadata.creationTimestamp,items.status.phase,items.status.startedAt,items.status.finishedAt',
  });
  return `/api/v1/workflows/${encodeURIComponent(ns)}?${q}`;
}

/** A cron: schedules, timezone, next runs, last runs, suspend/resume, YAML, delete. */
export function CronPage({ namespace, name }: { namespace: string; name: string }) {
  const cron = useLoad(() => resources.get<CronWorkflow>('cron-workflows', namespace, name), namespace + '/' + name);
  const runs = useLoad(() => workflows.list(runsUrl(namespace, name)), 'runs' + namespace + name);
  const [error, setError] = useState<unknown>();
  const c = cron.value;
  const toggle = async (suspend: boolean) => {
    setError(undefined);
    try {
      cron.set(suspend ? await resources.suspendCron(namespace, name) : await resources.resumeCron(namespace, name));
    } catch (e) {
      setError(e);
    }
  };
  const last = [...(runs.value?.items ?? [])]
    .sort((a: Workflow, b: Workflow) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''))
    .slice(0, 10);
  return (
    <div class="page">
      <div class="page-head">
        <h1>
          <Link href={paths.crons()} class="muted">Cron workflows</Link> / {name}
        </h1>
        <div class="actions">
          <button data-testid="cron-suspend" disabled={!c || !!c.spec?.suspend} onClick={() => toggle(true)}>Suspend</button>
          <button data-testid="cron-resume" disabled={!c || !c.spec?.suspend} onClick={() => toggle(false)}>Resume</button>
          <Link href={paths.history('cron-workflow', namespace, name)} class="button" data-testid="history-link">History</Link>
          <DeleteButton what={name} onDelete={async () => (await resources.delete('cron-workflows', namespace, name), navigate(paths.crons()))} />
        </div>
      </div>
      <ErrorBox error={cron.error ?? error} />
      {!c && !cron.error && <Loading what={name} />}
      {c && (
        <>
          <section class="card summary" data-testid="cron-summary">
            <dl class="facts">
              <div><dt>Schedule</dt><dd class="mono" data-testid="cron-schedule">{(c.spec?.schedules?.length ? c.spec.schedules : [c.spec?.schedule ?? '']).join(', ')}</dd></div>
              <div><dt>Timezone</dt><dd data-testid="cron-timezone">{c.spec?.timezone || 'server local'}</dd></div>
              <div><dt>Suspended</dt><dd data-testid="cron-suspended" data-value={String(!!c.spec?.suspend)}>{c.spec?.suspend ? 'yes' : 'no'}</dd></div>
              <div><dt>Concurrency</dt><dd>{c.spec?.concurrencyPolicy ?? 'Allow'}</dd></div>
              <div><dt>Last scheduled</dt><dd><Time value={c.status?.lastScheduledTime} /></dd></div>
            </dl>
            <h4>Next runs</h4>
            {c.spec && <NextRuns spec={c.spec} />}
          </section>
          <section class="card">
            <h4>Last runs</h4>
            <ErrorBox error={runs.error} />
            {last.length === 0 ? (
              <p class="muted">No runs yet.</p>
            ) : (
              <ul class="plain" data-testid="cron-runs">
                {last.map((w) => (
                  <li key={w.metadata.name}>
                    <PhaseBadge phase={w.status?.phase || 'Pending'} />{' '}
                    <Link href={paths.workflow(w.metadata.namespace ?? namespace, w.metadata.name ?? '')}>{w.metadata.name}</Link>{' '}
                    <Time value={w.metadata.creationTimestamp} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <div class="card">
            <YamlView value={c} />
          </div>
        </>
      )}
    </div>
  );
}

import { KINDS, resources, type AnyResource } from '../../api/resources';
import type { CronWorkflow, ResourceKind } from '../../api/types';
import { ErrorBox, Loading } from '../../components/Status';
import { Time } from '../../components/Time';
import { Link } from '../../router/Link';
import { location, withQuery } from '../../router/router';
import { paths } from '../../router/routes';
import { CreateFromYaml } from '../../yaml/CreateFromYaml';
import { useLoad } from './useResource';
import { examples } from './examples';

function href(kind: ResourceKind, r: AnyResource): string {
  const ns = r.metadata.namespace ?? 'default';
  const name = r.metadata.name ?? '';
  if (kind === 'workflow-templates') return paths.template(ns, name);
  if (kind === 'cluster-workflow-templates') return paths.clusterTemplate(name);
  return paths.cron(ns, name);
}

/** Templates, cluster templates or crons: a table, and a create-from-YAML panel (?create=1). */
export function ResourceListPage({ kind }: { kind: ResourceKind }) {
  const info = KINDS[kind];
  const namespace = location.value.query.get('namespace') ?? '';
  const creating = location.value.query.get('create') === '1';
  const list = useLoad(() => resources.list(kind, namespace || undefined), kind + namespace);
  const items = list.value?.items ?? [];
  const isCron = kind === 'cron-workflows';
  return (
    <div class="page">
      <div class="page-head">
        <h1>{info.title}</h1>
        <button class="primary" data-testid="create-toggle" onClick={() => withQuery({ create: creating ? undefined : '1' }, false)}>
          {creating ? 'Cancel' : 'Create…'}
        </button>
      </div>
      {creating && (
        <div class="card">
          <CreateFromYaml kind={kind} initial={examples[kind]} />
        </div>
      )}
      {info.namespaced && (
        <div class="filters card">
          <label>
            Namespace
            <input placeholder="all" value={namespace} onChange={(e) => withQuery({ namespace: (e.target as HTMLInputElement).value })} />
          </label>
        </div>
      )}
      <ErrorBox error={list.error} />
      {!list.value && !list.error ? (
        <Loading what={info.title.toLowerCase()} />
      ) : (
        <table class="table" data-testid="resource-list">
          <thead>
            <tr>
              <th>Name</th>
              {info.namespaced && <th>Namespace</th>}
              {isCron && <th>Schedule</th>}
              {isCron && <th>Suspended</th>}
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => {
              const cron = r as CronWorkflow;
              return (
                <tr key={r.metadata.namespace + '/' + r.metadata.name} data-testid="resource-row" data-name={r.metadata.name}>
                  <td><Link href={href(kind, r)}>{r.metadata.name}</Link></td>
                  {info.namespaced && <td>{r.metadata.namespace}</td>}
                  {isCron && <td class="mono">{(cron.spec?.schedules ?? [cron.spec?.schedule]).filter(Boolean).join(', ')}</td>}
                  {isCron && <td>{cron.spec?.suspend ? 'yes' : 'no'}</td>}
                  <td><Time value={r.metadata.creationTimestamp} /></td>
                </tr>
              );
            })}
            {items.length === 0 && (
              <tr><td colSpan={5} class="muted">None yet.</td></tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}

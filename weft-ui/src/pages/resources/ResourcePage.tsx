import { KINDS, resources } from '../../api/resources';
import type { ResourceKind, WorkflowTemplate } from '../../api/types';
import { ErrorBox, Loading } from '../../components/Status';
import { YamlView } from '../../components/YamlView';
import { Link } from '../../router/Link';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { DeleteButton } from './DeleteButton';
import { useLoad } from './useResource';

interface Props {
  kind: Extract<ResourceKind, 'workflow-templates' | 'cluster-workflow-templates'>;
  namespace?: string;
  name: string;
}

/** A (cluster) workflow template: its YAML, Submit (to the form), history, delete. */
export function ResourcePage({ kind, namespace, name }: Props) {
  const info = KINDS[kind];
  const t = useLoad(() => resources.get<WorkflowTemplate>(kind, namespace, name), `${kind}/${namespace}/${name}`);
  const cluster = kind === 'cluster-workflow-templates';
  const historyNs = namespace ?? 'default';
  return (
    <div class="page">
      <div class="page-head">
        <h1>
          <Link href={cluster ? paths.clusterTemplates() : paths.templates()} class="muted">{info.title}</Link> / {name}
        </h1>
        <div class="actions">
          <button class="primary" data-testid="template-submit" onClick={() => navigate(paths.submit(info.kind, namespace, name))}>
            Submit…
          </button>
          <Link href={paths.history(cluster ? 'cluster-workflow-template' : 'workflow-template', historyNs, name)} class="button" data-testid="history-link">
            History
          </Link>
          <DeleteButton
            what={name}
            onDelete={async () => {
              await resources.delete(kind, namespace, name);
              navigate(cluster ? paths.clusterTemplates() : paths.templates());
            }}
          />
        </div>
      </div>
      <ErrorBox error={t.error} />
      {!t.value && !t.error && <Loading what={name} />}
      {t.value && (
        <>
          {(t.value.spec?.arguments?.parameters ?? []).length > 0 && (
            <table class="kv card">
              <tbody>
                {t.value.spec!.arguments!.parameters!.map((p) => (
                  <tr key={p.name}>
                    <th>{p.name}</th>
                    <td>{p.value ?? p.default ?? ''}{p.enum ? ` (one of ${p.enum.join(', ')})` : ''} <span class="muted">{p.description ?? ''}</span></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="card">
            <YamlView value={t.value} />
          </div>
        </>
      )}
    </div>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { resources } from '../../api/resources';
import type { WorkflowTemplate } from '../../api/types';
import { ErrorBox, Loading } from '../../components/Status';
import { location, withQuery } from '../../router/router';
import { CreateFromYaml } from '../../yaml/CreateFromYaml';
import { SubmitForm } from './SubmitForm';

const EXAMPLE = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-
  namespace: default
spec:
  entrypoint: main
  templates:
    - name: main
      container:
        image: alpine
        command: [sh, -c]
        args: ["echo hello"]
`;

type Kind = 'WorkflowTemplate' | 'ClusterWorkflowTemplate';

/** Submit from a (cluster) workflow template's form, or from pasted YAML. */
export function SubmitPage() {
  const q = location.value.query;
  const mode = q.get('mode') === 'yaml' ? 'yaml' : 'template';
  const kind: Kind = q.get('kind') === 'ClusterWorkflowTemplate' ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
  const namespace = q.get('namespace') || 'default';
  const name = q.get('name') ?? '';
  const [list, setList] = useState<WorkflowTemplate[] | undefined>();
  const [error, setError] = useState<unknown>();
  const apiKind = kind === 'WorkflowTemplate' ? 'workflow-templates' : 'cluster-workflow-templates';

  useEffect(() => {
    if (mode !== 'template') return;
    setList(undefined);
    setError(undefined);
    resources
      .list<WorkflowTemplate>(apiKind, namespace)
      .then((l) => setList(l.items ?? []), setError);
  }, [mode, apiKind, namespace]);

  const chosen = list?.find((t) => t.metadata.name === name);
  return (
    <div class="page">
      <div class="page-head">
        <h1>Submit</h1>
        <div class="segmented">
          <button class={mode === 'template' ? 'active' : ''} data-testid="submit-mode-template" onClick={() => withQuery({ mode: undefined })}>From a template</button>
          <button class={mode === 'yaml' ? 'active' : ''} data-testid="submit-mode-yaml" onClick={() => withQuery({ mode: 'yaml' })}>From YAML</button>
        </div>
      </div>
      {mode === 'yaml' ? (
        <CreateFromYaml kind="workflows" initial={EXAMPLE} />
      ) : (
        <div class="submit-layout">
          <div class="card form">
            <label>
              Kind
              <select data-testid="submit-kind" value={kind} onChange={(e) => withQuery({ kind: (e.target as HTMLSelectElement).value, name: undefined })}>
                <option value="WorkflowTemplate">WorkflowTemplate</option>
                <option value="ClusterWorkflowTemplate">ClusterWorkflowTemplate</option>
              </select>
            </label>
            <label>
              Namespace
              <input data-testid="submit-namespace" value={namespace} onChange={(e) => withQuery({ namespace: (e.target as HTMLInputElement).value })} />
            </label>
            <label>
              Template
              <select data-testid="submit-template" value={name} onChange={(e) => withQuery({ name: (e.target as HTMLSelectElement).value })}>
                <option value="">Choose…</option>
                {(list ?? []).map((t) => (
                  <option key={t.metadata.name} value={t.metadata.name}>{t.metadata.name}</option>
                ))}
              </select>
            </label>
            {!list && !error && <Loading what="templates" />}
            <ErrorBox error={error} />
          </div>
          {chosen && <SubmitForm key={kind + name} kind={kind} template={chosen} namespace={namespace} />}
          {list && name && !chosen && <p class="error">No {kind} named {name}.</p>}
        </div>
      )}
    </div>
  );
}

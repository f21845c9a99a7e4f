import { useState } from 'preact/hooks';
import type { WorkflowTemplate } from '../../api/types';
import { workflows, type SubmitRequest } from '../../api/workflows';
import { ErrorBox } from '../../components/Status';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';

interface Props {
  kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate';
  template: WorkflowTemplate;
  namespace: string;
}

/** The submit request the form's values make (parameters as Argo's "name=value" list). */
export function submitRequest(p: Props, values: Record<string, string>, entryPoint: string, labels: string): SubmitRequest {
  return {
    namespace: p.namespace,
    resourceKind: p.kind,
    resourceName: p.template.metadata.name ?? '',
    submitOptions: {
      parameters: Object.entries(values).map(([k, v]) => `${k}=${v}`),
      entryPoint: entryPoint || undefined,
      labels: labels.trim() || undefined,
    },
  };
}

/** A form built from the template's parameters: enums are drop-downs, values prefilled. */
export function SubmitForm(props: Props) {
  const spec = props.template.spec ?? {};
  const params = spec.arguments?.parameters ?? [];
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(params.map((p) => [p.name, p.value ?? p.default ?? p.enum?.[0] ?? ''])),
  );
  const [entryPoint, setEntryPoint] = useState(spec.entrypoint ?? '');
  const [labels, setLabels] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (name: string) => (e: Event) => setValues({ ...values, [name]: (e.target as HTMLInputElement).value });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const wf = await workflows.submit(props.namespace, submitRequest(props, values, entryPoint, labels));
      navigate(paths.workflow(wf.metadata.namespace ?? props.namespace, wf.metadata.name ?? ''));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <form class="form card" data-testid="submit-form" onSubmit={submit}>
      <h3>{props.template.metadata.name}</h3>
      {params.length === 0 && <p class="muted">This template takes no parameters.</p>}
      {params.map((p) => (
        <label key={p.name}>
          <span class="param-name">{p.name}</span>
          {p.enum && p.enum.length > 0 ? (
            <select data-testid={'param-' + p.name} value={values[p.name]} onChange={set(p.name)}>
              {p.enum.map((v) => (
                <option key={v} value={v}>{v}</option>
              ))}
            </select>
          ) : (
            <input data-testid={'param-' + p.name} value={values[p.name]} onInput={set(p.name)} />
          )}
          {p.description && <span class="muted small" data-testid={'param-description-' + p.name}>{p.description}</span>}
        </label>
      ))}
      <label>
        Entrypoint
        <select data-testid="entrypoint" value={entryPoint} onChange={(e) => setEntryPoint((e.target as HTMLSelectElement).value)}>
          {(spec.templates ?? []).map((t) => (
            <option key={t.name} value={t.name}>{t.name}</option>
          ))}
        </select>
      </label>
      <label>
        Labels
        <input data-testid="submit-labels" placeholder="key=value,key2=value2" value={labels} onInput={(e) => setLabels((e.target as HTMLInputElement).value)} />
      </label>
      <ErrorBox error={error} />
      <button class="primary" type="submit" data-testid="submit-button" disabled={busy}>
        Submit
      </button>
    </form>
  );
}

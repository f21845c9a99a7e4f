import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { KINDS, resources } from '../api/resources';
import type { ResourceKind, Workflow } from '../api/types';
import { workflows } from '../api/workflows';
import { navigate } from '../router/router';
import { paths } from '../router/routes';
import { loadYaml } from '../util/yaml';
import { lineAlignedBody, parseFindings, YamlSyntaxError, type Finding } from './lineJson';
import { FindingList, YamlEditor } from './YamlEditor';

type Kind = 'workflows' | ResourceKind;

interface Props {
  kind: Kind;
  initial: string;
}

const BODY_FIELD: Record<Kind, string> = { workflows: 'workflow', ...Object.fromEntries(Object.entries(KINDS).map(([k, v]) => [k, v.bodyField])) } as Record<Kind, string>;

function namespaceOf(text: string): string {
  return /^\s+namespace:\s*["']?([a-z0-9-]+)/m.exec(text)?.[1] ?? 'default';
}

function whereTo(kind: Kind, created: { metadata: { name?: string; namespace?: string } }): string {
  const ns = created.metadata.namespace ?? 'default';
  const name = created.metadata.name ?? '';
  switch (kind) {
    case 'workflows':
      return paths.workflow(ns, name);
    case 'workflow-templates':
      return paths.template(ns, name);
    case 'cluster-workflow-templates':
      return paths.clusterTemplate(name);
    default:
      return paths.cron(ns, name);
  }
}

/** Paste YAML, lint it on the server (findings on their lines), create it. */
export function CreateFromYaml({ kind, initial }: Props) {
  const [text, setText] = useState(initial);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const ns = namespaceOf(text);

  const send = async (create: boolean) => {
    setBusy(true);
    setStatus('');
    setFindings([]);
    try {
      const body = lineAlignedBody(await loadYaml(), text, BODY_FIELD[kind]);
      const namespaced = kind === 'workflows' || KINDS[kind].namespaced;
      const target = namespaced ? ns : undefined;
      if (kind === 'workflows') await workflows.lint(ns, body);
      else await resources.lint(kind, target, body);
      if (!create) {
        setStatus('No findings.');
        return;
      }
      const created = kind === 'workflows' ? await workflows.create(ns, body) : await resources.create(kind, target, body);
      navigate(whereTo(kind, created as Workflow));
    } catch (e) {
      if (e instanceof YamlSyntaxError) setFindings([{ line: e.line, column: 0, severity: 'error', message: e.message }]);
      else if (e instanceof ApiError) setFindings(parseFindings(e.message));
      else setFindings([{ line: 0, column: 0, severity: 'error', message: String(e) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="create-yaml" data-testid="create-yaml">
      <YamlEditor value={text} onInput={setText} findings={findings} />
      <FindingList findings={findings} />
      {status && <p class="ok" data-testid="lint-ok">{status}</p>}
      <div class="row">
        <button disabled={busy} onClick={() => send(false)} data-testid="lint-button">
          Lint
        </button>
        <button class="primary" disabled={busy} onClick={() => send(true)} data-testid="create-button">
          Create
        </button>
        <span class="muted small">namespace: {ns}</span>
      </div>
    </div>
  );
}

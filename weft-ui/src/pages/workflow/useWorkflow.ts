// One workflow, kept current from the watch stream.
import { useEffect, useState } from 'preact/hooks';
import { enc } from '../../api/client';
import { openStream } from '../../api/stream';
import type { WatchEvent, Workflow } from '../../api/types';
import { workflows } from '../../api/workflows';

export interface WorkflowState {
  workflow?: Workflow;
  deleted: boolean;
  error?: unknown;
}

/** Whether `a` is an older version than `b` (resource versions are counters here and on Kubernetes). */
function isOlder(a: Workflow, b?: Workflow): boolean {
  const x = Number(a.metadata.resourceVersion);
  const y = Number(b?.metadata.resourceVersion);
  return Number.isFinite(x) && Number.isFinite(y) && x < y;
}

export function useWorkflow(ns: string, name: string): [WorkflowState, (wf: Workflow) => void] {
  const [state, setState] = useState<WorkflowState>({ deleted: false });
  useEffect(() => {
    let live = true;
    let stream: { close(): void } | undefined;
    workflows
      .get(ns, name)
      .then((wf) => {
        if (!live) return;
        setState({ workflow: wf, deleted: false });
        const q = new URLSearchParams({ 'listOptions.fieldSelector': 'metadata.name=' + name });
        stream = openStream<WatchEvent<Workflow>>(`/api/v1/workflow-events/${enc(ns)}?${q}`, {
          reconnect: true,
          onMessage: (e) => {
            if (e.object?.metadata?.name !== name) return;
            if (e.type === 'DELETED') setState((s) => ({ ...s, deleted: true }));
            else if (e.type === 'ADDED' || e.type === 'MODIFIED')
              setState((s) => (isOlder(e.object, s.workflow) ? s : { workflow: e.object, deleted: false }));
          },
        });
      })
      .catch((error: unknown) => live && setState({ deleted: false, error }));
    return () => {
      live = false;
      stream?.close();
    };
  }, [ns, name]);
  // An action's answer can arrive after the watch already delivered a newer version (the change
  // it caused): the newer one stays.
  const replace = (wf: Workflow) => setState((s) => (isOlder(wf, s.workflow) ? s : { workflow: wf, deleted: false }));
  return [state, replace];
}

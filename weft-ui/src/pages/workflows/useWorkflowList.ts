// Loads one page of workflows and keeps it live from the watch stream (first page only, as Argo).
import { useEffect, useState } from 'preact/hooks';
import { workflows } from '../../api/workflows';
import { listUrl, matchesFilter, watchUrl, type WorkflowFilter } from '../../api/listQuery';
import { openStream } from '../../api/stream';
import type { Workflow, WatchEvent } from '../../api/types';

export interface ListState {
  items: Workflow[];
  nextToken?: string;
  loading: boolean;
  error?: unknown;
}

function key(wf: Workflow): string {
  return (wf.metadata.namespace ?? '') + '/' + (wf.metadata.name ?? '');
}

/** Newest first. */
export function sortWorkflows(items: Workflow[]): Workflow[] {
  return [...items].sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''));
}

/** Applies one watch event to a list. */
export function applyEvent(items: Workflow[], e: WatchEvent<Workflow>, f: WorkflowFilter): Workflow[] {
  const k = key(e.object);
  const rest = items.filter((w) => key(w) !== k);
  if (e.type === 'DELETED' || e.type === 'ERROR' || !matchesFilter(e.object, f)) return rest;
  return sortWorkflows([...rest, e.object]);
}

export function useWorkflowList(filter: WorkflowFilter, reloadKey: number): ListState {
  const [state, setState] = useState<ListState>({ items: [], loading: true });
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let stream: { close(): void } | undefined;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    workflows
      .list(listUrl(filter))
      .then((list) => {
        if (!live) return;
        const items = sortWorkflows((list.items ?? []).filter((w) => matchesFilter(w, filter)));
        setState({ items, nextToken: list.metadata?.continue || undefined, loading: false });
        if (filter.continueToken) return;
        stream = openStream<WatchEvent<Workflow>>(watchUrl(filter, list.metadata?.resourceVersion), {
          reconnect: true,
          onMessage: (e) => setState((s) => ({ ...s, items: applyEvent(s.items, e, filter) })),
          onError: (message) => setState((s) => ({ ...s, error: new Error('live updates stopped: ' + message) })),
        });
      })
      .catch((error: unknown) => live && setState({ items: [], loading: false, error }));
    return () => {
      live = false;
      stream?.close();
    };
  }, [filterKey, reloadKey]);
  return state;
}

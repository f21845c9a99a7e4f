// Which fan-out groups the user expanded, per workflow, kept for the browser tab's session.
const KEY = 'weft.graph.expanded.';

export function loadExpanded(workflowKey: string): Set<string> {
  try {
    const raw = sessionStorage.getItem(KEY + workflowKey);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveExpanded(workflowKey: string, expanded: ReadonlySet<string>) {
  try {
    if (expanded.size) sessionStorage.setItem(KEY + workflowKey, JSON.stringify([...expanded]));
    else sessionStorage.removeItem(KEY + workflowKey);
  } catch {
    /* storage full or denied: the state lives until the page closes */
  }
}

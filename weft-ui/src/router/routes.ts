// Every page's URL, in one place so that links and the route table agree.
const e = encodeURIComponent;

export const paths = {
  workflows: () => '/workflows',
  workflow: (ns: string, name: string, tab?: string, node?: string) =>
    `/workflows/${e(ns)}/${e(name)}` + query({ tab, node }),
  templates: () => '/workflow-templates',
  template: (ns: string, name: string) => `/workflow-templates/${e(ns)}/${e(name)}`,
  clusterTemplates: () => '/cluster-workflow-templates',
  clusterTemplate: (name: string) => `/cluster-workflow-templates/${e(name)}`,
  crons: () => '/cron-workflows',
  cron: (ns: string, name: string) => `/cron-workflows/${e(ns)}/${e(name)}`,
  events: (ns?: string) => '/events' + query({ namespace: ns }),
  event: (ns: string, name: string) => `/events/${e(ns)}/${e(name)}`,
  submit: (kind?: string, ns?: string, name?: string) => '/submit' + query({ kind, namespace: ns, name }),
  history: (kind: HistoryKind, ns: string, name: string) => `/history/${kind}/${e(ns)}/${e(name)}`,
  login: () => '/login',
};

export type HistoryKind = 'workflow-template' | 'cluster-workflow-template' | 'cron-workflow';

export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

export type Route =
  | { page: 'login' }
  | { page: 'workflows' }
  | { page: 'workflow'; namespace: string; name: string }
  | { page: 'templates' }
  | { page: 'template'; namespace: string; name: string }
  | { page: 'clusterTemplates' }
  | { page: 'clusterTemplate'; name: string }
  | { page: 'crons' }
  | { page: 'cron'; namespace: string; name: string }
  | { page: 'events' }
  | { page: 'event'; namespace: string; name: string }
  | { page: 'submit' }
  | { page: 'history'; kind: HistoryKind; namespace: string; name: string }
  | { page: 'notFound'; path: string };

const HISTORY_KINDS: HistoryKind[] = ['workflow-template', 'cluster-workflow-template', 'cron-workflow'];

/** The page a path names. */
export function match(path: string): Route {
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [head, a, b, c] = parts;
  const n = parts.length;
  if (n === 0 || (head === 'workflows' && n === 1)) return { page: 'workflows' };
  if (head === 'login' && n === 1) return { page: 'login' };
  if (head === 'workflows' && n === 3) return { page: 'workflow', namespace: a, name: b };
  if (head === 'workflow-templates' && n === 1) return { page: 'templates' };
  if (head === 'workflow-templates' && n === 3) return { page: 'template', namespace: a, name: b };
  if (head === 'cluster-workflow-templates' && n === 1) return { page: 'clusterTemplates' };
  if (head === 'cluster-workflow-templates' && n === 2) return { page: 'clusterTemplate', name: a };
  if (head === 'cron-workflows' && n === 1) return { page: 'crons' };
  if (head === 'cron-workflows' && n === 3) return { page: 'cron', namespace: a, name: b };
  if (head === 'events' && n === 1) return { page: 'events' };
  if (head === 'events' && n === 3) return { page: 'event', namespace: a, name: b };
  if (head === 'submit' && n === 1) return { page: 'submit' };
  if (head === 'history' && n === 4 && (HISTORY_KINDS as string[]).includes(a))
    return { page: 'history', kind: a as HistoryKind, namespace: b, name: c };
  return { page: 'notFound', path };
}

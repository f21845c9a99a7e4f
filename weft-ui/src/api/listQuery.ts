// The workflow list's filters: read from and written to the page URL, turned into Argo's list and
// watch queries, and applied to the workflows a watch delivers.
import type { Workflow } from './types';

export type NameMode = 'Contains' | 'Prefix' | 'Exact' | 'NotEquals';
export const NAME_MODES: NameMode[] = ['Contains', 'Prefix', 'Exact', 'NotEquals'];

export interface WorkflowFilter {
  namespace: string;
  phases: string[];
  labels: string[];
  name: string;
  nameMode: NameMode;
  /** yyyy-mm-dd (the date inputs' format), inclusive. */
  createdFrom: string;
  createdTo: string;
  continueToken: string;
}

export const PAGE_SIZE = 50;

/** The fields the list shows, as Argo's UI asks for them. */
export const LIST_FIELDS = [
  'metadata',
  'items.metadata.uid',
  'items.metadata.name',
  'items.metadata.namespace',
  'items.metadata.creationTimestamp',
  'items.metadata.labels',
  'items.status.phase',
  'items.status.message',
  'items.status.finishedAt',
  'items.status.startedAt',
  'items.status.estimatedDuration',
  'items.status.progress',
  'items.spec.suspend',
];

/** The same fields under a watch event's result. */
export const WATCH_FIELDS = [
  'result.type',
  ...LIST_FIELDS.filter((f) => f.startsWith('items.')).map((f) => 'result.object.' + f.slice('items.'.length)),
  'result.object.metadata.resourceVersion',
];

export function filterFromQuery(q: URLSearchParams): WorkflowFilter {
  const mode = q.get('nameMode') as NameMode | null;
  return {
    namespace: q.get('namespace') ?? '',
    phases: q.getAll('phase'),
    labels: splitLabels(q.get('labels') ?? ''),
    name: q.get('name') ?? '',
    nameMode: mode && NAME_MODES.includes(mode) ? mode : 'Contains',
    createdFrom: q.get('createdFrom') ?? '',
    createdTo: q.get('createdTo') ?? '',
    continueToken: q.get('continue') ?? '',
  };
}

/** The page URL's query for a filter (defaults left out, so URLs stay short). */
export function filterToQuery(f: WorkflowFilter): Record<string, string | string[] | undefined> {
  return {
    namespace: f.namespace || undefined,
    phase: f.phases,
    labels: f.labels.length ? f.labels.join(',') : undefined,
    name: f.name || undefined,
    nameMode: f.name && f.nameMode !== 'Contains' ? f.nameMode : undefined,
    createdFrom: f.createdFrom || undefined,
    createdTo: f.createdTo || undefined,
    continue: f.continueToken || undefined,
  };
}

export function splitLabels(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function labelSelector(f: Pick<WorkflowFilter, 'phases' | 'labels'>): string {
  const parts: string[] = [];
  if (f.phases.length) parts.push(`workflows.argoproj.io/phase in (${f.phases.join(',')})`);
  parts.push(...f.labels);
  return parts.join(',');
}

/** Start of the local day `from`, end of the local day `to`, as RFC3339. */
export function dayStart(date: string): string | undefined {
  const d = new Date(date + 'T00:00:00');
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
export function dayEnd(date: string): string | undefined {
  const d = new Date(date + 'T23:59:59.999');
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function nsPath(base: string, ns: string): string {
  return ns ? `${base}/${encodeURIComponent(ns)}` : base;
}

/** GET /api/v1/workflows[/{ns}] with Argo's list parameters. */
export function listUrl(f: WorkflowFilter, limit = PAGE_SIZE, fields = LIST_FIELDS): string {
  const q = new URLSearchParams();
  const selector = labelSelector(f);
  if (selector) q.set('listOptions.labelSelector', selector);
  if (f.name) {
    q.set('listOptions.fieldSelector', 'metadata.name=' + f.name);
    q.set('nameFilter', f.nameMode);
  }
  if (f.createdFrom && dayStart(f.createdFrom)) q.set('createdAfter', dayStart(f.createdFrom)!);
  if (f.createdTo && dayEnd(f.createdTo)) q.set('finishedBefore', dayEnd(f.createdTo)!);
  q.set('listOptions.limit', String(limit));
  if (f.continueToken) q.set('listOptions.continue', f.continueToken);
  if (fields.length) q.set('fields', fields.join(','));
  return nsPath('/api/v1/workflows', f.namespace) + '?' + q.toString();
}

/** The watch of the same selection, from a resource version on. */
export function watchUrl(f: WorkflowFilter, resourceVersion?: string): string {
  const q = new URLSearchParams();
  const selector = labelSelector(f);
  if (selector) q.set('listOptions.labelSelector', selector);
  if (resourceVersion) q.set('listOptions.resourceVersion', resourceVersion);
  q.set('fields', WATCH_FIELDS.join(','));
  return nsPath('/api/v1/workflow-events', f.namespace) + '?' + q.toString();
}

export function nameMatches(name: string, pattern: string, mode: NameMode): boolean {
  if (!pattern) return true;
  switch (mode) {
    case 'Exact':
      return name === pattern;
    case 'Prefix':
      return name.startsWith(pattern);
    case 'NotEquals':
      return name !== pattern;
    default:
      return name.includes(pattern);
  }
}

/** Whether a workflow from the watch belongs in the filtered list (labels are matched server-side). */
export function matchesFilter(wf: Workflow, f: WorkflowFilter): boolean {
  if (!nameMatches(wf.metadata.name ?? '', f.name, f.nameMode)) return false;
  const created = wf.metadata.creationTimestamp;
  if (created && f.createdFrom) {
    const from = dayStart(f.createdFrom);
    if (from && Date.parse(created) < Date.parse(from)) return false;
  }
  if (created && f.createdTo) {
    const to = dayEnd(f.createdTo);
    if (to && Date.parse(created) > Date.parse(to)) return false;
  }
  if (f.phases.length && !f.phases.includes(wf.status?.phase ?? 'Pending')) return false;
  return true;
}

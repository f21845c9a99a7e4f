// WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows.
import { del, enc, get, post, put } from './client';
import type { CronWorkflow, ListResult, ResourceKind, WorkflowTemplate } from './types';

/** Each kind's API collection and the field its create body puts the object under. */
export const KINDS: Record<ResourceKind, { api: string; bodyField: string; kind: string; namespaced: boolean; title: string }> = {
  'workflow-templates': { api: '/api/v1/workflow-templates', bodyField: 'template', kind: 'WorkflowTemplate', namespaced: true, title: 'Workflow templates' },
  'cluster-workflow-templates': { api: '/api/v1/cluster-workflow-templates', bodyField: 'template', kind: 'ClusterWorkflowTemplate', namespaced: false, title: 'Cluster workflow templates' },
  'cron-workflows': { api: '/api/v1/cron-workflows', bodyField: 'cronWorkflow', kind: 'CronWorkflow', namespaced: true, title: 'Cron workflows' },
};

function collection(kind: ResourceKind, ns?: string): string {
  const k = KINDS[kind];
  return k.namespaced && ns ? `${k.api}/${enc(ns)}` : k.api;
}

export type AnyResource = WorkflowTemplate | CronWorkflow;

export const resources = {
  list: <T = AnyResource>(kind: ResourceKind, ns?: string) => get<ListResult<T>>(collection(kind, ns)),
  get: <T = AnyResource>(kind: ResourceKind, ns: string | undefined, name: string) =>
    get<T>(`${collection(kind, ns)}/${enc(name)}`),
  create: (kind: ResourceKind, ns: string | undefined, body: string | object) => post<AnyResource>(collection(kind, ns), body),
  lint: (kind: ResourceKind, ns: string | undefined, body: string | object) =>
    post<AnyResource>(collection(kind, ns) + '/lint', body),
  delete: (kind: ResourceKind, ns: string | undefined, name: string) => del<unknown>(`${collection(kind, ns)}/${enc(name)}`),
  suspendCron: (ns: string, name: string) => put<CronWorkflow>(`/api/v1/cron-workflows/${enc(ns)}/${enc(name)}/suspend`, {}),
  resumeCron: (ns: string, name: string) => put<CronWorkflow>(`/api/v1/cron-workflows/${enc(ns)}/${enc(name)}/resume`, {}),
};

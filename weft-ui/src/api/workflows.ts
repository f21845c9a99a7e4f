// Argo's WorkflowService, as the UI calls it.
import { del, enc, get, post, put } from './client';
import type { ListResult, Workflow } from './types';

const base = (ns: string, name: string) => `/api/v1/workflows/${enc(ns)}/${enc(name)}`;

export const workflows = {
  list: (url: string) => get<ListResult<Workflow>>(url),
  get: (ns: string, name: string) => get<Workflow>(base(ns, name)),
  create: (ns: string, body: string | { workflow: unknown }) => post<Workflow>(`/api/v1/workflows/${enc(ns)}`, body),
  lint: (ns: string, body: string | { workflow: unknown }) => post<Workflow>(`/api/v1/workflows/${enc(ns)}/lint`, body),
  submit: (ns: string, body: SubmitRequest) => post<Workflow>(`/api/v1/workflows/${enc(ns)}/submit`, body),
  suspend: (ns: string, name: string) => put<Workflow>(base(ns, name) + '/suspend'),
  resume: (ns: string, name: string) => put<Workflow>(base(ns, name) + '/resume', {}),
  stop: (ns: string, name: string) => put<Workflow>(base(ns, name) + '/stop', {}),
  terminate: (ns: string, name: string) => put<Workflow>(base(ns, name) + '/terminate', {}),
  retry: (ns: string, name: string, opts: RetryOptions) => put<Workflow>(base(ns, name) + '/retry', opts),
  resubmit: (ns: string, name: string, opts: { memoized?: boolean; parameters?: string[] } = {}) =>
    put<Workflow>(base(ns, name) + '/resubmit', opts),
  delete: (ns: string, name: string) => del<unknown>(base(ns, name)),
};

export interface RetryOptions {
  restartSuccessful?: boolean;
  nodeFieldSelector?: string;
  parameters?: string[];
}

export interface SubmitRequest {
  namespace?: string;
  resourceKind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow';
  resourceName: string;
  submitOptions: {
    parameters?: string[];
    entryPoint?: string;
    /** Argo's form: "k=v,k2=v2". */
    labels?: string;
  };
}

/** Where an artifact of a node downloads from (Argo Server's artifact-files path). */
export function artifactUrl(ns: string, wf: string, nodeId: string, io: 'inputs' | 'outputs', artifact: string): string {
  return `/artifact-files/${enc(ns)}/workflows/${enc(wf)}/${enc(nodeId)}/${io}/${enc(artifact)}`;
}

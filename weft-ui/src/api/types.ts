// The parts of Argo's resources the UI reads. Everything is optional: list calls trim fields.
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Parameter {
  name: string;
  value?: string;
  default?: string;
  enum?: string[];
  description?: string;
  valueFrom?: unknown;
}

export interface Artifact {
  name: string;
  path?: string;
  digest?: string;
  sha256?: string;
  [k: string]: unknown;
}

export interface IO {
  parameters?: Parameter[];
  artifacts?: Artifact[];
  result?: string;
  exitCode?: string;
}

export interface NodeStatus {
  id: string;
  name: string;
  displayName?: string;
  type?: string;
  templateName?: string;
  templateRef?: { name?: string; template?: string; clusterScope?: boolean };
  phase?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  podName?: string;
  boundaryID?: string;
  children?: string[];
  inputs?: IO;
  outputs?: IO;
  progress?: string;
}

export interface Container {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  source?: string;
}

export interface Template {
  name?: string;
  container?: Container;
  script?: Container;
  inputs?: IO;
  outputs?: IO;
  [k: string]: unknown;
}

export interface WorkflowSpec {
  entrypoint?: string;
  arguments?: { parameters?: Parameter[] };
  templates?: Template[];
  suspend?: boolean;
  disableRetry?: boolean;
  disableResubmit?: boolean;
  workflowTemplateRef?: { name?: string; clusterScope?: boolean };
  [k: string]: unknown;
}

export interface WorkflowStatus {
  phase?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  progress?: string;
  estimatedDuration?: number;
  nodes?: Record<string, NodeStatus>;
  storedTemplates?: Record<string, Template>;
  storedWorkflowTemplateSpec?: WorkflowSpec;
}

export interface Workflow {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: WorkflowSpec;
  status?: WorkflowStatus;
}

export interface WorkflowTemplate {
  metadata: ObjectMeta;
  spec?: WorkflowSpec;
}

export interface CronWorkflowSpec {
  schedule?: string;
  schedules?: string[];
  timezone?: string;
  suspend?: boolean;
  concurrencyPolicy?: string;
  workflowSpec?: WorkflowSpec;
}

export interface CronWorkflow {
  metadata: ObjectMeta;
  spec?: CronWorkflowSpec;
  status?: { lastScheduledTime?: string; active?: unknown[]; conditions?: unknown[] };
}

export interface ListResult<T> {
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items?: T[] | null;
}

export interface WatchEvent<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR';
  object: T;
}

export interface LogEntry {
  content: string;
  podName?: string;
}

/** A Kubernetes Event, as /api/v1/stream/events streams them. */
export interface KubeEvent {
  metadata?: ObjectMeta;
  type?: string;
  reason?: string;
  message?: string;
  lastTimestamp?: string;
  firstTimestamp?: string;
  eventTime?: string;
  count?: number;
}

export type ResourceKind = 'workflow-templates' | 'cluster-workflow-templates' | 'cron-workflows';

// The graph the component draws, built from a Workflow's spec and status (model.ts).

/** How a node is drawn. */
export type NodeKind = 'pod' | 'virtual' | 'boundary' | 'group';

export interface GroupInfo {
  /** stable key: the parent's id and the members' template */
  key: string;
  members: string[];
  /** the members' labels, for the search */
  labels: string[];
  /** members per phase */
  phases: Record<string, number>;
}

export interface GraphNode {
  id: string;
  /** Argo's node name (the path), for planned nodes the name the node will get */
  name: string;
  displayName: string;
  /** the text drawn (the display name, "step ×N" for a planned loop, the template for a group) */
  label: string;
  type: string;
  phase: string;
  kind: NodeKind;
  templateName?: string;
  planned?: boolean;
  /** the enclosing Steps/DAG node's id: what a collapsed group also hides */
  boundaryId?: string;
  message?: string;
  group?: GroupInfo;
}

export interface GraphEdge {
  from: string;
  to: string;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The Argo NodeStatus fields the graph reads. */
export interface NodeStatus {
  id: string;
  name: string;
  displayName?: string;
  type: string;
  templateName?: string;
  templateRef?: { name?: string; template?: string };
  phase?: string;
  children?: string[];
  outboundNodes?: string[];
  boundaryID?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
}

export const VIRTUAL_TYPES = new Set(['StepGroup', 'TaskGroup']);
export const BOUNDARY_TYPES = new Set(['Steps', 'DAG', 'Retry']);

export function kindOf(type: string): NodeKind {
  if (VIRTUAL_TYPES.has(type)) return 'virtual';
  if (BOUNDARY_TYPES.has(type)) return 'boundary';
  return 'pod';
}

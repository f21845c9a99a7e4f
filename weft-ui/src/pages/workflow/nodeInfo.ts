// What the node panel shows that is not in the node's status directly.
import type { NodeStatus, Template, Workflow } from '../../api/types';

/** The template a node ran: from the spec, the stored template spec, or the stored templates. */
export function templateOf(wf: Workflow, node: NodeStatus): Template | undefined {
  const stored = wf.status?.storedTemplates ?? {};
  if (node.templateRef?.name && node.templateRef.template) {
    const scope = node.templateRef.clusterScope ? 'cluster' : 'namespaced';
    return stored[`${scope}/${node.templateRef.name}/${node.templateRef.template}`];
  }
  const name = node.templateName;
  if (!name) return undefined;
  const lists = [wf.spec?.templates, wf.status?.storedWorkflowTemplateSpec?.templates];
  for (const list of lists) {
    const t = list?.find((x) => x.name === name);
    if (t) return t;
  }
  return Object.entries(stored).find(([k]) => k.endsWith('/' + name))?.[1];
}

/** The attempts of a Retry node, oldest first. */
export function attempts(wf: Workflow, node: NodeStatus): NodeStatus[] {
  if (node.type !== 'Retry') return [];
  const nodes = wf.status?.nodes ?? {};
  return (node.children ?? []).map((id) => nodes[id]).filter((n): n is NodeStatus => !!n);
}

/** The step's container (or script), for the panel's container section. */
export function containerOf(t?: Template) {
  return t?.container ?? t?.script;
}

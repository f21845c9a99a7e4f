// Which actions a workflow allows, by phase, as Argo's UI decides (ui/src/shared/workflow-operations-map.ts).
import type { Workflow } from '../../api/types';

export type Operation = 'retry' | 'resubmit' | 'suspend' | 'resume' | 'stop' | 'terminate' | 'delete';
export const OPERATIONS: Operation[] = ['retry', 'resubmit', 'suspend', 'resume', 'stop', 'terminate', 'delete'];

function running(wf: Workflow): boolean {
  return !!wf.spec && wf.status?.phase === 'Running';
}

/** Suspended: spec.suspend, or a Suspend node still running. */
export function isSuspended(wf: Workflow): boolean {
  if (!wf.spec) return false;
  if (wf.spec.suspend) return true;
  return Object.values(wf.status?.nodes ?? {}).some((n) => n.type === 'Suspend' && n.phase === 'Running');
}

export function isDisabled(op: Operation, wf: Workflow): boolean {
  switch (op) {
    case 'retry': {
      if (wf.spec?.disableRetry) return true;
      const phase = wf.status?.phase;
      return !(phase === 'Failed' || phase === 'Error');
    }
    case 'resubmit':
      return wf.spec?.disableResubmit === true;
    case 'suspend':
      return !running(wf) || isSuspended(wf);
    case 'resume':
      return !isSuspended(wf);
    case 'stop':
    case 'terminate':
      return !running(wf);
    case 'delete':
      return false;
  }
}

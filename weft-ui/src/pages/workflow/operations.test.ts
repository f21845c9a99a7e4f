import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../api/types';
import { isDisabled, OPERATIONS, type Operation } from './operations';

const wf = (phase: string, extra: Partial<Workflow> = {}): Workflow => ({ metadata: { name: 'w' }, spec: {}, status: { phase }, ...extra });
const enabled = (w: Workflow) => OPERATIONS.filter((op) => !isDisabled(op, w));

describe('operations by phase', () => {
  it('a running workflow can be suspended, stopped, terminated, resubmitted, deleted', () => {
    expect(enabled(wf('Running'))).toEqual<Operation[]>(['resubmit', 'suspend', 'stop', 'terminate', 'delete']);
  });

  it('a failed or errored workflow can be retried', () => {
    expect(enabled(wf('Failed'))).toEqual<Operation[]>(['retry', 'resubmit', 'delete']);
    expect(enabled(wf('Error'))).toEqual<Operation[]>(['retry', 'resubmit', 'delete']);
  });

  it('a succeeded workflow can only be resubmitted or deleted', () => {
    expect(enabled(wf('Succeeded'))).toEqual<Operation[]>(['resubmit', 'delete']);
  });

  it('a suspended workflow can be resumed, not suspended again', () => {
    const w = wf('Running', { spec: { suspend: true } });
    expect(isDisabled('resume', w)).toBe(false);
    expect(isDisabled('suspend', w)).toBe(true);
  });

  it('a running suspend node counts as suspended', () => {
    const w = wf('Running');
    w.status!.nodes = { n: { id: 'n', name: 'n', type: 'Suspend', phase: 'Running' } };
    expect(isDisabled('resume', w)).toBe(false);
  });

  it('disableRetry and disableResubmit turn those off', () => {
    expect(isDisabled('retry', wf('Failed', { spec: { disableRetry: true } }))).toBe(true);
    expect(isDisabled('resubmit', wf('Failed', { spec: { disableResubmit: true } }))).toBe(true);
  });
});

import { useState } from 'preact/hooks';
import type { Workflow } from '../../api/types';
import { workflows } from '../../api/workflows';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { navigate } from '../../router/router';
import { paths } from '../../router/routes';
import { isDisabled, OPERATIONS, type Operation } from './operations';
import { initialRetry, RetryForm, retryOptions, type RetryState } from './RetryForm';

const LABELS: Record<Operation, string> = {
  retry: 'Retry',
  resubmit: 'Resubmit',
  suspend: 'Suspend',
  resume: 'Resume',
  stop: 'Stop',
  terminate: 'Terminate',
  delete: 'Delete',
};

const EXPLAIN: Record<Operation, string> = {
  retry: 'Run the failed nodes again, keeping the successful ones.',
  resubmit: 'Submit a new workflow with the same spec.',
  suspend: 'Running steps finish; no new ones start until resumed.',
  resume: 'Continue the suspended workflow.',
  stop: 'Stop the running steps; exit handlers still run.',
  terminate: 'Stop the running steps; exit handlers do not run.',
  delete: 'Delete the workflow; its running pods are stopped.',
};

interface Props {
  wf: Workflow;
  onUpdated: (wf: Workflow) => void;
  onError: (e: unknown) => void;
}

export function ActionBar({ wf, onUpdated, onError }: Props) {
  const [pending, setPending] = useState<Operation | undefined>();
  const [busy, setBusy] = useState(false);
  const params = wf.spec?.arguments?.parameters ?? [];
  const [retry, setRetry] = useState<RetryState>(initialRetry(params));
  const ns = wf.metadata.namespace ?? 'default';
  const name = wf.metadata.name ?? '';

  const run = async (op: Operation) => {
    setBusy(true);
    try {
      switch (op) {
        case 'retry':
          onUpdated(await workflows.retry(ns, name, retryOptions(retry)));
          break;
        case 'resubmit': {
          const fresh = await workflows.resubmit(ns, name);
          navigate(paths.workflow(fresh.metadata.namespace ?? ns, fresh.metadata.name ?? ''));
          break;
        }
        case 'delete':
          await workflows.delete(ns, name);
          navigate(paths.workflows());
          break;
        default:
          onUpdated(await workflows[op](ns, name));
      }
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
      setPending(undefined);
    }
  };

  return (
    <div class="actions" data-testid="actions">
      {OPERATIONS.map((op) => (
        <button
          key={op}
          data-testid={'action-' + op}
          class={op === 'delete' || op === 'terminate' ? 'danger-outline' : ''}
          disabled={busy || isDisabled(op, wf)}
          title={EXPLAIN[op]}
          onClick={() => {
            if (op === 'retry') setRetry(initialRetry(params));
            setPending(op);
          }}
        >
          {LABELS[op]}
        </button>
      ))}
      {pending && (
        <ConfirmDialog
          title={`${LABELS[pending]} ${name}?`}
          confirmLabel={LABELS[pending]}
          danger={pending === 'delete' || pending === 'terminate'}
          busy={busy}
          onConfirm={() => run(pending)}
          onCancel={() => setPending(undefined)}
        >
          <p>{EXPLAIN[pending]}</p>
          {pending === 'retry' && <RetryForm params={params} state={retry} onChange={setRetry} />}
        </ConfirmDialog>
      )}
    </div>
  );
}

import { useState } from 'preact/hooks';
import type { NodeStatus, Workflow } from '../../api/types';
import { workflows } from '../../api/workflows';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBox } from '../../components/Status';
import { isDisabled } from './operations';

/**
 * Argo's node retry: the workflow's retry with this node restarted even if it succeeded
 * (restartSuccessful and nodeFieldSelector id=NODE); the watch shows the result.
 */
export function NodeRetry({ wf, node }: { wf: Workflow; node: NodeStatus }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (isDisabled('retry', wf)) return null;
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await workflows.retry(wf.metadata.namespace ?? 'default', wf.metadata.name ?? '', { restartSuccessful: true, nodeFieldSelector: 'id=' + node.id });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <>
      <button data-testid="node-retry" onClick={() => setAsking(true)}>
        Retry from this node
      </button>
      <ErrorBox error={error} />
      {asking && (
        <ConfirmDialog title={`Retry ${node.displayName ?? node.name}?`} confirmLabel="Retry" busy={busy} onConfirm={run} onCancel={() => setAsking(false)}>
          <p>Runs this node again, even if it succeeded, with the workflow's failed nodes.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

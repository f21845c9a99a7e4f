import { useState } from 'preact/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** A delete button that asks first. */
export function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button class="danger-outline" data-testid="delete-button" onClick={() => setAsking(true)}>
        Delete
      </button>
      {asking && (
        <ConfirmDialog
          title={`Delete ${what}?`}
          confirmLabel="Delete"
          danger
          busy={busy}
          onCancel={() => setAsking(false)}
          onConfirm={async () => {
            setBusy(true);
            try {
              await onDelete();
            } finally {
              setBusy(false);
              setAsking(false);
            }
          }}
        />
      )}
    </>
  );
}

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  children?: ComponentChildren;
  confirmLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal <dialog> asking to confirm an action. */
export function ConfirmDialog(props: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} class="dialog" data-testid="confirm-dialog" onCancel={(e) => (e.preventDefault(), props.onCancel())}>
      <h3>{props.title}</h3>
      <div class="dialog-body">{props.children}</div>
      <div class="dialog-actions">
        <button onClick={props.onCancel} data-testid="confirm-cancel">
          Cancel
        </button>
        <button
          class={props.danger ? 'danger' : 'primary'}
          disabled={props.busy}
          onClick={props.onConfirm}
          data-testid="confirm-ok"
        >
          {props.confirmLabel ?? 'OK'}
        </button>
      </div>
    </dialog>
  );
}

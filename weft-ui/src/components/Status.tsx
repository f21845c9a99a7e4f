// Loading and error states, the same on every page.
export function Loading({ what }: { what?: string }) {
  return (
    <div class="loading" data-testid="loading">
      <span class="spinner" /> Loading{what ? ' ' + what : ''}…
    </div>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="error" role="alert" data-testid="error">
      {message}
    </div>
  );
}

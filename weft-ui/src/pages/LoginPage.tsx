import { useState } from 'preact/hooks';
import { login } from '../api/auth';
import { location, navigate } from '../router/router';
import { loginTarget } from './loginTarget';
import { ThemeToggle } from '../theme/ThemeToggle';

/** Where to go after logging in: a local path only, never another site. */
function target(): string {
  return loginTarget(location.value.query.get('redirect'));
}

export function LoginPage() {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await login(token.trim());
      navigate(target(), true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <div class="login">
      <form class="card login-card" onSubmit={submit}>
        <div class="login-head">
          <h1>Weft</h1>
          <ThemeToggle />
        </div>
        <p class="muted">Paste the server's token (weft server prints where it keeps it).</p>
        <label>
          Token
          <input
            type="password"
            autocomplete="off"
            data-testid="login-token"
            value={token}
            onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          />
        </label>
        {error && (
          <div class="error" role="alert" data-testid="login-error">
            {error}
          </div>
        )}
        <button class="primary" type="submit" data-testid="login-submit" disabled={busy || !token.trim()}>
          Log in
        </button>
      </form>
    </div>
  );
}

// The browser's session: the server keeps the token in an HttpOnly authorization cookie.

/** POSTs the token to /login (form-encoded, as a browser form would); throws on refusal. */
export async function login(token: string): Promise<void> {
  const res = await fetch('/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // plain text
    }
    throw new Error(res.status === 401 || res.status === 403 ? 'The token was not accepted.' : message || `login failed (${res.status})`);
  }
}

export async function logout(): Promise<void> {
  await fetch('/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
}

import { useState } from 'preact/hooks';

/**
 * An artifact's SHA-256 on demand. Argo's status records no digest; Weft's server sends it in
 * X-Weft-Sha256 with the file, so the download is dropped once the headers are in. A server
 * without the header gets the digest computed here from the bytes.
 */
export function ArtifactDigest({ url, name, known }: { url: string; name: string; known?: string }) {
  const [digest, setDigest] = useState<string | undefined>(known);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    setError(undefined);
    const abort = new AbortController();
    try {
      const res = await fetch(url, { credentials: 'same-origin', signal: abort.signal });
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const header = res.headers.get('X-Weft-Sha256');
      if (header) {
        abort.abort();
        setDigest(header.toLowerCase());
      } else {
        const bytes = await res.arrayBuffer();
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        setDigest(Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join(''));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  if (digest) {
    return (
      <div class="small mono digest" data-testid={'artifact-sha256-' + name} data-value={digest}>
        sha256 {digest}
      </div>
    );
  }
  return (
    <div class="small">
      <button class="link" data-testid={'artifact-sha256-load-' + name} disabled={busy} onClick={load}>
        {busy ? 'computing…' : 'sha256'}
      </button>
      {error && <span class="error-text">{error}</span>}
    </div>
  );
}

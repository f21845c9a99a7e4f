// Server-Sent Event streams (Argo's gateway frames each message as {"result": ...}). EventSource
// cannot send headers; the HttpOnly authorization cookie authenticates it.
import { get } from './client';

export interface StreamHandle {
  close(): void;
}

export interface StreamOptions<T> {
  onMessage: (result: T) => void;
  /** Called when the server ends the stream (e.g. the logs of a finished workflow are complete). */
  onEnd?: () => void;
  onError?: (message: string) => void;
  /** Reconnect when the connection drops before the stream is known to be complete. */
  reconnect?: boolean;
}

/**
 * Opens an EventSource on `url`. A stream the server closes after its last message (logs without
 * follow, or of a finished workflow) fires `error` with readyState CLOSED or CONNECTING: we close
 * it and report the end, unless reconnect is asked for.
 */
export function openStream<T>(url: string, opts: StreamOptions<T>): StreamHandle {
  let closed = false;
  let source: EventSource | undefined;
  let opened = false;
  const connect = () => {
    source = new EventSource(url, { withCredentials: true });
    source.onopen = () => {
      opened = true;
    };
    source.onmessage = (e: MessageEvent<string>) => {
      if (!e.data) return;
      try {
        const parsed = JSON.parse(e.data) as { result?: T; error?: { message?: string } };
        if (parsed.result !== undefined) opts.onMessage(parsed.result);
        else if (parsed.error) opts.onError?.(parsed.error.message ?? 'stream error');
      } catch {
        opts.onError?.('unreadable message from the server');
      }
    };
    source.onerror = () => {
      source?.close();
      if (closed) return;
      if (!opened) {
        // The request itself failed; EventSource does not say why. A small authenticated call
        // tells a lost session (401, handled by the client: the login page) from a bad stream.
        get('/api/v1/userinfo')
          .then(() => opts.onError?.('the stream could not be opened: ' + url.split('?')[0]))
          .catch((err: unknown) => opts.onError?.(err instanceof Error ? err.message : String(err)));
        return;
      }
      if (opts.reconnect) {
        opened = false;
        setTimeout(() => !closed && connect(), 1000);
      } else {
        opts.onEnd?.();
      }
    };
  };
  connect();
  return {
    close() {
      closed = true;
      source?.close();
    },
  };
}

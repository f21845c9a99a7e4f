// The download button's file: the logs fetched once more without follow, so the file is what
// `weft logs` prints whatever the viewer shows (grep, timestamps).
import { formatForDownload, logUrl } from './logLines';
import type { LogEntry } from '../api/types';
import { ApiError, requireLogin } from '../api/client';

export async function fetchLogText(ns: string, name: string, podName?: string): Promise<string> {
  const res = await fetch(logUrl(ns, name, { podName, follow: false }), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (res.status === 401) requireLogin();
  if (!res.ok) throw new ApiError(res.status, undefined, (await res.text()) || res.statusText);
  const entries: LogEntry[] = [];
  for (const line of (await res.text()).split('\n')) {
    if (!line.trim()) continue; // keep-alives
    const result = (JSON.parse(line) as { result?: LogEntry }).result;
    if (result && typeof result.content === 'string') entries.push(result);
  }
  return formatForDownload(entries);
}

/** Saves text as a file through a temporary object URL. */
export function saveText(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

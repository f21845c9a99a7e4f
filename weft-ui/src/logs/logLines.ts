// Log lines as the viewer keeps them, and the download's text.
import type { LogEntry } from '../api/types';

/** The download: exactly what `weft logs WORKFLOW [POD]` prints, "<podName>: <content>" per line. */
export function formatForDownload(lines: LogEntry[]): string {
  let out = '';
  for (const l of lines) out += `${l.podName ?? ''}: ${l.content}\n`;
  return out;
}

// RFC3339 at the start of a line, as Argo's logOptions.timestamps=true writes it.
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) (.*)$/s;

/** Splits off a leading timestamp, if the server added one. */
export function splitTimestamp(content: string): { time?: string; text: string } {
  const m = STAMP.exec(content);
  return m ? { time: m[1], text: m[2] } : { text: content };
}

/** The log stream's URL: Argo's query names, which Weft's LogStream reads. */
export function logUrl(ns: string, name: string, opts: { podName?: string; grep?: string; follow: boolean; timestamps?: boolean; container?: string }): string {
  const q = new URLSearchParams();
  q.set('logOptions.container', opts.container ?? 'main');
  if (opts.follow) q.set('logOptions.follow', 'true');
  if (opts.timestamps) q.set('logOptions.timestamps', 'true');
  if (opts.podName) q.set('podName', opts.podName);
  if (opts.grep) q.set('grep', opts.grep);
  return `/api/v1/workflows/${encodeURIComponent(ns)}/${encodeURIComponent(name)}/log?${q}`;
}

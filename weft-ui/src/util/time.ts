// Times as the UI shows them: local, ISO-like ("2026-12-06 11:48:49"); durations as "1h 2m 3s".

const pad = (n: number) => String(n).padStart(2, '0');

export function localTime(rfc3339?: string): string {
  if (!rfc3339) return '';
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** Milliseconds from start to end (or to now while running); undefined without a start. */
export function elapsed(start?: string, end?: string, now = Date.now()): number | undefined {
  if (!start) return undefined;
  const s = Date.parse(start);
  const e = end ? Date.parse(end) : now;
  if (Number.isNaN(s) || Number.isNaN(e)) return undefined;
  return Math.max(0, e - s);
}

export function formatDuration(ms?: number): string {
  if (ms === undefined) return '';
  if (ms < 10000) return `${(Math.round(ms / 100) / 10).toString()}s`; // short steps: tenths
  let s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  s = s % 60;
  return h > 0 ? `${h}h ${m}m ${s}s` : `${m}m ${s}s`;
}

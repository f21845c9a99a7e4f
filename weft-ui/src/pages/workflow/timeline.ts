// The timeline's bars: one per pod node, from its start to its end (or to now while running).
import type { Workflow } from '../../api/types';

export interface Bar {
  id: string;
  label: string;
  phase: string;
  start: number;
  end: number;
  running: boolean;
}

export function timelineBars(wf: Workflow, now: number): { bars: Bar[]; min: number; max: number } {
  const bars: Bar[] = [];
  for (const n of Object.values(wf.status?.nodes ?? {})) {
    if (n.type !== 'Pod' || !n.startedAt) continue;
    const start = Date.parse(n.startedAt);
    const running = !n.finishedAt;
    const end = n.finishedAt ? Date.parse(n.finishedAt) : now;
    if (Number.isNaN(start) || Number.isNaN(end)) continue;
    bars.push({ id: n.id, label: n.displayName ?? n.name, phase: n.phase ?? 'Pending', start, end: Math.max(end, start), running });
  }
  bars.sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
  const min = bars.length ? Math.min(...bars.map((b) => b.start)) : now;
  const max = bars.length ? Math.max(...bars.map((b) => b.end)) : now;
  return { bars, min, max: Math.max(max, min + 1000) };
}
